"""Self-service for signed-in people: their account, and the organisations they edit."""
from flask import Blueprint

account = Blueprint("account", __name__)

from directory.blueprints.account import (  # noqa: E402,F401  (registers the views)
    auth,
    hosting,  # noqa: E402,F401
    organisations,
    profile,
)
