"""Error responses: JSON under /api, a bilingual page everywhere else. Never a stack trace."""
import sqlite3

from flask import Flask, g, jsonify, render_template, request
from marshmallow import ValidationError
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException, SecurityError, ServiceUnavailable

from directory.extensions import db, login_manager
from search_index import IndexMissing


def wants_json():
    return request.path.startswith("/api/") or request.path.endswith(".json")


def register(app: Flask):
    @app.errorhandler(ValidationError)
    def validation_error(error):
        if wants_json():
            return jsonify(error="invalid request", fields=field_messages(error.messages)), 400
        return render_template("errors/error.html", code=400, fields=error.messages), 400

    @app.errorhandler(SecurityError)
    def untrusted_host(error):
        """A Host outside TRUSTED_HOSTS: no URL can be built for it, so no page either."""
        return "400 Bad Request: this host is not served here\n", 400, {"Content-Type": "text/plain; charset=utf-8"}

    @app.errorhandler(IndexMissing)
    def index_missing(error):
        app.logger.error("no search index at %s: run `flask search reindex` (or start `flask search follow`)", error)
        return http_error(ServiceUnavailable(retry_after=60))

    @app.errorhandler(HTTPException)
    def http_error(error):
        headers = _kept_headers(error)  # Allow on a 405, Retry-After on a 503 ...
        if wants_json():
            return jsonify(error=error.description, status=error.code), error.code, headers
        return render_template("errors/error.html", code=error.code, message=error.description), error.code, headers

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_error(error):
        """The database is down, unreachable, busy or too slow: a 503 to come back later. (SQLite also
        reports some mistakes of ours as OperationalError: those stay 500s.)"""
        if not _is_unavailable(error):
            return unexpected_error(error)
        app.logger.error("database unavailable on %s %s: %s", request.method, request.path,
                         str(error.orig if getattr(error, "orig", None) else error).splitlines()[0][:300])
        db.session.rollback()
        g._login_user = login_manager.anonymous_user()  # the page must not ask the database who is signed in
        return http_error(ServiceUnavailable(retry_after=30))

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        if wants_json():
            return jsonify(error="internal error", status=500), 500
        return render_template("errors/error.html", code=500), 500


def field_messages(messages):
    """{field: [message, ...]} as the API documents it: a list item's messages (marshmallow keys them by
    the item's position) are folded into its field's list."""
    if not isinstance(messages, dict):
        return {"_schema": _flat(messages)}
    return {field: _flat(value) for field, value in messages.items()}


def _flat(value):
    if isinstance(value, dict):
        return [message for item in value.values() for message in _flat(item)]
    if isinstance(value, (list, tuple)):
        return [message for item in value for message in _flat(item)]
    return [str(value)]


def _kept_headers(error):
    return [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]


def _is_unavailable(error):
    original = getattr(error, "orig", None)
    if isinstance(original, sqlite3.Error):
        return any(words in str(original) for words in ("locked", "unable to open", "disk I/O"))
    return True
