"""What staff see when a service refuses a change (a `Refused` from directory/services): the refusal's own
message in the page's language, never a 500, and nothing changed.

Each test runs in Thai (the default) and in English and asserts the whole message, so a refusal code the
view does not map (it falls back to "The change was refused.") or a message missing from the Thai
catalogue fails it.
"""
import re

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import (
    Application,
    ApplicationStatus,
    Correction,
    CorrectionStatus,
    EventHost,
    MatchRule,
    Organisation,
    OrganisationRevision,
    OrganisationStatus,
)
from directory.services.organisations.moderation import merge_organisations
from directory.services.programme.hosts import add_host
from tests.event_factories import make_application, make_event
from tests.staff.conftest import SATUN_ROUND, get_page, post, text_of

# What each refusal says, as the staff screens show it: {code: {language: message}}.
MESSAGES = {
    "merged": {"th": "องค์กรนี้ถูกรวมเข้ากับองค์กรอื่นแล้ว จึงต้องคงสถานะเก็บถาวร",
               "en": "This organisation was merged into another one and stays archived."},
    "has_participants": {"th": "มีผู้เข้าร่วมที่จัดให้อยู่กับองค์กรเจ้าบ้านนี้ กรุณาย้ายผู้เข้าร่วมก่อน",
                         "en": "Participants are placed with this host; move them first."},
    "below_placed": {"th": "มีผู้เข้าร่วมที่จัดให้อยู่กับองค์กรเจ้าบ้านนี้มากกว่าจำนวนที่รับได้นี้แล้ว",
                     "en": "More participants are already placed with this host than that capacity."},
    "already_hosting": {"th": "องค์กรนี้เป็นองค์กรเจ้าบ้านของกิจกรรมนี้อยู่แล้ว",
                        "en": "This organisation already hosts this event."},
    "not_selected": {"th": "จับคู่ได้เฉพาะผู้สมัครที่ได้รับคัดเลือกหรือยืนยันแล้ว",
                     "en": "Only selected or confirmed applicants are placed."},
    "no_change": {"th": "ข้อมูลขององค์กรตรงกับคำแนะนำอยู่แล้ว จึงไม่มีการแก้ไข โปรดเลือกไม่รับคำแนะนำ",
                  "en": "The profile already says this, so nothing was changed: dismiss the suggestion."},
}
_ERROR_NOTICE = re.compile(r'<(p|div) class="notice notice-error[^"]*"[^>]*>(.*?)</\1>', re.DOTALL)


@pytest.fixture(params=["th", "en"])
def language(request, staff_client):
    """Each test once in Thai and once in English: the site remembers ?lang= in the session, so the staff
    member's later requests are in that language, as after switching."""
    get_page(staff_client, f"/staff/?lang={request.param}")
    return request.param


def error_notices(page):
    """The text of the page's error notices: flashed refusals, a refusal of the page, a form's summary."""
    return " | ".join(text_of(found.group(2)) for found in _ERROR_NOTICE.finditer(page))


def followed(client, response):
    """The page a refused POST sent the browser back to, where its flash message is shown."""
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return get_page(client, response.headers["Location"])


def count(model):
    """How many rows the model's table holds now, read afresh."""
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.fixture
def event_with_a_placed_host(make_organisation):
    """Round 3 in Satun with one host (3 places) and one selected participant placed with it."""
    event = make_event(**SATUN_ROUND)
    host = add_host(event, make_organisation(name_th="มูลนิธิรักษ์ละงู"), capacity=3)
    db.session.commit()
    placed = make_application(event, status=ApplicationStatus.SELECTED, host_id=host.id)
    return event, host, placed


# -- organisations (ModerationError) ----------------------------------------------------------------

def test_publishing_a_merged_duplicate_again_is_refused(staff_client, make_organisation, language):
    keep, duplicate = make_organisation(), make_organisation()
    merge_organisations(keep, duplicate, by=staff_client.staff)
    db.session.commit()
    revisions = count(OrganisationRevision)

    response = post(staff_client, f"/staff/organisations/{duplicate.public_id}/status", status="published")

    assert MESSAGES["merged"][language] in error_notices(followed(staff_client, response))
    db.session.expire_all()
    duplicate = db.session.get(Organisation, duplicate.id)
    assert (duplicate.status, duplicate.merged_into_id) == (OrganisationStatus.ARCHIVED, keep.id)
    assert count(OrganisationRevision) == revisions


# -- hosts of an event (HostError) ------------------------------------------------------------------

def test_removing_a_host_with_participants_is_refused(staff_client, event_with_a_placed_host, language):
    event, host, placed = event_with_a_placed_host

    response = post(staff_client, f"/staff/events/{event.public_id}/hosts", action="remove", host_id=str(host.id))

    assert MESSAGES["has_participants"][language] in error_notices(followed(staff_client, response))
    db.session.expire_all()
    assert db.session.get(EventHost, host.id) is not None
    assert db.session.get(Application, placed.id).host_id == host.id


def test_a_capacity_below_the_participants_placed_is_refused(staff_client, event_with_a_placed_host, language):
    event, host, _placed = event_with_a_placed_host

    response = post(staff_client, f"/staff/events/{event.public_id}/hosts", action="update", host_id=str(host.id),
                    capacity="0", minimum="", activities_th="ไม่ควรถูกบันทึก")

    assert response.status_code == 400
    assert MESSAGES["below_placed"][language] in error_notices(response.get_data(as_text=True))
    db.session.expire_all()
    host = db.session.get(EventHost, host.id)
    assert (host.capacity, host.activities_th) == (3, None)


def test_adding_a_host_twice_is_refused(staff_client, event_with_a_placed_host, language):
    event, host, _placed = event_with_a_placed_host

    response = post(staff_client, f"/staff/events/{event.public_id}/hosts", action="add",
                    organisation_public_id=host.organisation.public_id, capacity="9")

    assert response.status_code == 400
    assert MESSAGES["already_hosting"][language] in error_notices(response.get_data(as_text=True))
    assert count(EventHost) == 1
    assert db.session.get(EventHost, host.id).capacity == 3


# -- matching (PlacementError) ----------------------------------------------------------------------

def test_moving_an_applicant_not_selected_is_refused(staff_client, event_with_a_placed_host, language):
    event, host, _placed = event_with_a_placed_host
    waiting = make_application(event, status=ApplicationStatus.SUBMITTED)

    response = post(staff_client, f"/staff/events/{event.public_id}/matching/move", application_id=str(waiting.id),
                    host_id=str(host.id))

    assert MESSAGES["not_selected"][language] in error_notices(followed(staff_client, response))
    assert count(MatchRule) == 0
    waiting = db.session.get(Application, waiting.id)
    assert (waiting.status, waiting.host_id) == (ApplicationStatus.SUBMITTED, None)


# -- corrections (CorrectionError) ------------------------------------------------------------------

def test_applying_a_correction_the_profile_already_has_is_refused(staff_client, make_organisation, language):
    organisation = make_organisation(phone="074 000 000")
    correction = Correction(organisation=organisation, field="phone", proposed_value="074 000 000")
    db.session.add(correction)
    db.session.commit()
    revisions = count(OrganisationRevision)

    response = post(staff_client, f"/staff/corrections/{correction.id}/decision", decision="apply")

    assert response.status_code == 409
    assert MESSAGES["no_change"][language] in error_notices(response.get_data(as_text=True))
    db.session.expire_all()
    correction = db.session.get(Correction, correction.id)
    assert (correction.status, correction.decided_by_id, correction.revision_id) == (
        CorrectionStatus.PENDING, None, None)
    assert count(OrganisationRevision) == revisions
