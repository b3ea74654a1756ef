"""The applicant's private pages: status and details, updates, withdrawal, works, data download, deletion."""
import io
import json
import re
from datetime import datetime

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ApplicationStatus, ConsentPurpose, MediaWork
from directory.services.platform.clock import BANGKOK
from directory.services.programme.application_status import move_application
from tests.conftest import form_token
from tests.event_factories import set_clock, submit

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def applied(open_round):
    """(application, its private URL) for a fresh application to round 3."""
    application, token = submit(open_round, full_name="สมศรี มีสุข", nickname=None, email="somsri@example.org",
                                health_notes="แพ้ถั่วลิสง", consent_health_notes=True)
    return application, f"/applications/{token}"


def confirm(application):
    for status in ("selected", "confirmed"):
        move_application(application, status)
    db.session.commit()


def test_the_page_shows_the_status_and_the_applicants_own_details(client, applied):
    application, url = applied
    response = client.get(url)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "somsri@example.org" in page and "แพ้ถั่วลิสง" in page and "สมศรี มีสุข" in page
    assert "status-submitted" in page
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response.headers["X-Robots-Tag"]
    assert page.count('name="csrf_token"') >= 3  # update, withdraw, delete


def test_an_unknown_or_malformed_token_is_a_404(client, applied):
    _application, url = applied
    assert client.get(url[:-2] + "xx").status_code == 404
    assert client.get("/applications/short").status_code == 404
    assert client.post("/applications/" + "a" * 43 + "/withdraw").status_code in (400, 404)


def test_the_details_can_be_updated(client, applied):
    application, url = applied
    response = client.post(f"{url}/details", data={"csrf_token": form_token(client, url), "nickname": "ศรี",
                                                   "occupation": "พยาบาล", "consent_publish_name": "yes"})
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    db.session.expire_all()
    stored = db.session.get(Application, application.id)
    assert (stored.nickname, stored.display_name, stored.occupation) == ("ศรี", "ศรี", "พยาบาล")
    assert stored.email == "somsri@example.org"  # not sent, not changed


def test_an_update_with_mistakes_shows_them(client, applied):
    _application, url = applied
    response = client.post(f"{url}/details", data={"csrf_token": form_token(client, url), "email": "nope"})
    assert response.status_code == 400 and 'id="email-errors"' in response.get_data(as_text=True)
    # Under 20 by the new year of birth, and no guardian given yet.
    response = client.post(f"{url}/details", data={"csrf_token": form_token(client, url), "birth_year": "2005"})
    assert response.status_code == 400 and 'id="guardian_name-errors"' in response.get_data(as_text=True)


def test_an_update_cannot_take_another_applicants_email(client, open_round, applied):
    submit(open_round, email="taken@example.org")
    _application, url = applied
    response = client.post(f"{url}/details", data={"csrf_token": form_token(client, url),
                                                   "email": "Taken@example.org"})
    assert response.status_code == 400 and 'id="email-errors"' in response.get_data(as_text=True)


def test_a_post_without_csrf_is_refused(client, applied):
    application, url = applied
    assert client.post(f"{url}/withdraw").status_code == 400
    assert client.post(f"{url}/delete").status_code == 400
    assert client.post(f"{url}/details", data={"occupation": "x"}).status_code == 400
    db.session.expire_all()
    assert db.session.get(Application, application.id).status is ApplicationStatus.SUBMITTED


def test_withdrawing(client, applied):
    application, url = applied
    response = client.post(f"{url}/withdraw", data={"csrf_token": form_token(client, url)})
    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.get(Application, application.id)
    assert stored.status is ApplicationStatus.WITHDRAWN and stored.status_changes[-1].by_applicant
    page = client.get(url).get_data(as_text=True)
    assert "status-withdrawn" in page and f'{url}/withdraw"' not in page and 'name="full_name"' not in page


def test_the_data_download_is_the_applicants_json(client, applied):
    application, url = applied
    response = client.get(f"{url}/data.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["email"] == "somsri@example.org" and data["health_notes"] == "แพ้ถั่วลิสง"
    assert {c["purpose"] for c in data["consents"]} >= {"processing", "health_notes"}


def test_asking_for_deletion_clears_the_data_at_once(client, applied):
    application, url = applied
    response = client.post(f"{url}/delete", data={"csrf_token": form_token(client, url)})
    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.get(Application, application.id)
    assert stored.email is None and stored.health_notes is None and stored.full_name is None
    assert stored.status is ApplicationStatus.WITHDRAWN and stored.anonymised_at is not None
    assert stored.deletion_requested_at is not None
    assert all(c.withdrawn_at for c in stored.consents)
    page = client.get(url).get_data(as_text=True)
    assert "somsri@example.org" not in page and "แพ้ถั่วลิสง" not in page
    assert 'name="full_name"' not in page


def test_works_can_be_sent_only_once_confirmed(client, applied):
    application, url = applied
    page = client.get(url).get_data(as_text=True)
    assert 'enctype="multipart/form-data"' not in page
    response = client.post(f"{url}/works", data={"csrf_token": form_token(client, url), "title": "x",
                                                 "format": "article", "url": "https://example.org/x"})
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MediaWork)) == 0


def test_a_confirmed_participant_sends_a_link_and_a_file(client, app, applied):
    application, url = applied
    confirm(application)
    assert 'enctype="multipart/form-data"' in client.get(url).get_data(as_text=True)
    response = client.post(f"{url}/works", data={"csrf_token": form_token(client, url), "title": "ป่าชายเลน",
                                                 "format": "video", "url": "https://video.example.org/watch?v=1",
                                                 "description": "สารคดีสั้น"})
    assert response.status_code == 302
    set_clock(app, datetime(2019, 4, 22, 8, tzinfo=BANGKOK))  # the day after works were due
    response = client.post(f"{url}/works", content_type="multipart/form-data", data={
        "csrf_token": form_token(client, url), "title": "ภาพชุดละงู", "format": "photo_set",
        "file": (io.BytesIO(PNG), "photo.png")})
    assert response.status_code == 302
    stored = db.session.scalars(sa.select(MediaWork).order_by(MediaWork.id)).all()
    assert [(w.title, w.is_late, bool(w.file_name)) for w in stored] == [("ป่าชายเลน", False, False),
                                                                       ("ภาพชุดละงู", True, True)]
    page = client.get(url).get_data(as_text=True)
    assert "ป่าชายเลน" in page and "ภาพชุดละงู" in page


@pytest.mark.parametrize(("data", "field"), [
    (b"<html></html>", "file"), (b"%PDF-" + b"\x00" * 1024, "file"), (b"", "url"),
])
def test_a_refused_work_shows_why(client, app, applied, data, field):
    """The size limit is lowered to 1 kB here: the test client leaks the temporary file of a 10 MB body
    (tests/services/test_works.py checks the real limit)."""
    app.config["MAX_WORK_BYTES"] = 1024
    application, url = applied
    confirm(application)
    response = client.post(f"{url}/works", content_type="multipart/form-data", data={
        "csrf_token": form_token(client, url), "title": "งาน", "format": "article",
        "file": (io.BytesIO(data), "work.pdf")})
    assert response.status_code == 400
    assert f'id="{field}-errors"' in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MediaWork)) == 0


def test_uploaded_files_are_served_only_when_published(client, applied):
    application, url = applied
    confirm(application)
    client.post(f"{url}/works", content_type="multipart/form-data", data={
        "csrf_token": form_token(client, url), "title": "ภาพ", "format": "photo_set",
        "file": (io.BytesIO(PNG), "p.png")})
    work = db.session.scalar(sa.select(MediaWork))
    assert client.get(f"/works/files/{work.file_name}").status_code == 404
    work.is_published = True
    db.session.commit()
    response = client.get(f"/works/files/{work.file_name}")
    body = response.get_data()
    response.close()
    assert response.status_code == 200 and body == PNG and response.mimetype == "image/png"
    assert client.get("/works/files/..%2Fsecret_key").status_code == 404


def test_the_page_says_what_a_missing_optional_consent_means(client, open_round):
    _application, token = submit(open_round, consent_share_with_host=False, consent_publish_name=False)
    page = client.get(f"/applications/{token}?lang=en").get_data(as_text=True)
    assert "you cannot be placed with a host" in page
    assert "your name will not appear in the announcement" in page


def test_consents_can_be_given_later_but_not_withdrawn_by_an_unticked_box(client, open_round):
    application, token = submit(open_round, consent_publish_name=False)
    url = f"/applications/{token}"
    page = client.get(url).get_data(as_text=True)
    assert re.search(r'name="consent_publish_name"', page)
    assert not re.search(r'name="consent_processing"', page)  # given already: shown, not asked
    client.post(f"{url}/details", data={"csrf_token": form_token(client, url), "consent_publish_name": "yes"})
    db.session.expire_all()
    stored = db.session.get(Application, application.id)
    assert stored.has_consent(ConsentPurpose.PUBLISH_NAME) and stored.has_consent(ConsentPurpose.PROCESSING)


def test_a_consent_is_withdrawn_as_easily_as_it_was_given(client, applied):
    application, url = applied
    page = client.get(url).get_data(as_text=True)
    assert "/consents/health_notes/withdraw" in page and "/consents/processing/withdraw" not in page
    response = client.post(f"{url}/consents/health_notes/withdraw", data={"csrf_token": form_token(client, url)})
    assert response.status_code == 302
    db.session.expire_all()
    assert not application.has_consent(ConsentPurpose.HEALTH_NOTES)
    assert application.health_notes is None  # what the consent allowed stops now
    assert [c.withdrawn_at is not None for c in application.consents if c.purpose is ConsentPurpose.HEALTH_NOTES] \
        == [True]
    assert "/consents/health_notes/withdraw" not in client.get(url).get_data(as_text=True)


def test_the_processing_consent_is_not_withdrawn_on_its_own(client, applied):
    """Without it nothing may be processed at all: that is the deletion request, not a button."""
    application, url = applied
    response = client.post(f"{url}/consents/processing/withdraw", data={"csrf_token": form_token(client, url)})
    assert response.status_code == 404
    db.session.expire_all()
    assert application.has_consent(ConsentPurpose.PROCESSING)


def test_withdrawing_the_publish_consent_takes_the_name_off_the_announcement(client, applied):
    application, url = applied
    assert application.public_name
    client.post(f"{url}/consents/publish_name/withdraw", data={"csrf_token": form_token(client, url)})
    db.session.expire_all()
    assert application.public_name is None
