"""Personal data of applicants (Thailand's PDPA): which fields it is, and the audit of who looked at it.

Every staff view or export that shows applicants' personal data writes one PersonalDataAccess row.
The row says who, what action, which event or application, and a short non-personal detail (the
filter used, a row count); the personal values themselves are never written there, nor to any log.
"""
from directory.extensions import db
from directory.models import PersonalDataAccess

# The Application columns that are personal data: shown only to staff (and, what was consented, to
# the host), never on public pages, the public API, the search index or logs; cleared on the applicant's
# deletion request and by `flask events anonymise`. The display name is handled apart.
PERSONAL_FIELDS = ("full_name", "nickname", "email", "phone", "line_id", "birth_year", "province_code",
                   "occupation", "other_skill", "motivation", "health_notes", "guardian_name", "guardian_contact")
MAX_DETAIL = 300  # PersonalDataAccess.detail's length


def log_personal_data_access(user, action, *, event=None, application=None, detail=None):
    """Record that `user` saw or exported personal data; flushes and returns the row.

    `event` defaults to the application's event, so every row can be found by event.
    """
    if event is None and application is not None:
        event = application.event
    entry = PersonalDataAccess(user_id=user.id if user is not None else None, action=action,
                               event_id=event.id if event is not None else None,
                               application_id=application.id if application is not None else None,
                               detail=detail[:MAX_DETAIL] if detail else None)
    db.session.add(entry)
    db.session.flush()
    return entry
