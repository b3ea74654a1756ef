"""A host organisation's editors see the participants placed with it: names, and contacts only when shared."""
from datetime import date

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import ApplicationStatus, ConsentPurpose, PersonalDataAccess
from directory.services.programme.hosts import add_host
from tests.account.conftest import text_of
from tests.event_factories import PERSONAL_VALUES, make_application, make_event

S = ApplicationStatus
NO_SHARING = tuple(p for p in ConsentPurpose if p is not ConsentPurpose.SHARE_WITH_HOST)


@pytest.fixture
def setting(make_organisation):
    """Round 3 with two hosts; Nok (sharing) and Shy (not sharing) with the first, Other with the second."""
    event = make_event(starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8))
    mangrove, school = make_organisation(name_en="Mangrove Friends"), make_organisation(name_en="Sea School")
    first, second = add_host(event, mangrove, capacity=5), add_host(event, school, capacity=5)
    db.session.commit()
    nok = make_application(event, status=S.CONFIRMED, display_name="Nok", host_id=first.id, **PERSONAL_VALUES)
    shy = make_application(event, status=S.SELECTED, display_name="Shy", host_id=first.id, consents=NO_SHARING,
                           full_name="Shy Secret-Fullname", email="shy.secret@example.net", phone="0822222222",
                           line_id="shy_line")
    make_application(event, status=S.WITHDRAWN, display_name="Gone", host_id=first.id, email="gone@example.net")
    make_application(event, status=S.CONFIRMED, display_name="Other", host_id=second.id, full_name="Other Person",
                     email="other@example.net")
    make_application(event, status=S.CONFIRMED, display_name="Unplaced", email="unplaced@example.net")
    return {"event": event, "mangrove": mangrove, "school": school, "nok": nok, "shy": shy}


def url(organisation, event):
    return f"/account/organisations/{organisation.public_id}/events/{event.public_id}/participants"


def test_an_editor_sees_own_participants_with_contacts_only_when_shared(client, auth, make_user, setting):
    editor = make_user(editor_of=[setting["mangrove"]])
    auth.login(editor.email)
    response = client.get(url(setting["mangrove"], setting["event"]) + "?lang=en")
    assert response.status_code == 200
    page = text_of(response)
    for shown in ("Nok", PERSONAL_VALUES["full_name"], PERSONAL_VALUES["email"], PERSONAL_VALUES["phone"],
                  PERSONAL_VALUES["line_id"], "Shy"):
        assert shown in page, shown
    for hidden in ("Shy Secret-Fullname", "shy.secret@example.net", "0822222222", "shy_line",  # not shared
                   str(PERSONAL_VALUES["birth_year"]), str(PERSONAL_VALUES["birth_year"] + 543),
                   PERSONAL_VALUES["health_notes"], PERSONAL_VALUES["guardian_name"],
                   PERSONAL_VALUES["guardian_contact"], PERSONAL_VALUES["occupation"],
                   PERSONAL_VALUES["motivation"],
                   "Gone", "gone@example.net", "Other", "other@example.net", "Unplaced"):  # not theirs
        assert hidden not in page, hidden
    assert "2 participants" in page
    row = db.session.scalars(sa.select(PersonalDataAccess)).one()
    assert (row.action, row.user_id, row.event_id) == ("host_participants", editor.id, setting["event"].id)


def test_the_other_host_sees_only_its_own(client, auth, make_user, setting):
    auth.login(make_user(editor_of=[setting["school"]]).email)
    page = text_of(client.get(url(setting["school"], setting["event"]) + "?lang=en"))
    assert "Other Person" in page and "other@example.net" in page
    assert "Nok" not in page and PERSONAL_VALUES["email"] not in page


def test_everyone_else_gets_404(client, auth, make_user, make_organisation, setting):
    target = url(setting["mangrove"], setting["event"])
    assert client.get(target).status_code == 302  # not signed in: to the login page
    auth.login(make_user(editor_of=[setting["school"]]).email)  # another host's editor
    assert client.get(target).status_code == 404
    auth.logout()
    auth.login(make_user().email)  # a member editing nothing
    assert client.get(target).status_code == 404
    auth.logout()
    outsider = make_organisation()
    auth.login(make_user(editor_of=[outsider]).email)  # edits an organisation that hosts nothing
    assert client.get(url(outsider, setting["event"])).status_code == 404
    assert client.get(f"/account/organisations/{outsider.public_id}/events/nothing/participants").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PersonalDataAccess)) == 0
