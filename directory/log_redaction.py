"""Private tokens never reach a log: a path that carries one is written with <private> in its place.

An applicant's private link opens their personal data; reset, verification and invitation links act
for their owner. The development server's log, the app's own log and gunicorn's access log
(gunicorn.conf.py) all pass through `redact`; a test checks every route with a <token> is covered.
"""
import logging
import re

PRIVATE_PATH_PREFIXES = ("/applications/", "/account/verify/", "/account/reset-password/", "/account/invitations/")
_PRIVATE = re.compile("(" + "|".join(map(re.escape, PRIVATE_PATH_PREFIXES)) + r")[^/?#\s\"']+")


def redact(text):
    return _PRIVATE.sub(r"\1<private>", text) if isinstance(text, str) else text


class RedactingFilter(logging.Filter):
    """Redacts the message and its arguments (werkzeug logs the request line as an argument)."""

    def filter(self, record):
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: redact(value) for key, value in record.args.items()}
        return True


def install(app):
    """Put the filter on the loggers a Flask app writes requests to (once per logger)."""
    for logger in (logging.getLogger("werkzeug"), app.logger):
        if not any(isinstance(f, RedactingFilter) for f in logger.filters):
            logger.addFilter(RedactingFilter())
