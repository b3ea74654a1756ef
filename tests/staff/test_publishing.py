"""The back office's publishing screens: the announcement button, moderating works, the missing-works report."""
import re
from datetime import date, datetime, timezone

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import ApplicationStatus, MediaWork, PersonalDataAccess
from tests.event_factories import make_application, make_event
from tests.staff.conftest import get_page, post, text_of

S = ApplicationStatus
ROUND_3 = dict(applications_open_on=date(2019, 3, 14), applications_close_on=date(2019, 3, 31),
               announce_on=date(2019, 4, 2), starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8),
               works_due_on=date(2019, 4, 21))


@pytest.fixture
def staff_user(client, auth, make_user):
    user = make_user(role="staff")
    auth.login(user.email)
    return user


@pytest.fixture
def event(app):
    return make_event(**ROUND_3)


def audit_rows():
    db.session.expire_all()
    return db.session.scalars(sa.select(PersonalDataAccess).order_by(PersonalDataAccess.id)).all()


def test_publishing_before_the_announcement_day_is_refused_clearly(client, staff_user, event, clock_at, mailbox):
    clock_at(datetime(2019, 4, 1, 16, 0, tzinfo=timezone.utc))  # 23:00 on 1 April in Bangkok
    make_application(event, status=S.SELECTED, email="nok@example.org")
    response = post(client, f"/staff/events/{event.public_id}/announcement", confirm="yes")
    assert response.status_code == 302
    page = get_page(client, response.headers["Location"])  # the flash was written in the page's Thai
    assert "ประกาศรายชื่อได้ตั้งแต่วันที่ 2 เมษายน 2562 (เวลาประเทศไทย)" in text_of(page)
    db.session.expire_all()
    assert event.announced_at is None and mailbox.messages() == []


def test_publishing_on_the_day_opens_the_page_and_mails_the_applicants(client, staff_user, event, clock_at, mailbox):
    clock_at(datetime(2019, 4, 1, 17, 30, tzinfo=timezone.utc))  # 00:30 on 2 April in Bangkok
    make_application(event, status=S.SELECTED, email="nok@example.org", display_name="Nok")
    make_application(event, status=S.WAITLISTED, email="wait@example.org")
    make_application(event, status=S.WITHDRAWN, email="gone@example.org")
    response = post(client, f"/staff/events/{event.public_id}/announcement", confirm="yes")
    assert response.headers["Location"].endswith(f"/staff/events/{event.public_id}")
    db.session.expire_all()
    assert event.announced_at is not None
    assert sorted(m["To"] for m in mailbox.messages()) == ["nok@example.org", "wait@example.org"]
    link = f"http://localhost/events/{event.public_id}/announcement"
    assert link in mailbox.last(to="nok@example.org").get_content()
    assert "Nok" in get_page(client, f"/events/{event.public_id}/announcement")
    again = post(client, f"/staff/events/{event.public_id}/announcement", confirm="yes")
    assert "ประกาศรายชื่อไปแล้ว" in text_of(get_page(client, again.headers["Location"]))
    assert len(mailbox.messages()) == 2


def test_publishing_needs_the_box_ticked_and_says_who_will_be_mailed(client, staff_user, event, clock_at, mailbox):
    """Publishing mails every applicant and cannot be undone: a click alone does nothing."""
    clock_at(datetime(2019, 4, 1, 17, 30, tzinfo=timezone.utc))  # on the day
    make_application(event, status=S.SELECTED, email="nok@example.org")
    make_application(event, status=S.WAITLISTED, email="wait@example.org")
    dashboard = get_page(client, f"/staff/events/{event.public_id}")
    form = re.search(r'<form[^>]*id="publish-announcement".*?</form>', dashboard, re.S).group(0)
    assert re.search(r'<input type="checkbox" name="confirm" value="yes" required', form)
    assert 'class="irreversible"' in form
    assert "2 คน" in text_of(form)  # how many will be mailed, before anyone is
    response = post(client, f"/staff/events/{event.public_id}/announcement")
    assert "ทำเครื่องหมายในช่องเพื่อยืนยันการประกาศรายชื่อ" in text_of(get_page(client, response.headers["Location"]))
    db.session.expire_all()
    assert event.announced_at is None and mailbox.messages() == []


def test_publishing_needs_staff(client, auth, make_user, event):
    user = make_user()
    auth.login(user.email)
    assert post(client, f"/staff/events/{event.public_id}/announcement", confirm="yes").status_code == 403


def test_the_works_screen_lists_every_work_with_late_flags_and_toggles(client, staff_user, event):
    application = make_application(event, status=S.ATTENDED, display_name="Nok", works=[
        {"title": "On time", "url": "https://example.org/a"},
        {"title": "Late one", "url": "https://example.org/b", "is_late": True},
    ])
    page = get_page(client, f"/staff/events/{event.public_id}/works?lang=en")
    assert "On time" in page and "Late one" in page and "Nok" in page
    late_row = re.search(r'<tr id="work-%d">.*?</tr>' % application.works[1].id, page, re.DOTALL).group(0)
    assert "Late" in text_of(late_row)
    on_time_row = re.search(r'<tr id="work-%d">.*?</tr>' % application.works[0].id, page, re.DOTALL).group(0)
    assert "badge-late" not in on_time_row

    work_id = application.works[0].id
    response = post(client, f"/staff/works/{work_id}/flags", published="yes", featured="yes")
    assert response.status_code == 302
    get_page(client, response.headers["Location"])  # shows (and uses up) the flash naming the work
    work = db.session.get(MediaWork, work_id)
    db.session.refresh(work)
    assert work.is_published and work.is_featured and work.published_at is not None
    assert "On time" in get_page(client, f"/events/{event.public_id}/works")
    get_page(client, post(client, f"/staff/works/{work_id}/flags").headers["Location"])  # both boxes unticked
    db.session.refresh(work)
    assert not work.is_published and not work.is_featured
    assert "On time" not in get_page(client, f"/events/{event.public_id}/works")
    assert post(client, "/staff/works/999999/flags", published="yes").status_code == 404


def test_staff_can_open_an_unpublished_file_the_public_cannot(app, client, staff_user, event):
    from directory.services.programme.works import works_folder

    folder = works_folder()
    folder.mkdir(parents=True, exist_ok=True)
    name = "b" * 32 + ".pdf"
    (folder / name).write_bytes(b"%PDF-1.4 test")
    work = make_application(event, status=S.ATTENDED, works=[{"title": "Paper", "file_name": name}]).works[0]
    response = client.get(f"/staff/works/{work.id}/file")
    body = response.get_data()
    response.close()
    assert response.status_code == 200 and body == b"%PDF-1.4 test"
    assert response.mimetype == "application/pdf"
    assert client.get(f"/works/files/{name}").status_code == 404


def test_the_missing_works_report_waits_for_the_due_day(client, staff_user, event, clock_at):
    clock_at(datetime(2019, 4, 21, 12, tzinfo=timezone.utc))  # the due day itself
    make_application(event, status=S.CONFIRMED, display_name="Nok", email="nok@example.org")
    page = text_of(get_page(client, f"/staff/events/{event.public_id}/works/missing?lang=en"))
    assert "Media works are not due yet: participants have until 21 April 2019." in page
    assert "nok@example.org" not in page
    assert audit_rows() == []


def test_the_missing_works_report_lists_names_and_contacts_and_is_audited(client, staff_user, event, clock_at):
    clock_at(datetime(2019, 4, 22, 12, tzinfo=timezone.utc))
    make_application(event, status=S.CONFIRMED, display_name="Nok", full_name="Nok Full", email="nok@example.org",
                     phone="0811111111", line_id="nok_line")
    make_application(event, status=S.COMPLETED, display_name="Kla", email="kla@example.org")
    make_application(event, status=S.ATTENDED, display_name="Sent", email="sent@example.org",
                     works=[{"title": "w", "url": "https://example.org/w"}])
    make_application(event, status=S.SELECTED, display_name="Only selected", email="selected@example.org")
    page = text_of(get_page(client, f"/staff/events/{event.public_id}/works/missing?lang=en"))
    assert "2 participants have sent no work since the due date, 21 April 2019." in page
    for shown in ("Nok", "Nok Full", "nok@example.org", "0811111111", "nok_line", "Kla", "kla@example.org"):
        assert shown in page
    assert "sent@example.org" not in page and "selected@example.org" not in page
    [row] = audit_rows()
    assert (row.action, row.event_id, row.user_id) == ("missing_works", event.id, staff_user.id)
    assert row.detail == "2 participants" and "nok" not in row.detail
