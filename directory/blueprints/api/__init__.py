"""The JSON API, /api/v1."""
from flask import Blueprint

api = Blueprint("api", __name__)

from directory.blueprints.api import views  # noqa: E402,F401
