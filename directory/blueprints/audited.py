"""Pages and files that show applicants' personal data: each one is written to the audit log."""
from flask_login import current_user

from directory.extensions import db
from directory.services.programme.privacy import log_personal_data_access


def audited(response, action, **details):
    """Log the view for the signed-in user and commit, then return the page or file, already made.

    Made first on purpose: the commit expires every loaded row, and a template rendered after it would
    load each application again, one query at a time.
    """
    log_personal_data_access(current_user, action, **details)
    db.session.commit()
    return response
