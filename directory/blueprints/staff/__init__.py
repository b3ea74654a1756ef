"""The back office. One guard for all of it: signed in, active, and staff or admin."""
from flask import Blueprint, abort
from flask_login import current_user

from directory.extensions import login_manager

staff = Blueprint("staff", __name__)


@staff.before_request
def require_staff():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if not current_user.is_staff:
        abort(403)


from directory.blueprints.staff import (  # noqa: E402,F401  (the views register themselves on `staff`)
    applications,
    claims,
    corrections,
    events,
    history,
    imports,
    matching,
    organisations,
    publishing,
    search_words,
    users,
)
