"""The back office's queue of corrections suggested by visitors, and decisions made on it."""
import re

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Correction, CorrectionStatus, OrganisationRevision, RevisionSource
from tests.conftest import form_token
from tests.staff.conftest import text_of

CONTACT = "visitor.private@example.net"


def add_correction(organisation, field="phone", value="074 123 456", contact=CONTACT, note=None):
    correction = Correction(organisation=organisation, field=field, proposed_value=value, contact=contact, note=note)
    db.session.add(correction)
    db.session.commit()
    return correction


@pytest.fixture
def organisation(make_organisation):
    return make_organisation(name_th="มูลนิธิรักษ์ละงู", name_en="La-ngu Care Foundation", district="ละงู",
                             phone="074 000 000")


def decide(client, correction, decision, note="", query="", token=True):
    data = {"decision": decision, "note": note}
    if token:
        data["csrf_token"] = form_token(client, "/account/")
    return client.post(f"/staff/corrections/{correction.id}/decision{query}", data=data)


def reload(correction):
    db.session.expire_all()
    return db.session.get(Correction, correction.id)


def test_visitors_are_sent_to_sign_in_and_members_get_403(client, auth, organisation, make_user):
    correction = add_correction(organisation)
    assert client.get("/staff/corrections").status_code == 302
    editor = make_user(editor_of=[organisation])
    auth.login(editor.email)
    assert client.get("/staff/corrections").status_code == 403
    for decision in ("apply", "dismiss"):
        assert decide(client, correction, decision).status_code == 403
    assert reload(correction).status is CorrectionStatus.PENDING
    db.session.expire_all()
    assert organisation.phone == "074 000 000"


def test_the_queue_shows_the_current_value_beside_the_suggestion_newest_first(staff_client, organisation,
                                                                              make_organisation):
    older = add_correction(organisation, note="ดูจากป้ายหน้าสำนักงาน")
    newer = add_correction(make_organisation(name_th="ชมรมสองฝั่ง", province="สตูล"), field="district_code",
                           value="ละงู", contact=None)
    page = staff_client.get("/staff/corrections?lang=en")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert body.index(f'id="correction-{newer.id}"') < body.index(f'id="correction-{older.id}"')
    text = text_of(page)
    for shown in ("Telephone", "074 000 000", "074 123 456", "ดูจากป้ายหน้าสำนักงาน", CONTACT, "District",
                  "ละงู", "None given"):
        assert shown in text, shown
    assert "(blank)" in text  # the second organisation has no district yet
    assert 'href="/staff/corrections"' in staff_client.get("/staff/claims").get_data(as_text=True)


def test_the_queue_filters_by_status(staff_client, organisation):
    pending = add_correction(organisation, value="074 111 111")
    dismissed = add_correction(organisation, value="074 222 222")
    dismissed.status = CorrectionStatus.DISMISSED
    db.session.commit()
    assert "074 111 111" in text_of(staff_client.get("/staff/corrections"))
    assert "074 222 222" not in text_of(staff_client.get("/staff/corrections"))
    assert "074 111 111" not in text_of(staff_client.get("/staff/corrections?status=dismissed"))
    everything = text_of(staff_client.get("/staff/corrections?status=all"))
    assert "074 111 111" in everything and "074 222 222" in everything
    assert staff_client.get("/staff/corrections?status=bogus").status_code == 400
    assert pending.status is CorrectionStatus.PENDING


def test_applying_changes_the_profile_as_a_staff_revision_and_mails_the_editors(staff_client, organisation,
                                                                                make_user, mailbox):
    editor = make_user(email="editor@example.org", editor_of=[organisation])
    correction = add_correction(organisation)

    response = decide(staff_client, correction, "apply", note="โทรยืนยันแล้ว")

    assert response.status_code == 302 and response.headers["Location"].endswith("/staff/corrections")
    correction = reload(correction)
    assert correction.status is CorrectionStatus.APPLIED and correction.decided_by_id == staff_client.staff.id
    assert organisation.phone == "074 123 456"
    revision = db.session.scalar(sa.select(OrganisationRevision).order_by(OrganisationRevision.id.desc()).limit(1))
    assert correction.revision_id == revision.id
    assert (revision.source, revision.author_id, revision.changes) == (
        RevisionSource.CORRECTION, staff_client.staff.id, {"phone": ["074 000 000", "074 123 456"]})
    mail = mailbox.last(to=editor.email)
    assert "074 123 456" in mail.get_content() and CONTACT not in mail.get_content()
    assert "แก้ไขข้อมูลของ มูลนิธิรักษ์ละงู ตามคำแนะนำแล้ว" in text_of(staff_client.get("/staff/corrections"))  # the flash
    history = text_of(staff_client.get(f"/staff/organisations/{organisation.public_id}/history?lang=en"))
    assert "A visitor's correction, applied by staff" in history
    assert "074 123 456" in text_of(staff_client.get(f"/organisations/{organisation.public_id}"))


def test_dismissing_keeps_the_profile(staff_client, organisation, mailbox):
    correction = add_correction(organisation)
    assert decide(staff_client, correction, "dismiss", note="เบอร์ของร้านข้างเคียง").status_code == 302
    correction = reload(correction)
    assert (correction.status, correction.decision_note, correction.revision_id) == (
        CorrectionStatus.DISMISSED, "เบอร์ของร้านข้างเคียง", None)
    assert organisation.phone == "074 000 000" and mailbox.messages() == []
    assert "เบอร์ของร้านข้างเคียง" in text_of(staff_client.get("/staff/corrections?status=dismissed"))


def test_a_value_that_no_longer_validates_is_shown_and_stays_pending(staff_client, organisation):
    correction = add_correction(organisation, field="email", value="not an address")
    response = decide(staff_client, correction, "apply", query="?lang=en")
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    section = body[body.index(f'id="correction-{correction.id}"'):]
    assert "Enter a valid email address." in section and 'id="proposed_value-errors"' in section
    assert reload(correction).status is CorrectionStatus.PENDING
    db.session.expire_all()
    assert organisation.email is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(OrganisationRevision)
                             .where(OrganisationRevision.source == RevisionSource.CORRECTION)) == 0


def test_a_value_the_profile_already_has_is_refused(staff_client, organisation):
    correction = add_correction(organisation, value="074 000 000")
    response = decide(staff_client, correction, "apply", query="?lang=en")
    assert response.status_code == 409 and "nothing was changed" in response.get_data(as_text=True)
    assert reload(correction).status is CorrectionStatus.PENDING


def test_a_decision_needs_the_csrf_token_and_a_known_choice(staff_client, organisation):
    correction = add_correction(organisation)
    assert decide(staff_client, correction, "apply", token=False).status_code == 400
    assert decide(staff_client, correction, "approve").status_code == 400
    assert reload(correction).status is CorrectionStatus.PENDING
    assert staff_client.post("/staff/corrections/999999/decision",
                             data={"decision": "apply", "csrf_token": form_token(staff_client, "/account/")}
                             ).status_code == 404


def test_a_second_decision_is_refused(staff_client, organisation):
    correction = add_correction(organisation)
    assert decide(staff_client, correction, "dismiss").status_code == 302
    response = decide(staff_client, correction, "apply", query="?lang=en")
    assert response.status_code == 409 and "already decided" in response.get_data(as_text=True)
    db.session.expire_all()
    assert organisation.phone == "074 000 000"


def test_the_dashboard_counts_pending_suggestions(staff_client, organisation):
    add_correction(organisation)
    add_correction(organisation).status = CorrectionStatus.APPLIED
    db.session.commit()
    page = staff_client.get("/staff/").get_data(as_text=True)
    found = re.search(r'href="/staff/corrections">[^<]*</a>\s*<span class="count">(\d+)</span>', page)
    assert found and found.group(1) == "1"
