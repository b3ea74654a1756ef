"""Announcing the selected participants: who is named, from which day it may be published, and the mails."""
from datetime import date, datetime, timezone

import pytest

from directory.extensions import db
from directory.models import ApplicationStatus, ConsentPurpose
from directory.services.programme.announcement import (
    AnnouncementRefused,
    announced_names,
    announcement_refusal,
    publish_announcement,
)
from tests.event_factories import make_application, make_event

S = ApplicationStatus
ROUND_3 = dict(applications_open_on=date(2019, 3, 14), applications_close_on=date(2019, 3, 31),
               announce_on=date(2019, 4, 2), starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8),
               works_due_on=date(2019, 4, 21))
URL = "http://localhost/events/x/announcement"
ALL_BUT_PUBLISH = tuple(p for p in ConsentPurpose if p is not ConsentPurpose.PUBLISH_NAME)


@pytest.fixture
def event(app):
    return make_event(**ROUND_3)


def test_names_only_people_holding_a_place_who_agreed_in_thai_order(event):
    for status, name in [(S.SELECTED, "วิภา"), (S.CONFIRMED, "กมล"), (S.ATTENDED, "เอก"), (S.COMPLETED, "ขวัญ"),
                         (S.WAITLISTED, "รอ"), (S.REJECTED, "ไม่"), (S.SUBMITTED, "ส่ง"), (S.SHORTLISTED, "สั้น"),
                         (S.WITHDRAWN, "ถอน"), (S.NO_SHOW, "หาย")]:
        make_application(event, status=status, display_name=name)
    make_application(event, status=S.SELECTED, display_name="ไม่ยินยอม", consents=ALL_BUT_PUBLISH)
    other = make_event(**ROUND_3)
    make_application(other, status=S.SELECTED, display_name="อีกงาน")
    # Thai order: เอก sorts by its consonant อ, after ข, ก and ว.
    assert announced_names(event) == ["กมล", "ขวัญ", "วิภา", "เอก"]


def test_after_anonymisation_only_authors_of_published_works_keep_their_name(event):
    gone = datetime(2019, 6, 1, tzinfo=timezone.utc)
    make_application(event, status=S.COMPLETED, display_name="ผู้เข้าร่วม / participant #1", anonymised_at=gone)
    make_application(event, status=S.COMPLETED, display_name="Author", anonymised_at=gone,
                     works=[{"title": "t", "url": "https://example.org/t", "is_published": True}])
    make_application(event, status=S.COMPLETED, display_name="Unpublished", anonymised_at=gone,
                     works=[{"title": "u", "url": "https://example.org/u"}])
    assert announced_names(event) == ["Author"]


def test_a_withdrawn_publish_consent_removes_the_name(event):
    application = make_application(event, status=S.SELECTED, display_name="ถอนยินยอม")
    assert announced_names(event) == ["ถอนยินยอม"]
    next(c for c in application.consents if c.purpose is ConsentPurpose.PUBLISH_NAME).withdrawn_at = \
        datetime(2019, 4, 1, tzinfo=timezone.utc)
    db.session.commit()
    assert announced_names(event) == []


@pytest.mark.parametrize(("moment", "refusal"), [
    (datetime(2019, 4, 1, 16, 59, tzinfo=timezone.utc), "too_early"),  # 23:59 on 1 April in Bangkok
    (datetime(2019, 4, 1, 17, 0, tzinfo=timezone.utc), None),  # midnight, 2 April in Bangkok
    (datetime(2019, 5, 1, tzinfo=timezone.utc), None),
])
def test_publishing_is_allowed_from_the_announcement_day_in_bangkok(event, clock_at, moment, refusal):
    clock_at(moment)
    assert announcement_refusal(event) == refusal


def test_refusals_for_no_date_a_cancelled_event_and_a_second_publication(app, clock_at):
    clock_at(datetime(2019, 4, 3, tzinfo=timezone.utc))
    assert announcement_refusal(make_event(**{**ROUND_3, "announce_on": None})) == "no_date"
    assert announcement_refusal(make_event(**ROUND_3, is_cancelled=True)) == "cancelled"
    event = make_event(**ROUND_3)
    publish_announcement(event, URL)
    db.session.commit()
    with pytest.raises(AnnouncementRefused) as refused:
        publish_announcement(event, URL)
    assert refused.value.code == "already_announced"


def test_publishing_before_the_day_changes_nothing_and_sends_nothing(event, clock_at, mailbox):
    clock_at(datetime(2019, 4, 1, 12, tzinfo=timezone.utc))
    make_application(event, status=S.SELECTED, email="early@example.org")
    with pytest.raises(AnnouncementRefused) as refused:
        publish_announcement(event, URL)
    db.session.commit()
    assert refused.value.code == "too_early"
    assert event.announced_at is None
    assert mailbox.messages() == []


def test_every_applicant_is_told_their_outcome_and_withdrawn_ones_nothing(event, clock_at, mailbox):
    clock_at(datetime(2019, 4, 2, 3, tzinfo=timezone.utc))
    for status in S:
        make_application(event, status=status, email=f"{status.value}@example.org", display_name=status.value)
    counts = publish_announcement(event, URL)
    db.session.commit()
    assert event.announced_at is not None
    assert counts == {"selected": 2, "waitlisted": 1, "not_selected": 3}
    subjects = {message["To"]: message["Subject"] for message in mailbox.messages()}
    selected = "คุณได้รับคัดเลือกเข้าร่วมกิจกรรม / You have been selected"
    not_selected = "ผลการคัดเลือกผู้เข้าร่วมกิจกรรม / The result of your application"
    assert subjects == {
        "selected@example.org": selected, "confirmed@example.org": selected,
        "waitlisted@example.org": "คุณอยู่ในรายชื่อสำรอง / You are on the waiting list",
        "submitted@example.org": not_selected, "shortlisted@example.org": not_selected,
        "rejected@example.org": not_selected,
    }
    body = mailbox.last(to="selected@example.org").get_content()
    assert URL in body
    assert "the private link in the mail you received when you applied" in body
    assert "ยังไม่ได้รับคัดเลือก" in mailbox.last(to="rejected@example.org").get_content()


def test_anonymised_applicants_get_no_mail(event, clock_at, mailbox):
    clock_at(datetime(2019, 4, 2, 3, tzinfo=timezone.utc))
    make_application(event, status=S.REJECTED, email=None, anonymised_at=datetime(2019, 4, 1, tzinfo=timezone.utc))
    assert publish_announcement(event, URL) == {"selected": 0, "waitlisted": 0, "not_selected": 0}
    db.session.commit()
    assert mailbox.messages() == []
