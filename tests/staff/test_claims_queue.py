"""The back office's queue of claims and registrations, and decisions made on it."""
import re

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import (
    ClaimKind,
    ClaimStatus,
    OrganisationClaim,
    OrganisationMembership,
    OrganisationStatus,
)
from directory.services.organisations.records import create_organisation
from tests.conftest import form_token
from tests.staff.conftest import text_of


def add_claim(organisation, requester, kind=ClaimKind.CLAIM, justification="ฉันเป็นเลขานุการ"):
    claim = OrganisationClaim(kind=kind, organisation=organisation, requester=requester, justification=justification,
                              contact_name="คุณสมศรี", contact_detail="081 234 5678")
    db.session.add(claim)
    db.session.commit()
    return claim


def new_draft(name_th):
    organisation = create_organisation({"name_th": name_th, "province_code": "91"})
    db.session.commit()
    return organisation


def decide(client, claim, decision, note="", query=""):
    token = form_token(client, "/account/")
    return client.post(f"/staff/claims/{claim.id}/decision{query}",
                       data={"decision": decision, "note": note, "csrf_token": token})


def reload(claim):
    db.session.expire_all()
    return db.session.get(OrganisationClaim, claim.id)


def test_members_get_403_and_visitors_are_sent_to_sign_in(client, auth, make_organisation, make_user):
    organisation = make_organisation()
    claim = add_claim(organisation, make_user())
    assert client.get("/staff/claims").status_code == 302
    member = make_user(editor_of=[organisation])
    auth.login(member.email)
    assert client.get("/staff/claims").status_code == 403
    token = form_token(client, "/account/")
    assert client.post(f"/staff/claims/{claim.id}/decision",
                       data={"decision": "approve", "csrf_token": token}).status_code == 403
    assert reload(claim).status is ClaimStatus.PENDING


def test_the_queue_shows_pending_requests_with_what_staff_need(staff_client, make_organisation, make_user):
    organisation = make_organisation(name_th="มูลนิธิรักษ์ทะเล")
    requester = make_user(email="requester@example.org", display_name="ผู้ขอ")
    add_claim(organisation, requester, justification="ฉันเป็นผู้ประสานงานโครงการ")
    add_claim(new_draft("ชมรมใหม่เอี่ยม"), requester, kind=ClaimKind.REGISTRATION)
    decided = add_claim(make_organisation(name_th="องค์กรที่ตัดสินแล้ว"), requester)
    decided.status = ClaimStatus.REJECTED
    db.session.commit()

    text = text_of(staff_client.get("/staff/claims"))
    for shown in ("มูลนิธิรักษ์ทะเล", "ชมรมใหม่เอี่ยม", "requester@example.org", "ฉันเป็นผู้ประสานงานโครงการ",
                  "คุณสมศรี", "081 234 5678"):
        assert shown in text
    assert "องค์กรที่ตัดสินแล้ว" not in text

    only_registrations = text_of(staff_client.get("/staff/claims?kind=registration"))
    assert "ชมรมใหม่เอี่ยม" in only_registrations and "มูลนิธิรักษ์ทะเล" not in only_registrations
    rejected = text_of(staff_client.get("/staff/claims?status=rejected"))
    assert "องค์กรที่ตัดสินแล้ว" in rejected and "มูลนิธิรักษ์ทะเล" not in rejected


def test_the_filters_have_headings_and_say_what_is_shown(staff_client, make_organisation, make_user):
    add_claim(make_organisation(name_th="มูลนิธิรักษ์ทะเล"), make_user())
    page = staff_client.get("/staff/claims?kind=claim").get_data(as_text=True)
    filters = page[page.index('<nav class="queue-filters"'):page.index("</nav>", page.index("queue-filters"))]
    assert re.findall(r"<h2[^>]*>([^<]+)</h2>", filters) == ["ประเภทคำขอ", "สถานะ"]
    assert re.findall(r'<strong aria-current="true">([^<]+)</strong>', filters) == [
        "คำขอเป็นผู้แก้ไของค์กรที่มีอยู่แล้ว", "รอการพิจารณา"]
    assert "กำลังแสดง: คำขอเป็นผู้แก้ไของค์กรที่มีอยู่แล้ว, รอการพิจารณา (1 รายการ)" in text_of(
        staff_client.get("/staff/claims?kind=claim"))


def test_a_claim_shows_the_contact_details_already_on_file(staff_client, make_organisation, make_user):
    listed = make_organisation(name_th="มูลนิธิรักษ์ทะเล", phone="074-711-111", email="office@raksatun.example")
    add_claim(listed, make_user())
    add_claim(make_organisation(name_th="กลุ่มไม่มีเบอร์"), make_user())
    page = staff_client.get("/staff/claims").get_data(as_text=True)
    on_file = [text for text in re.findall(r'<dd class="on-file">(.*?)</dd>', page, re.S)]
    assert any("074-711-111" in text and "office@raksatun.example" in text for text in on_file)
    assert any("ไม่มีข้อมูลติดต่อให้ตรวจสอบ" in text for text in on_file)


@pytest.mark.parametrize("query", ["?kind=everything", "?status=maybe"])
def test_a_bad_filter_is_a_400(staff_client, query):
    assert staff_client.get(f"/staff/claims{query}").status_code == 400


def test_approving_a_claim_from_the_queue(staff_client, make_organisation, make_user, mailbox):
    organisation = make_organisation()
    requester = make_user()
    claim = add_claim(organisation, requester)
    response = decide(staff_client, claim, "approve", note="โทรยืนยันแล้ว", query="?kind=claim")
    assert response.status_code == 302 and response.headers["Location"] == "/staff/claims?kind=claim"
    claim = reload(claim)
    assert claim.status is ClaimStatus.APPROVED and claim.decided_by_id == staff_client.staff.id
    assert claim.decision_note == "โทรยืนยันแล้ว" and claim.decided_at is not None
    membership = db.session.scalar(sa.select(OrganisationMembership).filter_by(organisation_id=organisation.id))
    assert (membership.user_id, membership.added_by_id) == (requester.id, staff_client.staff.id)
    assert "โทรยืนยันแล้ว" in mailbox.last(to=requester.email).get_content()


def test_rejecting_a_registration_archives_it(staff_client, make_user, mailbox):
    requester = make_user()
    claim = add_claim(new_draft("ชมรมที่ซ้ำ"), requester, kind=ClaimKind.REGISTRATION)
    assert decide(staff_client, claim, "reject", note="ซ้ำกับองค์กรเดิม").status_code == 302
    claim = reload(claim)
    assert claim.status is ClaimStatus.REJECTED
    assert claim.organisation.status is OrganisationStatus.ARCHIVED
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OrganisationMembership)) == 0
    assert "ซ้ำกับองค์กรเดิม" in mailbox.last(to=requester.email).get_content()


def test_approving_a_registration_publishes_it(staff_client, make_user):
    requester = make_user()
    claim = add_claim(new_draft("ชมรมที่อนุมัติ"), requester, kind=ClaimKind.REGISTRATION)
    assert decide(staff_client, claim, "approve").status_code == 302
    organisation = reload(claim).organisation
    assert organisation.status is OrganisationStatus.PUBLISHED
    assert staff_client.get(f"/organisations/{organisation.public_id}").status_code == 200


def test_deciding_twice_is_refused_with_a_message(staff_client, make_organisation, make_user, mailbox):
    organisation, requester = make_organisation(), make_user()
    claim = add_claim(organisation, requester)
    decide(staff_client, claim, "reject")
    response = decide(staff_client, claim, "approve")
    assert response.status_code == 409 and "คำขอนี้ได้รับการพิจารณาแล้ว" in text_of(response)
    assert reload(claim).status is ClaimStatus.REJECTED
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OrganisationMembership)) == 0
    assert len(mailbox.messages(to=requester.email)) == 1


@pytest.mark.parametrize("fields", [{"decision": "maybe"}, {}, {"decision": "approve", "verified": "1"}])
def test_a_bad_decision_form_is_a_400_and_changes_nothing(staff_client, make_organisation, make_user, fields):
    claim = add_claim(make_organisation(), make_user())
    token = form_token(staff_client, "/account/")
    response = staff_client.post(f"/staff/claims/{claim.id}/decision", data={**fields, "csrf_token": token})
    assert response.status_code == 400
    assert reload(claim).status is ClaimStatus.PENDING


def test_a_decision_without_its_csrf_token_changes_nothing(staff_client, make_organisation, make_user):
    claim = add_claim(make_organisation(), make_user())
    assert staff_client.post(f"/staff/claims/{claim.id}/decision", data={"decision": "approve"}).status_code == 400
    assert reload(claim).status is ClaimStatus.PENDING


def test_an_unknown_claim_is_a_404(staff_client):
    token = form_token(staff_client, "/account/")
    assert staff_client.post("/staff/claims/999999/decision",
                             data={"decision": "approve", "csrf_token": token}).status_code == 404
