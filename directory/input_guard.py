"""Text the app would store badly is refused wherever it comes in: query string, form, JSON and files.

A NUL character cannot be stored by PostgreSQL (the driver raised, and the request was a 500); other
control characters and the bidirectional overrides (which make text display reversed: "‮gpj.exe")
have no place in a name or a description; nor has a value made only of invisible characters. Line
breaks and tabs are text. Every field refused is named, in the shape of any other validation error
(400, JSON `fields` under /api, the bilingual error page elsewhere); the spreadsheet importer refuses
such cells by the same rule (schemas/organisations/rows.py).
"""
import re

from flask import abort, request
from marshmallow import ValidationError

from directory.i18n import Message

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff\u00ad]+")
CONTROL_CHARACTER = Message("contains a control character or a text-direction override: remove it")
NOTHING_VISIBLE = Message("has only invisible characters")


def problem_with(text):
    """The Message saying why `text` cannot be stored, or None."""
    if not isinstance(text, str) or not text:
        return None
    if FORBIDDEN.search(text):
        return CONTROL_CHARACTER
    if not _INVISIBLE.sub("", text):
        return None if not text.strip(" \t\r\n") else NOTHING_VISIBLE
    return None


def _shown(name):
    return FORBIDDEN.sub("?", str(name))


def request_problems():
    """{field: [Message]} for every value of the request that cannot be stored."""
    problems = {}

    def check(name, value):
        problem = problem_with(name) or problem_with(value)
        if problem:
            problems.setdefault(_shown(name), []).append(problem)

    for source in (request.args, request.form):
        for name, values in source.lists():
            for value in values:
                check(name, value)
    for name, upload in request.files.items(multi=True):
        check(name, upload.filename or "")
    if request.is_json:
        body = request.get_json(silent=True)
        for name, value in _json_strings(body):
            check(name, value)
    return {name: list(dict.fromkeys(messages)) for name, messages in problems.items()}


def _json_strings(value, name="body"):
    """(top-level field, string) for every key and string anywhere in a JSON value."""
    if isinstance(value, dict):
        for key, child in value.items():
            field = key if name == "body" else name
            yield field, key
            yield from _json_strings(child, field)
    elif isinstance(value, list):
        for child in value:
            yield from _json_strings(child, name)
    elif isinstance(value, str):
        yield name, value


def install(app):
    @app.before_request
    def refuse_unstorable_text():
        if any(FORBIDDEN.search(str(value)) for value in (request.view_args or {}).values()):
            abort(404)  # no page has such an address
        problems = request_problems()
        if problems:
            raise ValidationError(problems)
