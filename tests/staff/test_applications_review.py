"""The staff's review of applications: filters, the audit of every view and export, the CSV, and
status moves (refused ones change and log nothing; selecting beyond the maximum warns)."""
import csv
import io
import re
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa
from flask_babel import refresh

from directory.extensions import db
from directory.models import (
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    ConsentPurpose,
    IssueArea,
    PersonalDataAccess,
)
from tests.event_factories import make_application, make_event
from tests.staff.conftest import SATUN_ROUND, get_page, post, text_of


@pytest.fixture
def staff_user(client, auth, make_user):
    user = make_user(role="staff", display_name="Staff Malee")
    auth.login(user.email)
    return user


@pytest.fixture
def event():
    return make_event(**SATUN_ROUND)


def areas(*slugs):
    return list(db.session.scalars(sa.select(IssueArea).where(IssueArea.slug.in_(slugs))))


def audit_rows():
    db.session.expire_all()
    return db.session.scalars(sa.select(PersonalDataAccess).order_by(PersonalDataAccess.id)).all()


def listed_ids(page):
    return [int(found) for found in re.findall(r'<tr id="application-(\d+)">', page)]


def reload(application):
    db.session.expire_all()
    return db.session.get(Application, application.id)


@pytest.fixture
def applicants(event):
    """Three applicants who differ in status, province, interest and skill."""
    somchai = make_application(event, full_name="สมชาย ใจดี", display_name="ชาย", province_code="91",
                               interests=areas("environment"), media_skills=["photography", "video"],
                               email="somchai@example.org", phone="0812345678")
    malee = make_application(event, status=ApplicationStatus.SHORTLISTED, full_name="มาลี ศรีสุข",
                             display_name="มาลี", province_code="10", interests=areas("community-development"),
                             media_skills=["writing"], email="malee@example.org")
    nok = make_application(event, status=ApplicationStatus.SHORTLISTED, full_name="Nok Bird", display_name="Nok",
                           province_code="91", interests=areas("environment", "community-development"),
                           media_skills=["video"], email="nok@example.org")
    return somchai, malee, nok


def test_list_shows_applicants_with_personal_data_and_is_audited(client, staff_user, event, applicants):
    somchai, malee, nok = applicants
    page = get_page(client, f"/staff/events/{event.public_id}/applications")

    assert sorted(listed_ids(page)) == sorted(a.id for a in applicants)
    start = page.index(">", page.index(f'id="application-{somchai.id}"')) + 1
    row = text_of(page[start:page.index("</tr>", start)])
    assert row.startswith("ชาย สมชาย ใจดี ส่งใบสมัครแล้ว สตูล")
    [entry] = audit_rows()
    assert (entry.user_id, entry.action, entry.event_id, entry.application_id, entry.detail) == (
        staff_user.id, "list_applications", event.id, None, "all")


@pytest.mark.parametrize("query, expected", [
    ("status=shortlisted", {"malee", "nok"}),
    ("province=91", {"somchai", "nok"}),
    ("interest=community-development", {"malee", "nok"}),
    ("skill=video", {"somchai", "nok"}),
    ("skill=video&status=shortlisted", {"nok"}),
    ("q=ศรีสุข", {"malee"}),
    ("q=NOK@EXAMPLE", {"nok"}),
    ("status=&province=&q=", {"somchai", "malee", "nok"}),
    ("status=rejected", set()),
])
def test_filters(client, staff_user, event, applicants, query, expected):
    somchai, malee, nok = applicants
    names = {somchai.id: "somchai", malee.id: "malee", nok.id: "nok"}
    page = get_page(client, f"/staff/events/{event.public_id}/applications?{query}")
    assert {names[found] for found in listed_ids(page)} == expected
    [entry] = audit_rows()
    assert entry.action == "list_applications"
    given = sorted(part for part in query.split("&") if not part.endswith("="))
    assert entry.detail == (" ".join(given) or "all")


def test_other_events_applications_are_not_listed(client, staff_user, event, applicants):
    other = make_application(make_event(), full_name="Elsewhere Person")
    page = get_page(client, f"/staff/events/{event.public_id}/applications")
    assert other.id not in listed_ids(page) and "Elsewhere Person" not in page


@pytest.mark.parametrize("query", ["status=accepted", "province=999", "interest=astrology", "skill=juggling",
                                   "colour=red"])
def test_bad_filters_are_400_and_not_audited(client, staff_user, event, query):
    get_page(client, f"/staff/events/{event.public_id}/applications?{query}", status=400)
    assert audit_rows() == []


def test_unknown_event_is_404(client, staff_user):
    get_page(client, "/staff/events/nosuch/applications", status=404)
    get_page(client, "/staff/applications/999999", status=404)
    assert audit_rows() == []


# -- one application ------------------------------------------------------------------------------

def test_application_page_shows_everything_and_is_audited(client, staff_user, event):
    application = make_application(
        event, full_name="ด.ญ. นกน้อย ใจงาม", nickname="นก", email="nok@example.org", phone="0891112222",
        line_id="nok_line", birth_year=2005, province_code="91", occupation="นักเรียน",
        motivation="อยากเล่าเรื่องป่าชายเลน",
        health_notes="แพ้ถั่ว", guardian_name="นางแม่ ใจงาม", guardian_contact="0893334444", display_name="นก",
        works=[{"title": "ป่าชายเลนละงู", "url": "https://example.org/w", "is_late": True}])
    from directory.services.programme.application_status import move_application
    move_application(application, ApplicationStatus.SHORTLISTED, by=staff_user, note="ดูดี")
    db.session.commit()

    page = get_page(client, f"/staff/applications/{application.id}")
    text = text_of(page)
    for value in ("ด.ญ. นกน้อย ใจงาม", "nok@example.org", "0891112222", "nok_line", "2548", "อายุ 14 ปี",
                  "นักเรียน", "อยากเล่าเรื่องป่าชายเลน", "แพ้ถั่ว", "นางแม่ ใจงาม", "0893334444", "ป่าชายเลนละงู",
                  "ส่งช้า"):
        assert value in text, value
    history = text_of(page[page.index('id="status-history"'):])
    assert "Staff Malee ส่งใบสมัครแล้ว ผ่านการคัดเลือกรอบแรก ดูดี" in history
    consents = page[page.index('id="consents"'):page.index("</table>", page.index('id="consents"'))]
    assert consents.count("<tr data-purpose=") == len(ConsentPurpose) and "test" in consents
    [entry] = audit_rows()
    assert (entry.user_id, entry.action, entry.event_id, entry.application_id) == (
        staff_user.id, "view_application", event.id, application.id)


def test_health_notes_are_shown_only_with_their_consent(client, staff_user, event):
    application = make_application(event, health_notes="แพ้ถั่ว",
                                   consents=[ConsentPurpose.PROCESSING, ConsentPurpose.SHARE_WITH_HOST])
    page = get_page(client, f"/staff/applications/{application.id}")
    assert "แพ้ถั่ว" not in page and 'id="health-notes"' not in page


# -- moves ----------------------------------------------------------------------------------------

def test_an_allowed_move_is_made_and_logged(client, staff_user, event):
    application = make_application(event)
    response = post(client, f"/staff/applications/{application.id}/move", to="shortlisted", note="strong motivation")

    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/staff/applications/{application.id}")
    application = reload(application)
    assert application.status is ApplicationStatus.SHORTLISTED
    [change] = application.status_changes
    assert (change.from_status, change.to_status, change.changed_by_id, change.note) == (
        ApplicationStatus.SUBMITTED, ApplicationStatus.SHORTLISTED, staff_user.id, "strong motivation")
    assert audit_rows() == []  # a move shows no personal data


def test_a_refused_move_changes_and_logs_nothing(client, staff_user, event):
    application = make_application(event, status=ApplicationStatus.REJECTED)
    response = post(client, f"/staff/applications/{application.id}/move", to="attended")

    assert response.status_code == 303
    assert reload(application).status is ApplicationStatus.REJECTED
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ApplicationStatusChange)) == 0
    assert audit_rows() == []
    page = get_page(client, response.headers["Location"])
    assert "ใบสมัครเปลี่ยนจาก “ไม่อนุมัติ” เป็น “เข้าร่วมแล้ว” ไม่ได้" in text_of(page)
    refresh()
    get_page(client, f"/staff/applications/{application.id}?lang=en")
    post(client, f"/staff/applications/{application.id}/move", to="attended")
    page = get_page(client, f"/staff/applications/{application.id}")
    assert "An application cannot move from “Rejected” to “Attended”. Nothing was changed." in text_of(page)


def test_an_unknown_status_is_400(client, staff_user, event):
    application = make_application(event)
    assert post(client, f"/staff/applications/{application.id}/move", to="promoted").status_code == 400
    assert reload(application).status is ApplicationStatus.SUBMITTED


def test_selecting_beyond_the_maximum_is_allowed_with_a_warning(client, staff_user):
    event = make_event(**{**SATUN_ROUND, "min_participants": 1, "max_participants": 2})
    for _ in range(2):
        make_application(event, status=ApplicationStatus.SELECTED)
    third = make_application(event)

    response = post(client, f"/staff/applications/{third.id}/move", to="selected")

    assert response.status_code == 303
    assert reload(third).status is ApplicationStatus.SELECTED
    page = text_of(get_page(client, response.headers["Location"]))
    assert "ตอนนี้มีผู้ได้รับคัดเลือกเกินจำนวนสูงสุดของกิจกรรม (2 คน) แล้ว" in page
    assert 'id="above-maximum"' in get_page(client, f"/staff/events/{event.public_id}")


def test_selecting_up_to_the_maximum_does_not_warn(client, staff_user):
    event = make_event(**{**SATUN_ROUND, "min_participants": 1, "max_participants": 2})
    make_application(event, status=ApplicationStatus.SELECTED)
    second = make_application(event)
    response = post(client, f"/staff/applications/{second.id}/move", to="selected")
    assert "เกินจำนวนสูงสุด" not in text_of(get_page(client, response.headers["Location"]))


def test_bulk_move_moves_those_that_can_and_leaves_the_rest(client, staff_user, event):
    submitted = make_application(event)
    shortlisted = make_application(event, status=ApplicationStatus.SHORTLISTED)
    rejected = make_application(event, status=ApplicationStatus.REJECTED)
    elsewhere = make_application(make_event())

    response = post(client, f"/staff/events/{event.public_id}/applications/move", to="waitlisted",
                    application=[str(a.id) for a in (submitted, shortlisted, rejected, elsewhere)],
                    next=f"/staff/events/{event.public_id}/applications?status=submitted")

    assert response.status_code == 303
    assert response.headers["Location"].endswith("/applications?status=submitted")
    statuses = [reload(a).status for a in (submitted, shortlisted, rejected, elsewhere)]
    assert statuses == [ApplicationStatus.WAITLISTED, ApplicationStatus.WAITLISTED, ApplicationStatus.REJECTED,
                        ApplicationStatus.SUBMITTED]
    page = text_of(get_page(client, f"/staff/events/{event.public_id}/applications"))
    assert "ใบสมัคร 2 ใบตอนนี้มีสถานะ: อยู่ในรายชื่อสำรอง" in page
    # The refusal names who stayed and why ("rejected" is final), not only how many.
    reason = f"ใบสมัคร 1 ใบคงสถานะเดิม ({rejected.display_name}) เพราะเปลี่ยนเป็น “อยู่ในรายชื่อสำรอง” ไม่ได้"
    assert reason in page and "“ไม่อนุมัติ” เป็นสถานะสุดท้าย เปลี่ยนต่อไม่ได้แล้ว" in page


def test_a_refused_bulk_move_says_where_the_status_can_lead(client, staff_user, event):
    selected = make_application(event, status=ApplicationStatus.SELECTED, display_name="Nok")
    get_page(client, f"/staff/events/{event.public_id}/applications?lang=en")  # the flash is written in English
    post(client, f"/staff/events/{event.public_id}/applications/move", to="shortlisted", application=[str(selected.id)])
    page = text_of(get_page(client, f"/staff/events/{event.public_id}/applications?lang=en"))
    assert "1 application was left as it was (Nok): it cannot become “Shortlisted”." in page
    assert "From “Selected” an application can only become: Waitlisted, Rejected, Confirmed, Withdrawn." in page


# -- the export -----------------------------------------------------------------------------------

def test_export_is_utf8_with_bom_filtered_and_audited(client, staff_user, event, applicants):
    somchai, malee, nok = applicants
    refresh()
    response = client.get(f"/staff/events/{event.public_id}/applications.csv?province=91")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert sorted(row["full_name"] for row in rows) == ["Nok Bird", "สมชาย ใจดี"]
    somchai_row = next(row for row in rows if row["full_name"] == "สมชาย ใจดี")
    assert (somchai_row["email"], somchai_row["phone"], somchai_row["media_skills"], somchai_row["interests"]) == (
        "somchai@example.org", "0812345678", "photography;video", "environment")
    [entry] = audit_rows()
    assert (entry.user_id, entry.action, entry.event_id, entry.detail) == (
        staff_user.id, "export_applications", event.id, "province=91 rows=2")


def test_export_neutralises_spreadsheet_formulas(client, staff_user, event):
    make_application(event, full_name="=HYPERLINK(\"http://evil\")", display_name="x")
    refresh()
    body = client.get(f"/staff/events/{event.public_id}/applications.csv").get_data().decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(body)))
    assert row["full_name"].startswith("'=")


def test_nothing_personal_is_logged(client, staff_user, event, caplog):
    application = make_application(event, full_name="Zebulon Quagmire", email="zeb.private@example.net")
    with caplog.at_level("DEBUG"):
        get_page(client, f"/staff/events/{event.public_id}/applications?q=Zebulon")
        get_page(client, f"/staff/applications/{application.id}")
        client.get(f"/staff/events/{event.public_id}/applications.csv")
        post(client, f"/staff/applications/{application.id}/move", to="selected")
    assert "zeb.private" not in caplog.text and "Quagmire" not in caplog.text


def test_dates_shown_in_the_buddhist_era(client, staff_user, event, app):
    application = make_application(event)
    application.created_at = datetime(2019, 3, 20, 3, tzinfo=timezone.utc)
    db.session.commit()
    assert "20 มีนาคม 2562" in text_of(get_page(client, f"/staff/events/{event.public_id}/applications"))
