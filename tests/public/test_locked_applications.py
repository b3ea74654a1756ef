"""An application that is final (rejected, withdrawn ...) or anonymised cannot be changed or withdrawn,
through the service or its private link, and the applicant is told so."""
import pytest
from flask_babel import refresh

from directory.extensions import db
from directory.models import Application, ApplicationStatus
from directory.services.programme import applications as service
from directory.services.programme.anonymise import anonymise_application
from directory.services.programme.application_status import move_application
from tests.conftest import form_token
from tests.event_factories import submit


def stored(application):
    db.session.expire_all()
    return db.session.get(Application, application.id)


@pytest.fixture
def anonymised(open_round):
    """(application, its private URL): still submitted, but its personal data already cleared."""
    application, token = submit(open_round, nickname="หญิง", email="ying@example.org")
    anonymise_application(application, 1)
    db.session.commit()
    assert stored(application).status is ApplicationStatus.SUBMITTED  # not final: only anonymised_at locks it
    return application, f"/applications/{token}"


@pytest.fixture
def rejected(open_round):
    application, token = submit(open_round, nickname="หญิง", email="ying@example.org")
    move_application(application, ApplicationStatus.REJECTED)
    db.session.commit()
    return application, f"/applications/{token}"


@pytest.mark.parametrize("which", ["anonymised", "rejected"])
def test_the_service_refuses_to_change_or_withdraw_it(request, which):
    application, _url = request.getfixturevalue(which)
    before = (stored(application).status, stored(application).nickname, stored(application).occupation)
    assert service.is_locked(application)
    with pytest.raises(service.ApplicationLocked):
        service.update_application_details(application, {"nickname": "ใหม่", "occupation": "ชาวประมง"})
    db.session.rollback()
    with pytest.raises(service.ApplicationLocked):
        service.withdraw(application)
    db.session.rollback()
    after = stored(application)
    assert (after.status, after.nickname, after.occupation) == before


@pytest.mark.parametrize("which", ["anonymised", "rejected"])
def test_the_private_link_refuses_and_says_why(client, request, which):
    application, url = request.getfixturevalue(which)
    before = (stored(application).status, stored(application).nickname, stored(application).occupation)
    token = form_token(client, "/account/login")  # a locked application's page has no form to take it from

    response = client.post(f"{url}/details", data={"csrf_token": token, "nickname": "ใหม่",
                                                  "occupation": "ชาวประมง"})
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    refresh()
    assert "ใบสมัครนี้แก้ไขไม่ได้อีกแล้ว" in client.get(url).get_data(as_text=True)

    response = client.post(f"{url}/withdraw", data={"csrf_token": token})
    assert response.status_code == 302
    refresh()
    assert "ใบสมัครนี้ถอนไม่ได้อีกแล้ว" in client.get(url).get_data(as_text=True)

    after = stored(application)
    assert (after.status, after.nickname, after.occupation) == before
    assert [change.to_status for change in after.status_changes][-1] is before[0]
