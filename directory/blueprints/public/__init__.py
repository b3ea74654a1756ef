"""The public site: search, browse, organisation profiles."""
from flask import Blueprint

public = Blueprint("public", __name__)

from directory.blueprints.public import (
    announcements,  # noqa: E402,F401
    applications,  # noqa: E402,F401
    corrections,  # noqa: E402,F401
    discovery,  # noqa: E402,F401
    events,  # noqa: E402,F401
    media,  # noqa: E402,F401
    open_data,  # noqa: E402,F401
    statistics,  # noqa: E402,F401
    views,  # noqa: E402,F401
)
