"""Signed, expiring tokens for links sent by mail (verification, password reset, invitations).

Each purpose has its own salt, so a token made for one can never be used for another.
"""
from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer


class InvalidToken(Exception):
    """The link was altered, expired, or made for another purpose."""


def make_token(purpose, payload):
    return _serializer(purpose).dumps(payload)


def read_token(purpose, token, max_age):
    try:
        return _serializer(purpose).loads(token, max_age=max_age)
    except BadData as error:
        raise InvalidToken(purpose) from error


def _serializer(purpose):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"directory.{purpose}")
