"""Submitting an application: the window, one per email, consents with their wording, health notes,
guardians of applicants under 20, the private link, updates, withdrawal, the data download and deletion.

The factories live in tests/event_factories.py; the `round_event` and `open_round` fixtures in tests/conftest.py.
"""
from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from directory.extensions import db
from directory.models import Application, ApplicationStatus, Consent, ConsentPurpose, MediaWork, WorkFormat
from directory.services.platform.clock import BANGKOK
from directory.services.programme import applications as service
from directory.services.programme.application_status import move_application
from directory.services.programme.privacy import PERSONAL_FIELDS
from tests.event_factories import INSIDE_WINDOW, set_clock, submit, valid_values


def purposes(application):
    return {consent.purpose for consent in application.consents}


# --- the window -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("moment", "accepted"), [
    (datetime(2019, 3, 13, 23, 59, tzinfo=BANGKOK), False),  # the day before opening
    (datetime(2019, 3, 14, 0, 0, tzinfo=BANGKOK), True),  # opening day, midnight in Bangkok
    (datetime(2019, 3, 13, 17, 0, tzinfo=timezone.utc), True),  # 14 March 00:00 in Bangkok, still the 13th in UTC
    (datetime(2019, 3, 31, 23, 59, tzinfo=BANGKOK), True),  # the last minute of the closing day
    (datetime(2019, 4, 1, 0, 0, tzinfo=BANGKOK), False),  # the next day in Bangkok
    (datetime(2019, 3, 31, 17, 30, tzinfo=timezone.utc), False),  # still 31 March in UTC, 1 April in Bangkok
])
def test_applications_only_inside_the_window_in_bangkok_time(app, round_event, moment, accepted):
    event = round_event()
    set_clock(app, moment)
    if accepted:
        application, _token = submit(event)
        assert application.status is ApplicationStatus.SUBMITTED
    else:
        with pytest.raises(service.ApplicationsNotOpen) as refused:
            service.submit_application(event, valid_values())
        expected = "not_yet" if moment.astimezone(BANGKOK).date() < date(2019, 3, 14) else "closed"
        assert refused.value.window.value == expected
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Application)) == 0


def test_a_cancelled_event_takes_no_applications(app, round_event):
    set_clock(app, INSIDE_WINDOW)
    event = round_event(is_cancelled=True)
    with pytest.raises(service.ApplicationsNotOpen):
        service.submit_application(event, valid_values())


# --- one per email ----------------------------------------------------------------------------------

def test_one_application_per_email_per_event_whatever_the_case(app, open_round, round_event):
    submit(open_round, email="someone@example.org")
    with pytest.raises(service.DuplicateApplication):
        service.submit_application(open_round, valid_values(email="SomeOne@Example.org "))
    db.session.rollback()
    other_event = round_event()
    application, _ = submit(other_event, email="someone@example.org")  # another event is another application
    assert application.email == "someone@example.org"


def test_the_unique_constraint_catches_a_simultaneous_duplicate(app, open_round):
    """Another request inserts the same email between our check and our insert: still a clear refusal."""
    rival = {"done": False}

    def insert_rival(session, _context, _instances):
        if rival["done"] or not any(isinstance(obj, Application) for obj in session.new):
            return
        rival["done"] = True
        with db.engine.begin() as connection:
            connection.execute(sa.insert(Application).values(
                event_id=open_round.id, token_hash="0" * 64, status="submitted", display_name="x",
                email="race@example.org", media_skills=[]))

    sa_event.listen(Session, "before_flush", insert_rival)
    try:
        with pytest.raises(service.DuplicateApplication):
            service.submit_application(open_round, valid_values(email="race@example.org"))
    finally:
        sa_event.remove(Session, "before_flush", insert_rival)
    assert rival["done"]
    db.session.commit()  # the session is still usable
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Application).where(
        Application.email == "race@example.org")) == 1


# --- consents and personal data ---------------------------------------------------------------------

def test_each_consent_given_is_stored_with_its_wording_version_and_time(app, open_round):
    application, _ = submit(open_round, consent_health_notes=True, health_notes="แพ้ถั่ว")
    assert purposes(application) == {ConsentPurpose.PROCESSING, ConsentPurpose.SHARE_WITH_HOST,
                                     ConsentPurpose.HEALTH_NOTES, ConsentPurpose.PUBLISH_NAME}
    db.session.expire_all()
    for consent in db.session.scalars(sa.select(Consent)):
        assert consent.wording_version == service.WORDING_VERSION == "2026-11"
        given = consent.given_at.replace(tzinfo=timezone.utc) if consent.given_at.tzinfo is None else consent.given_at
        assert abs(given - INSIDE_WINDOW) < timedelta(seconds=1)
        assert consent.withdrawn_at is None


def test_optional_consents_not_given_are_not_stored(app, open_round):
    application, _ = submit(open_round, consent_share_with_host=False, consent_publish_name=False)
    assert purposes(application) == {ConsentPurpose.PROCESSING}
    assert not application.has_consent(ConsentPurpose.SHARE_WITH_HOST)
    assert not application.has_consent(ConsentPurpose.PUBLISH_NAME)


def test_health_notes_are_dropped_without_their_consent(app, open_round):
    application, _ = submit(open_round, health_notes="เป็นโรคหอบหืด", consent_health_notes=False)
    db.session.expire_all()
    assert db.session.get(Application, application.id).health_notes is None


def test_health_notes_are_kept_with_their_consent(app, open_round):
    application, _ = submit(open_round, health_notes="เป็นโรคหอบหืด", consent_health_notes=True)
    db.session.expire_all()
    assert db.session.get(Application, application.id).health_notes == "เป็นโรคหอบหืด"


def test_a_guardian_is_kept_only_for_an_applicant_under_20(app, open_round):
    minor, _ = submit(open_round, birth_year=2000, guardian_name="นางสมศรี ใจดี", guardian_contact="0899999999",
                      consent_guardian=True)  # 19 in 2019
    assert ConsentPurpose.GUARDIAN in purposes(minor)
    assert (minor.guardian_name, minor.guardian_contact) == ("นางสมศรี ใจดี", "0899999999")
    adult, _ = submit(open_round, birth_year=1999, guardian_name="ไม่จำเป็น", guardian_contact="0811111111",
                      consent_guardian=True)  # 20 in 2019
    assert ConsentPurpose.GUARDIAN not in purposes(adult)
    assert adult.guardian_name is None and adult.guardian_contact is None


@pytest.mark.parametrize(("nickname", "full_name", "shown"), [
    ("หญิง", "สมหญิง ใจดี", "หญิง"), (None, "สมหญิง ใจดี", "สมหญิง"), ("  ", "Somying Jaidee", "Somying"),
])
def test_the_display_name_is_the_nickname_or_the_first_name(nickname, full_name, shown):
    assert service.display_name_for(nickname, full_name) == shown


def test_the_reference_year_is_the_events(app, round_event):
    set_clock(app, datetime(2025, 1, 1, tzinfo=BANGKOK))
    assert service.reference_year(round_event()) == 2019
    assert service.reference_year(round_event(starts_on=None, ends_on=None)) == 2025


# --- the private link -------------------------------------------------------------------------------

def test_only_the_tokens_hash_is_stored_and_it_opens_the_application(app, open_round):
    application, token = submit(open_round)
    assert len(token) >= 40 and token not in application.token_hash
    assert len(application.token_hash) == 64
    assert service.application_for_token(token) == application
    assert service.application_for_token(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert service.application_for_token("not a token!") is None
    assert service.application_for_token("") is None


def test_an_update_changes_only_what_is_sent_and_adds_consents(app, open_round):
    application, _ = submit(open_round, consent_publish_name=False, health_notes="x")
    service.update_application_details(application, {"occupation": "นักศึกษา", "nickname": None,
                                                      "consent_publish_name": True, "consent_processing": False})
    db.session.commit()
    assert application.occupation == "นักศึกษา"
    assert application.display_name == "สมหญิง"  # the nickname was cleared
    assert application.phone == "0812345678"
    assert ConsentPurpose.PUBLISH_NAME in purposes(application)
    assert application.has_consent(ConsentPurpose.PROCESSING)  # not withdrawn by an unticked box


def test_an_update_keeps_health_notes_only_with_consent(app, open_round):
    application, _ = submit(open_round)
    service.update_application_details(application, {"health_notes": "แพ้อาหารทะเล"})
    assert application.health_notes is None
    service.update_application_details(application, {"health_notes": "แพ้อาหารทะเล", "consent_health_notes": True})
    assert application.health_notes == "แพ้อาหารทะเล"


def test_an_update_cannot_take_an_email_already_used(app, open_round):
    submit(open_round, email="first@example.org")
    second, _ = submit(open_round, email="second@example.org")
    with pytest.raises(service.DuplicateApplication):
        service.update_application_details(second, {"email": "First@example.org"})


def test_withdrawing_is_logged_as_the_applicants_move(app, open_round):
    application, _ = submit(open_round)
    change = service.withdraw(application)
    db.session.commit()
    assert application.status is ApplicationStatus.WITHDRAWN
    assert change.by_applicant and change.from_status is ApplicationStatus.SUBMITTED
    with pytest.raises(service.ApplicationLocked):
        service.withdraw(application)
    with pytest.raises(service.ApplicationLocked):
        service.update_application_details(application, {"occupation": "x"})


# --- own data and deletion --------------------------------------------------------------------------

def test_the_download_holds_everything_about_the_applicant(app, open_round):
    application, _ = submit(open_round, health_notes="แพ้ถั่ว", consent_health_notes=True, line_id="somying")
    data = service.export_own_data(application)
    assert data["email"] == application.email and data["phone"] == "0812345678" and data["line_id"] == "somying"
    assert data["health_notes"] == "แพ้ถั่ว" and data["birth_year"] == 1995 and data["province"] == "91"
    assert data["interests"] == ["community-development"] and data["media_skills"] == ["writing", "photography"]
    assert {c["purpose"] for c in data["consents"]} == {"processing", "share_with_host", "health_notes",
                                                         "publish_name"}
    assert all(c["wording_version"] == "2026-11" for c in data["consents"])
    assert data["status_history"] == [{"from": None, "to": "submitted", "at": data["status_history"][0]["at"],
                                       "by": "applicant"}]
    assert data["event"]["id"] == open_round.public_id


def test_deletion_clears_personal_data_and_withdraws(app, open_round):
    application, token = submit(open_round, health_notes="แพ้ถั่ว", consent_health_notes=True)
    service.request_deletion(application)
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(Application, application.id)
    for field in PERSONAL_FIELDS:
        assert getattr(stored, field) is None, field
    assert stored.display_name == "" and stored.interests == [] and stored.media_skills == []
    assert stored.status is ApplicationStatus.WITHDRAWN
    assert stored.deletion_requested_at is not None and stored.anonymised_at is not None
    assert all(consent.withdrawn_at is not None for consent in stored.consents)
    assert service.application_for_token(token) == stored  # the link still says what happened


def test_deletion_keeps_the_display_name_of_a_published_work_and_drops_unpublished_works(app, open_round):
    application, _ = submit(open_round)
    for status in ("selected", "confirmed"):
        move_application(application, status)
    application.works.append(MediaWork(title="ละงูวันนี้", format=WorkFormat.ARTICLE, url="https://example.org/a",
                                       is_published=True))
    application.works.append(MediaWork(title="ร่าง", format=WorkFormat.ARTICLE, url="https://example.org/b"))
    db.session.commit()
    service.request_deletion(application)
    db.session.commit()
    assert application.display_name == "หญิง"
    assert [work.title for work in application.works] == ["ละงูวันนี้"]
    assert application.status is ApplicationStatus.WITHDRAWN


def test_deletion_leaves_a_final_status_as_it_is(app, open_round):
    application, _ = submit(open_round)
    move_application(application, "rejected")
    service.request_deletion(application)
    assert application.status is ApplicationStatus.REJECTED and application.email is None
