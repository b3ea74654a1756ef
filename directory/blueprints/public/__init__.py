"""The public site: search, browse, organisation profiles."""
from flask import Blueprint

public = Blueprint("public", __name__)

from directory.blueprints.public import views  # noqa: E402,F401
