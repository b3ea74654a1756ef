"""The JSON API, /api/v1."""
from flask import Blueprint

api = Blueprint("api", __name__)

from directory.blueprints.api import (
    applications,  # noqa: E402,F401
    edits,  # noqa: E402,F401
    events,  # noqa: E402,F401
    views,  # noqa: E402,F401
)
