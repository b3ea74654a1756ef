"""The personal-data audit log: one row per view or export, saying who, what and which event."""
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, PersonalDataAccess
from directory.services.programme.privacy import MAX_DETAIL, PERSONAL_FIELDS, log_personal_data_access
from tests.event_factories import make_application, make_event


def test_a_row_records_who_what_and_which_event(app, make_user):
    user = make_user(role="staff")
    event = make_event()
    entry = log_personal_data_access(user, "export_applications", event=event, detail="status=selected rows=3")
    db.session.commit()

    [stored] = db.session.scalars(sa.select(PersonalDataAccess)).all()
    assert stored.id == entry.id
    assert (stored.user_id, stored.action, stored.event_id, stored.application_id, stored.detail) == (
        user.id, "export_applications", event.id, None, "status=selected rows=3")
    assert stored.created_at is not None


def test_an_application_view_records_its_event_too(app, make_user):
    user = make_user(role="staff")
    event = make_event()
    application = make_application(event)
    entry = log_personal_data_access(user, "view_application", application=application)
    assert (entry.event_id, entry.application_id, entry.detail) == (event.id, application.id, None)


def test_a_long_detail_is_cut_to_fit(app, make_user):
    entry = log_personal_data_access(make_user(role="staff"), "list_applications", event=make_event(),
                                     detail="q=" + "ก" * 400)
    db.session.commit()
    assert len(entry.detail) == MAX_DETAIL


def test_personal_fields_are_application_columns():
    columns = set(Application.__table__.columns.keys())
    assert set(PERSONAL_FIELDS) <= columns
    assert {"full_name", "email", "phone", "birth_year", "health_notes", "guardian_contact"} <= set(PERSONAL_FIELDS)
    assert not {"display_name", "status", "event_id", "created_at"} & set(PERSONAL_FIELDS)
