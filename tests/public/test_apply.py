"""The public application form: the window, validation, duplicates, consents, guardians, the confirmation
with its private link (page and mail), the rate limit, and what is never logged."""
import logging
import re
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ConsentPurpose
from directory.services.platform.clock import BANGKOK
from tests.conftest import form_token
from tests.event_factories import set_clock


def form(**overrides):
    """A complete form as a browser sends it (unticked boxes are simply absent)."""
    data = {
        "full_name": "สมชาย รักดี", "nickname": "ชาย", "email": "somchai@example.org", "phone": "081-234-5678",
        "line_id": "", "birth_year": "2535", "province": "91", "occupation": "เกษตรกร",
        "interests": ["community-development", "health-promotion"], "media_skills": ["video", "other"],
        "other_skill": "ตัดต่อเสียง", "motivation": "อยากช่วยชุมชน", "health_notes": "",
        "guardian_name": "", "guardian_contact": "", "consent_processing": "yes",
        "consent_share_with_host": "yes", "consent_publish_name": "yes",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def apply_url(event):
    return f"/events/{event.public_id}/apply"


def post(client, event, **overrides):
    data = form(**overrides)
    data["csrf_token"] = form_token(client, apply_url(event))
    return client.post(apply_url(event), data=data)


def count():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Application))


def test_the_form_shows_each_field_and_four_unticked_consents(client, open_round):
    page = client.get(apply_url(open_round)).get_data(as_text=True)
    for name in ("full_name", "nickname", "email", "phone", "line_id", "birth_year", "province", "occupation",
                 "interests", "media_skills", "other_skill", "motivation", "health_notes", "guardian_name",
                 "guardian_contact"):
        assert f'name="{name}"' in page, name
    boxes = re.findall(r'<input type="checkbox" id="(consent_\w+)"[^>]*>', page)
    assert boxes == ["consent_processing", "consent_share_with_host", "consent_health_notes",
                     "consent_publish_name", "consent_guardian"]
    assert not re.search(r'id="consent_\w+"[^>]*checked', page)
    assert "เพื่อพิจารณาคัดเลือกและจัดกิจกรรมครั้งนี้เท่านั้น" in page  # the Thai wording
    assert "only to select participants for this event" in page  # and the English
    assert "ฉบับเดือนพฤศจิกายน 2569" in page and "2026-11" not in page  # the wording's month, in the Buddhist Era
    assert page.count('<option value="') >= 77 + 1  # every province (and nothing else with a value)
    assert "Shown publicly if you are selected" in client.get(apply_url(open_round) + "?lang=en").get_data(
        as_text=True)


def test_a_valid_application_gets_its_private_link_on_the_page_and_by_mail(client, open_round, mailbox):
    response = post(client, open_round)
    assert response.status_code == 303 and response.headers["Cache-Control"] == "no-store"
    received = client.get(response.headers["Location"])  # post-redirect-get: a reload sends nothing again
    assert received.headers["Cache-Control"] == "no-store"
    page = received.get_data(as_text=True)
    assert "ขอบคุณ: เราได้รับใบสมัครของคุณแล้ว" in page
    link = re.search(r'id="private-link-field" type="text" readonly value="(http://localhost/applications/[A-Za-z0-9_-]{40,})"',
                     page).group(1)
    assert received.request.path == link.removeprefix("http://localhost")
    message = mailbox.last(to="somchai@example.org")
    assert link in mailbox.links(message)
    application = db.session.scalar(sa.select(Application))
    assert application.email == "somchai@example.org" and application.phone == "0812345678"
    assert application.birth_year == 1992  # 2535 BE
    assert application.display_name == "ชาย"
    assert [area.slug for area in application.interests] == ["community-development", "health-promotion"]
    assert application.media_skills == ["video", "other"] and application.other_skill == "ตัดต่อเสียง"
    assert client.get(link.removeprefix("http://localhost")).status_code == 200


@pytest.mark.parametrize(("moment", "message"), [
    (datetime(2019, 3, 13, 12, tzinfo=BANGKOK), "ยังไม่เปิดรับสมัคร"),
    (datetime(2019, 3, 31, 17, 30, tzinfo=timezone.utc), "ปิดรับสมัครแล้ว"),  # 1 April 00:30 in Bangkok
])
def test_outside_the_window_the_form_says_so_without_an_error_page(client, app, open_round, moment, message):
    token = form_token(client, apply_url(open_round))
    set_clock(app, moment)
    page = client.get(apply_url(open_round))
    assert page.status_code == 200 and message in page.get_data(as_text=True)
    assert 'name="full_name"' not in page.get_data(as_text=True)
    response = client.post(apply_url(open_round), data={**form(), "csrf_token": token})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert count() == 0


def test_the_last_minute_of_31_march_in_bangkok_is_still_open(client, app, open_round):
    token = form_token(client, apply_url(open_round))
    set_clock(app, datetime(2019, 3, 31, 16, 59, tzinfo=timezone.utc))  # 23:59 in Bangkok
    assert client.post(apply_url(open_round), data={**form(), "csrf_token": token}).status_code == 303
    assert count() == 1


def test_a_second_application_with_the_same_email_gets_a_clear_message(client, open_round):
    post(client, open_round)
    response = post(client, open_round, email="SOMCHAI@example.org", full_name="คนอื่น")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="email-errors"' in page and "มีใบสมัครที่ใช้อีเมลนี้สำหรับกิจกรรมนี้แล้ว" in page
    assert count() == 1


def test_without_the_processing_consent_nothing_is_stored(client, open_round):
    response = post(client, open_round, consent_processing=None)
    assert response.status_code == 400
    assert 'id="consent_processing-errors"' in response.get_data(as_text=True)
    assert count() == 0


def test_errors_are_shown_beside_the_fields_and_the_form_keeps_what_was_typed(client, open_round):
    response = post(client, open_round, email="not-an-email", province="99", interests=[], phone="12",
                    media_skills=["other"], other_skill="", birth_year="next year")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    for name in ("email", "province", "interests", "phone", "other_skill", "birth_year"):
        assert f'id="{name}-errors"' in page, name
    assert 'value="สมชาย รักดี"' in page and 'value="not-an-email"' in page
    assert re.search(r'value="yes"\s+checked', page)  # the consents ticked stay ticked
    assert count() == 0


def test_unknown_fields_are_refused(client, open_round):
    response = post(client, open_round, status="confirmed")
    assert response.status_code == 400 and count() == 0


def test_health_notes_without_their_consent_are_dropped(client, open_round):
    post(client, open_round, health_notes="แพ้กุ้ง")
    assert db.session.scalar(sa.select(Application)).health_notes is None


def test_health_notes_with_their_consent_are_kept(client, open_round):
    post(client, open_round, health_notes="แพ้กุ้ง", consent_health_notes="yes")
    application = db.session.scalar(sa.select(Application))
    assert application.health_notes == "แพ้กุ้ง" and application.has_consent(ConsentPurpose.HEALTH_NOTES)


def test_an_applicant_under_20_needs_a_guardian(client, open_round):
    response = post(client, open_round, birth_year="2000")  # 19 in 2019
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    for name in ("guardian_name", "guardian_contact", "consent_guardian"):
        assert f'id="{name}-errors"' in page
    assert count() == 0
    response = post(client, open_round, birth_year="2543", guardian_name="นางแม่", guardian_contact="0899999999",
                    consent_guardian="yes")
    assert response.status_code == 303
    assert db.session.scalar(sa.select(Application)).has_consent(ConsentPurpose.GUARDIAN)


def test_an_applicant_of_20_needs_no_guardian(client, open_round):
    assert post(client, open_round, birth_year="1999").status_code == 303


def test_a_post_without_its_csrf_token_is_refused(client, open_round):
    response = client.post(apply_url(open_round), data=form())
    assert response.status_code == 400 and count() == 0


def test_an_unknown_event_is_a_404(client, open_round):
    assert client.get("/events/nosuchevent/apply").status_code == 404


def test_submissions_are_rate_limited_per_address(client, app, open_round):
    app.config["APPLICATION_LIMIT"] = "2 per hour"
    assert post(client, open_round, email="a@example.org").status_code == 303
    assert post(client, open_round, email="b@example.org").status_code == 303
    assert post(client, open_round, email="c@example.org").status_code == 429
    assert count() == 2


def test_personal_data_is_never_logged(client, open_round, caplog):
    caplog.set_level(logging.DEBUG)
    post(client, open_round, health_notes="แพ้กุ้ง", consent_health_notes="yes")
    post(client, open_round)  # the duplicate
    logged = caplog.text
    for secret in ("somchai@example.org", "0812345678", "สมชาย", "แพ้กุ้ง"):
        assert secret not in logged


def test_the_event_page_includes_the_form_while_applications_are_open(client, app, open_round):
    page = client.get(f"/events/{open_round.public_id}").get_data(as_text=True)
    assert f'action="/events/{open_round.public_id}/apply"' in page
    assert 'name="consent_processing"' in page
    set_clock(app, datetime(2019, 4, 1, 0, 0, tzinfo=BANGKOK))
    page = client.get(f"/events/{open_round.public_id}").get_data(as_text=True)
    assert 'name="consent_processing"' not in page
