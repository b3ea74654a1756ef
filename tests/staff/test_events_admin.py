"""The back office's events: who may come in, the list, the event form's rules, cancelling, the
dashboard's minimum and maximum flags, and the hosts screen."""
import re
from datetime import date

import pytest
import sqlalchemy as sa
from babel.messages.pofile import read_po

from directory.extensions import db
from directory.models import ApplicationStatus, Event, EventHost, OrganisationStatus, PersonalDataAccess
from directory.schemas.programme.event_form import MESSAGES
from directory.services.programme.events import EventStatus, event_status
from directory.setup import TRANSLATIONS_DIR
from tests.conftest import form_token
from tests.event_factories import make_application, make_event
from tests.staff.conftest import SATUN_ROUND, get_page, post, text_of

VALID_FORM = {
    "round_number": "3", "title_th": "ภาคประชาสังคมใคร ๆ ก็เป็นได้ สตูล", "title_en": "We Are CSO: Satun",
    "description_th": "", "description_en": "", "province": "91", "district": "ละงู", "venue_th": "", "venue_en": "",
    "applications_open_on": "2019-03-14", "applications_close_on": "2019-03-31", "announce_on": "2019-04-02",
    "starts_on": "2019-04-06", "ends_on": "2019-04-08", "works_due_on": "2019-04-21", "period_starts_on": "",
    "period_ends_on": "", "min_participants": "10", "max_participants": "30", "what_to_bring_th": "เสื้อแขนยาว",
    "what_to_bring_en": "", "organiser_email": "events@example.org", "organiser_phone": "", "organiser_line_id": "",
}


def reload(model, row_id):
    db.session.expire_all()
    return db.session.get(model, row_id)


def staff_routes(event, application, host):
    """Every route this module and staff/applications.py add: (method, url, form)."""
    return [
        ("GET", "/staff/events", None),
        ("GET", "/staff/events/new", None),
        ("POST", "/staff/events/new", VALID_FORM),
        ("GET", f"/staff/events/{event.public_id}", None),
        ("GET", f"/staff/events/{event.public_id}/edit", None),
        ("POST", f"/staff/events/{event.public_id}/edit", {**VALID_FORM, "title_th": "changed"}),
        ("POST", f"/staff/events/{event.public_id}/cancel", {"confirm": "yes"}),
        ("GET", f"/staff/events/{event.public_id}/hosts", None),
        ("POST", f"/staff/events/{event.public_id}/hosts", {"action": "remove", "host_id": str(host.id)}),
        ("GET", f"/staff/events/{event.public_id}/applications", None),
        ("GET", f"/staff/events/{event.public_id}/applications.csv", None),
        ("POST", f"/staff/events/{event.public_id}/applications/move",
         {"to": "selected", "application": str(application.id)}),
        ("GET", f"/staff/applications/{application.id}", None),
        ("POST", f"/staff/applications/{application.id}/move", {"to": "selected"}),
    ]


@pytest.fixture
def guarded(make_organisation):
    """An event with a host and an application, for the access tests; returns a check that nothing changed."""
    event = make_event(**SATUN_ROUND)
    organisation = make_organisation()
    host = EventHost(event=event, organisation=organisation, capacity=5)
    db.session.add(host)
    db.session.commit()
    application = make_application(event, full_name="สมหญิง ใจดี")

    def unchanged():
        db.session.expire_all()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Event)) == 1
        assert db.session.get(Event, event.id).is_cancelled is False
        assert db.session.get(Event, event.id).title_th == SATUN_ROUND["title_th"]
        assert db.session.get(EventHost, host.id) is not None
        assert db.session.get(type(application), application.id).status is ApplicationStatus.SUBMITTED
        assert db.session.scalar(sa.select(sa.func.count()).select_from(PersonalDataAccess)) == 0

    return event, application, host, unchanged


# -- who may come in ------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["member", "editor"])
def test_members_and_editors_are_refused_everywhere(client, auth, make_user, make_organisation, guarded, who):
    event, application, host, unchanged = guarded
    user = make_user(editor_of=[host.organisation] if who == "editor" else [])
    auth.login(user.email)
    token = form_token(client, "/account/")
    for method, url, form in staff_routes(event, application, host):
        response = client.open(url, method=method, data={**form, "csrf_token": token} if form else None)
        assert response.status_code == 403, (method, url)
    unchanged()


def test_anonymous_visitors_are_sent_to_sign_in(client, guarded):
    event, application, host, unchanged = guarded
    token = form_token(client, "/account/login")
    for method, url, form in staff_routes(event, application, host):
        response = client.open(url, method=method, data={**form, "csrf_token": token} if form else None)
        assert response.status_code == 302 and "/account/login" in response.headers["Location"], (method, url)
    unchanged()


# -- the list -------------------------------------------------------------------------------------

def test_list_shows_status_dates_and_counts(set_clock, client, signed_in):
    signed_in()
    set_clock(2019, 3, 20)
    event = make_event(**SATUN_ROUND)
    later = make_event(title_th="รอบที่ 4", starts_on=date(2019, 5, 10), ends_on=date(2019, 5, 12))
    for status in (ApplicationStatus.SUBMITTED, ApplicationStatus.SUBMITTED, ApplicationStatus.SELECTED):
        make_application(event, status=status)

    page = get_page(client, "/staff/events")

    row = text_of(page[page.index(f'id="event-{event.public_id}"'):])
    row = row[:row.index("รอบที่ 4")] if "รอบที่ 4" in row else row
    assert "6-8 เมษายน 2562" in row
    assert "เปิดรับสมัคร" in row  # open for applications on 20 March 2019
    assert "3 :" in row and "ส่งใบสมัครแล้ว 2" in row and "ได้รับคัดเลือก 1" in row
    assert f'href="/staff/events/{later.public_id}"' in page
    assert f'href="/staff/events/{event.public_id}"' in page


# -- creating and editing -------------------------------------------------------------------------

def test_staff_create_an_event(client, signed_in):
    signed_in()
    response = post(client, "/staff/events/new", **VALID_FORM)

    assert response.status_code == 303
    event = db.session.scalar(sa.select(Event))
    assert response.headers["Location"].endswith(f"/staff/events/{event.public_id}")
    assert (event.round_number, event.province_code, event.district_code) == (3, "91", "9105")
    assert (event.starts_on, event.ends_on, event.works_due_on) == (date(2019, 4, 6), date(2019, 4, 8),
                                                                   date(2019, 4, 21))
    assert (event.min_participants, event.max_participants) == (10, 30)
    assert event.slug == "we-are-cso-satun" and event.is_demo is False
    assert (event.description_th, event.organiser_email) == (None, "events@example.org")
    assert event_status(event, date(2019, 4, 7)) is EventStatus.RUNNING


def test_a_second_event_with_the_same_title_gets_its_own_slug(client, signed_in):
    signed_in()
    post(client, "/staff/events/new", **VALID_FORM)
    post(client, "/staff/events/new", **VALID_FORM)
    assert sorted(db.session.scalars(sa.select(Event.slug))) == ["we-are-cso-satun", "we-are-cso-satun-2"]


def test_staff_edit_an_event(client, signed_in):
    signed_in()
    event = make_event(**SATUN_ROUND)
    form_page = get_page(client, f"/staff/events/{event.public_id}/edit")
    assert 'value="2019-04-06"' in form_page and "We Are CSO round 3" in form_page

    response = post(client, f"/staff/events/{event.public_id}/edit",
                    **{**VALID_FORM, "max_participants": "25", "district": "", "title_en": ""})

    assert response.status_code == 303
    event = reload(Event, event.id)
    assert (event.max_participants, event.district_code, event.title_en) == (25, None, None)
    assert event.slug == SATUN_ROUND.get("slug", event.slug)  # the slug stays


@pytest.mark.parametrize("changes, field, thai", [
    ({"ends_on": "2019-04-05"}, "ends_on", "วันสุดท้ายต้องไม่ก่อนวันแรก"),
    ({"applications_close_on": "2019-04-06", "announce_on": "2019-04-06"}, "applications_close_on",
     "ต้องปิดรับสมัครก่อนวันเริ่มกิจกรรม"),
    ({"applications_close_on": "2019-03-10"}, "applications_close_on", "วันปิดรับสมัครต้องไม่ก่อนวันเปิดรับสมัคร"),
    ({"applications_close_on": ""}, "applications_close_on", "ให้ระบุทั้งวันเปิดและวันปิดรับสมัคร"),
    ({"announce_on": "2019-03-30"}, "announce_on", "ประกาศรายชื่อก่อนวันปิดรับสมัครไม่ได้"),
    ({"announce_on": "2019-04-07"}, "announce_on", "ต้องประกาศรายชื่อภายในวันแรกของกิจกรรม"),
    ({"works_due_on": "2019-04-07"}, "works_due_on", "วันส่งผลงานต้องไม่ก่อนวันสุดท้ายของกิจกรรม"),
    ({"min_participants": "40"}, "max_participants", "จำนวนขั้นต่ำต้องไม่มากกว่าจำนวนสูงสุด"),
    ({"min_participants": "-1"}, "min_participants", "กรุณาใส่จำนวนเต็มตั้งแต่ 0 ขึ้นไป"),
    ({"province": "99"}, "province", None),
    ({"district": "เมืองเชียงใหม่"}, "district", None),
    ({"organiser_email": "not-an-email"}, "organiser_email", None),
    ({"title_th": "  "}, "title_th", None),
    ({"starts_on": "6/4/2019"}, "starts_on", None),
])
def test_invalid_events_are_refused_with_messages(client, signed_in, changes, field, thai):
    signed_in()
    response = post(client, "/staff/events/new", **{**VALID_FORM, **changes})

    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="{field}-errors"' in page
    start = page.index(">", page.index(f'id="{field}-errors"')) + 1
    errors = text_of(page[start:page.index("</ul>", start)])
    assert errors and not re.search(r"[A-Za-z]{4,}", errors), errors  # in Thai
    if thai:
        assert thai in errors
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Event)) == 0


def test_form_messages_in_english(client, signed_in):
    signed_in()
    get_page(client, "/staff/events?lang=en")
    response = post(client, "/staff/events/new", **{**VALID_FORM, "ends_on": "2019-04-05"})
    assert response.status_code == 400
    assert "The last day cannot be before the first day." in response.get_data(as_text=True)


def test_unknown_form_fields_are_refused(client, signed_in):
    signed_in()
    response = post(client, "/staff/events/new", **VALID_FORM, is_cancelled="true")
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Event)) == 0


def test_every_form_message_has_a_thai_translation():
    with (TRANSLATIONS_DIR / "th" / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        catalog = read_po(po_file)
    missing = [message for message in MESSAGES if not (catalog.get(message) and catalog.get(message).string)]
    assert missing == []


# -- cancelling -----------------------------------------------------------------------------------

def test_cancelling_needs_the_confirmation(set_clock, client, signed_in):
    signed_in()
    set_clock(2019, 3, 20)
    event = make_event(**SATUN_ROUND)

    response = post(client, f"/staff/events/{event.public_id}/cancel")
    assert response.status_code == 303
    assert reload(Event, event.id).is_cancelled is False

    response = post(client, f"/staff/events/{event.public_id}/cancel", confirm="yes")
    assert response.status_code == 303
    event = reload(Event, event.id)
    assert event_status(event) is EventStatus.CANCELLED
    assert "ยกเลิกแล้ว" in text_of(get_page(client, f"/staff/events/{event.public_id}"))
    public = get_page(client, f"/events/{event.public_id}")
    assert "ยกเลิก" in text_of(public)


# -- the dashboard --------------------------------------------------------------------------------

def test_dashboard_flags_fewer_than_the_minimum(set_clock, client, signed_in, make_organisation):
    signed_in()
    set_clock(2019, 4, 3)
    event = make_event(**SATUN_ROUND)  # at least 10
    db.session.add(EventHost(event=event, organisation=make_organisation(), capacity=6, minimum=2))
    db.session.add(EventHost(event=event, organisation=make_organisation(), capacity=5))
    db.session.commit()
    for status in [ApplicationStatus.SELECTED] * 5 + [ApplicationStatus.CONFIRMED] * 4 + [ApplicationStatus.REJECTED]:
        make_application(event, status=status)

    page = get_page(client, f"/staff/events/{event.public_id}")

    assert 'id="below-minimum"' in page and 'id="above-maximum"' not in page
    assert "น้อยกว่าจำนวนขั้นต่ำ" in text_of(page)
    assert re.search(r'id="taking-part">9<', page)
    assert re.search(r'id="host-capacity">11 ', page)
    assert re.search(r'data-status="rejected">1<', page) and re.search(r'id="application-total">10<', page)
    assert "ประกาศรายชื่อผู้เข้าร่วมแล้ว" in text_of(page)  # the status on 3 April 2019

    make_application(event, status=ApplicationStatus.SELECTED)
    assert 'id="below-minimum"' not in get_page(client, f"/staff/events/{event.public_id}")


def test_dashboard_warns_above_the_maximum(client, signed_in):
    signed_in()
    event = make_event(**{**SATUN_ROUND, "max_participants": 2, "min_participants": 1})
    for _ in range(3):
        make_application(event, status=ApplicationStatus.SELECTED)
    page = get_page(client, f"/staff/events/{event.public_id}")
    assert 'id="above-maximum"' in page and 'id="below-minimum"' not in page


def test_dashboard_shows_no_personal_data_and_writes_no_audit_row(client, signed_in):
    signed_in()
    event = make_event(**SATUN_ROUND)
    make_application(event, full_name="Zebulon Quagmire", email="zeb.private@example.net")
    page = get_page(client, f"/staff/events/{event.public_id}")
    assert "Zebulon" not in page and "zeb.private" not in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PersonalDataAccess)) == 0


# -- hosts ----------------------------------------------------------------------------------------

def test_add_change_and_remove_a_host(client, signed_in, make_organisation):
    signed_in()
    event = make_event(**SATUN_ROUND)
    nearby = make_organisation(name_th="มูลนิธิอันดามัน", province="สตูล")
    far = make_organisation(name_th="ชมรมเชียงใหม่", province="เชียงใหม่")
    page = get_page(client, f"/staff/events/{event.public_id}/hosts")
    assert page.index("มูลนิธิอันดามัน") < page.index("ชมรมเชียงใหม่")  # the event's province first

    response = post(client, f"/staff/events/{event.public_id}/hosts", action="add", organisation=nearby.public_id,
                    capacity="6", minimum="2", issue_areas=["environment"], activities_th="ปลูกป่าชายเลน",
                    wanted_skills=["photography", "video"])
    assert response.status_code == 303
    host = db.session.scalar(sa.select(EventHost))
    assert (host.organisation_id, host.capacity, host.minimum, host.activities_th) == (nearby.id, 6, 2, "ปลูกป่าชายเลน")
    assert [area.slug for area in host.issue_areas] == ["environment"]
    assert host.wanted_skills == ["photography", "video"]

    response = post(client, f"/staff/events/{event.public_id}/hosts", action="add",
                    organisation_public_id=far.public_id, capacity="3")
    assert response.status_code == 303
    page = get_page(client, f"/staff/events/{event.public_id}/hosts")
    assert "ชมรมเชียงใหม่" in text_of(page[page.index('id="hosts"'):page.index("</table>")])

    edit_page = get_page(client, f"/staff/events/{event.public_id}/hosts?edit={host.id}")
    assert 'value="photography" checked' in edit_page
    response = post(client, f"/staff/events/{event.public_id}/hosts", action="update", host_id=str(host.id),
                    capacity="8", minimum="", wanted_skills=["writing"])
    assert response.status_code == 303
    host = reload(EventHost, host.id)
    assert (host.capacity, host.minimum, host.wanted_skills, host.issue_areas) == (8, 0, ["writing"], [])

    response = post(client, f"/staff/events/{event.public_id}/hosts", action="remove", host_id=str(host.id))
    assert response.status_code == 303
    assert reload(EventHost, host.id) is None


def test_host_refusals_are_shown(client, signed_in, make_organisation):
    signed_in()
    event = make_event(**SATUN_ROUND)
    organisation = make_organisation()
    draft = make_organisation(status=OrganisationStatus.DRAFT)
    url = f"/staff/events/{event.public_id}/hosts"

    response = post(client, url, action="add", organisation=organisation.public_id, capacity="2", minimum="3")
    assert response.status_code == 400 and 'id="minimum-errors"' in response.get_data(as_text=True)
    response = post(client, url, action="add", capacity="2")
    assert response.status_code == 400 and 'id="organisation-errors"' in response.get_data(as_text=True)
    response = post(client, url, action="add", organisation=draft.public_id, capacity="2")
    assert response.status_code == 400
    assert "เฉพาะองค์กรที่เผยแพร่แล้ว" in text_of(response.get_data(as_text=True))
    response = post(client, url, action="add", organisation=organisation.public_id, capacity="2",
                    wanted_skills=["juggling"])
    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(EventHost)) == 0

    host = EventHost(event=event, organisation=organisation, capacity=1)
    db.session.add(host)
    db.session.commit()
    make_application(event, status=ApplicationStatus.SELECTED, host_id=host.id)
    response = post(client, url, action="remove", host_id=str(host.id))
    assert response.status_code == 303
    assert reload(EventHost, host.id) is not None
    other_event = make_event()
    assert post(client, f"/staff/events/{other_event.public_id}/hosts", action="remove",
                host_id=str(host.id)).status_code == 404
