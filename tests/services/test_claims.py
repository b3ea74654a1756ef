"""Claims, registrations, staff decisions and invitations, at the service level (real database and mail files)."""
import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import (
    ClaimKind,
    ClaimStatus,
    Organisation,
    OrganisationClaim,
    OrganisationMembership,
    OrganisationRevision,
    OrganisationStatus,
    RevisionSource,
)
from directory.services.accounts.tokens import make_token
from directory.services.organisations import claims
from directory.services.organisations.claims import ClaimError
from directory.services.places.gazetteer import gazetteer

REQUEST = {"justification": "ฉันเป็นเลขานุการมูลนิธิ", "contact_name": "คุณสมศรี", "contact_detail": "081 234 5678"}


# Services build absolute links for mail, as they do inside a request.
pytestmark = pytest.mark.usefixtures("request_context")


def editor_ids(organisation):
    return set(db.session.scalars(sa.select(OrganisationMembership.user_id)
                                  .where(OrganisationMembership.organisation_id == organisation.id)))


def new_registration(user, name_th="ชมรมผู้สูงอายุบ้านทดสอบ"):
    province = gazetteer().province("สตูล")
    claim = claims.register_organisation(user, {"name_th": name_th, "province_code": province.code}, REQUEST)
    db.session.commit()
    return claim


# -- claims ----------------------------------------------------------------------------------------

def test_a_claim_is_pending_and_records_what_was_said(make_organisation, make_user):
    organisation, person = make_organisation(), make_user()
    claim = claims.claim_organisation(person, organisation, REQUEST)
    db.session.commit()
    assert (claim.kind, claim.status) == (ClaimKind.CLAIM, ClaimStatus.PENDING)
    assert (claim.justification, claim.contact_name, claim.contact_detail) == tuple(REQUEST.values())
    assert claim.decided_at is None and claim.decided_by is None
    assert claims.claims_of(person) == [claim]
    assert editor_ids(organisation) == set()


def test_an_unverified_person_cannot_claim_or_register(make_organisation, make_user):
    organisation, person = make_organisation(), make_user(verified=False)
    with pytest.raises(ClaimError) as refused:
        claims.claim_organisation(person, organisation, REQUEST)
    assert refused.value.code == "unverified"
    with pytest.raises(ClaimError) as refused:
        claims.register_organisation(person, {"name_th": "ใหม่", "province_code": "91"}, REQUEST)
    assert refused.value.code == "unverified"
    db.session.commit()
    assert claims.claims_of(person) == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 1


def test_no_duplicate_claim_while_one_is_pending_nor_from_an_editor(make_organisation, make_user):
    organisation = make_organisation()
    person = make_user()
    claims.claim_organisation(person, organisation, REQUEST)
    db.session.commit()
    with pytest.raises(ClaimError) as refused:
        claims.claim_organisation(person, organisation, REQUEST)
    assert refused.value.code == "already_pending"
    editor = make_user(editor_of=[organisation])
    with pytest.raises(ClaimError) as refused:
        claims.claim_organisation(editor, organisation, REQUEST)
    assert refused.value.code == "already_editor"
    assert len(claims.claims_of(person)) == 1 and claims.claims_of(editor) == []


def test_a_rejected_claim_may_be_asked_again(make_organisation, make_user, staff_user):
    organisation, person = make_organisation(), make_user()
    first = claims.claim_organisation(person, organisation, REQUEST)
    claims.reject_claim(first, by=staff_user)
    db.session.commit()
    assert claims.claim_refusal(person, organisation) is None
    claims.claim_organisation(person, organisation, REQUEST)
    db.session.commit()
    assert len(claims.claims_of(person)) == 2


@pytest.mark.parametrize("status", [OrganisationStatus.DRAFT, OrganisationStatus.ARCHIVED])
def test_only_published_listings_can_be_claimed(make_organisation, make_user, status):
    organisation, person = make_organisation(status=status), make_user()
    with pytest.raises(ClaimError) as refused:
        claims.claim_organisation(person, organisation, REQUEST)
    assert refused.value.code == "not_published"


# -- decisions -------------------------------------------------------------------------------------

def test_approving_a_claim_makes_an_editor_and_mails_the_requester(make_organisation, make_user, staff_user,
                                                                    mailbox):
    organisation, person = make_organisation(name_th="มูลนิธิรักษ์ทะเล"), make_user()
    claim = claims.claim_organisation(person, organisation, REQUEST)
    db.session.commit()
    claims.approve_claim(claim, by=staff_user, note="ยืนยันทางโทรศัพท์แล้ว")
    db.session.commit()

    assert claim.status is ClaimStatus.APPROVED
    assert claim.decided_by == staff_user and claim.decided_at is not None
    assert claim.decision_note == "ยืนยันทางโทรศัพท์แล้ว"
    membership = db.session.scalar(sa.select(OrganisationMembership).filter_by(organisation_id=organisation.id))
    assert (membership.user_id, membership.added_by_id) == (person.id, staff_user.id)
    message = mailbox.last(to=person.email)
    assert message["Subject"].startswith("คำขอสิทธิ์แก้ไขข้อมูลได้รับการอนุมัติแล้ว")
    body = message.get_content()
    assert "มูลนิธิรักษ์ทะเล" in body and "ยืนยันทางโทรศัพท์แล้ว" in body
    assert body.index("เรียน") < body.index("Dear")  # Thai first, then English
    assert "http://localhost/account/" in mailbox.links(message)


def test_rejecting_a_claim_mails_the_reason_and_makes_no_editor(make_organisation, make_user, staff_user, mailbox):
    organisation, person = make_organisation(), make_user()
    claim = claims.claim_organisation(person, organisation, REQUEST)
    claims.reject_claim(claim, by=staff_user, note="ติดต่อองค์กรไม่ได้")
    db.session.commit()
    assert claim.status is ClaimStatus.REJECTED and claim.decided_by == staff_user
    assert editor_ids(organisation) == set()
    assert organisation.status is OrganisationStatus.PUBLISHED
    message = mailbox.last(to=person.email)
    assert "ไม่ได้รับการอนุมัติ" in message["Subject"] and "ติดต่อองค์กรไม่ได้" in message.get_content()


def test_a_decided_claim_cannot_be_decided_again(make_organisation, make_user, staff_user, mailbox):
    organisation, person = make_organisation(), make_user()
    claim = claims.claim_organisation(person, organisation, REQUEST)
    claims.reject_claim(claim, by=staff_user)
    db.session.commit()
    for decide in (claims.approve_claim, claims.reject_claim):
        with pytest.raises(ClaimError) as refused:
            decide(claim, by=staff_user)
        assert refused.value.code == "already_decided"
    db.session.rollback()
    assert claim.status is ClaimStatus.REJECTED
    assert editor_ids(organisation) == set()
    assert len(mailbox.messages(to=person.email)) == 1


def test_a_decision_made_elsewhere_meanwhile_wins(make_organisation, make_user, staff_user, mailbox):
    """Two staff deciding at once: the one whose page was stale is refused, not given a second membership."""
    organisation, person = make_organisation(), make_user()
    claim = claims.claim_organisation(person, organisation, REQUEST)
    db.session.commit()
    assert claim.status is ClaimStatus.PENDING  # loaded now, stale in a moment
    with db.engine.begin() as elsewhere:
        elsewhere.execute(sa.update(OrganisationClaim).where(OrganisationClaim.id == claim.id)
                          .values(status=ClaimStatus.REJECTED.value))
    with pytest.raises(ClaimError) as refused:
        claims.approve_claim(claim, by=staff_user)
    assert refused.value.code == "already_decided"
    db.session.rollback()
    assert claim.status is ClaimStatus.REJECTED and editor_ids(organisation) == set()
    assert mailbox.messages(to=person.email) == []


def test_only_staff_decide(make_organisation, make_user):
    organisation, person = make_organisation(), make_user()
    editor = make_user(editor_of=[organisation])
    claim = claims.claim_organisation(person, organisation, REQUEST)
    db.session.commit()
    with pytest.raises(ClaimError) as refused:
        claims.approve_claim(claim, by=editor)
    assert refused.value.code == "forbidden"
    db.session.rollback()
    assert claim.status is ClaimStatus.PENDING and editor_ids(organisation) == {editor.id}


def test_approving_a_claim_of_someone_who_became_editor_meanwhile_adds_no_second_membership(
        make_organisation, make_user, staff_user):
    organisation, person = make_organisation(), make_user()
    claim = claims.claim_organisation(person, organisation, REQUEST)
    db.session.add(OrganisationMembership(user=person, organisation=organisation))
    db.session.commit()
    claims.approve_claim(claim, by=staff_user)
    db.session.commit()
    assert editor_ids(organisation) == {person.id}


def test_the_queue_lists_pending_requests_oldest_first_by_kind(make_organisation, make_user, staff_user):
    first, second = make_organisation(), make_organisation()
    person = make_user()
    claim_one = claims.claim_organisation(person, first, REQUEST)
    db.session.commit()
    registration = new_registration(person)
    claim_two = claims.claim_organisation(person, second, REQUEST)
    db.session.commit()
    assert claims.claim_queue() == [claim_one, registration, claim_two]
    assert claims.claim_queue(kind=ClaimKind.REGISTRATION) == [registration]
    claims.approve_claim(claim_one, by=staff_user)
    db.session.commit()
    assert claims.claim_queue() == [registration, claim_two]
    assert claims.claim_queue(status=ClaimStatus.APPROVED) == [claim_one]
    assert set(claims.claim_queue(status=None)) == {claim_one, registration, claim_two}


# -- registrations ---------------------------------------------------------------------------------

def test_a_registration_is_a_draft_with_a_pending_claim_and_a_creation_revision(make_user):
    person = make_user()
    claim = new_registration(person)
    organisation = claim.organisation
    assert claim.kind is ClaimKind.REGISTRATION and claim.status is ClaimStatus.PENDING
    assert organisation.status is OrganisationStatus.DRAFT and organisation.province_code == "91"
    assert editor_ids(organisation) == set()
    revision = db.session.scalar(sa.select(OrganisationRevision).filter_by(organisation_id=organisation.id))
    assert (revision.source, revision.author_id) == (RevisionSource.CREATE, person.id)
    assert revision.changes["name_th"] == [None, "ชมรมผู้สูงอายุบ้านทดสอบ"]


def test_approving_a_registration_publishes_it_and_makes_the_requester_editor(make_user, staff_user, mailbox):
    person = make_user()
    claim = new_registration(person, name_th="กลุ่มออมทรัพย์บ้านใหม่")
    claims.approve_claim(claim, by=staff_user)
    db.session.commit()
    organisation = claim.organisation
    assert organisation.status is OrganisationStatus.PUBLISHED
    assert editor_ids(organisation) == {person.id}
    latest = db.session.scalars(sa.select(OrganisationRevision).filter_by(organisation_id=organisation.id)
                                .order_by(OrganisationRevision.id.desc())).first()
    assert (latest.source, latest.author_id, latest.changes) == (
        RevisionSource.STAFF, staff_user.id, {"status": ["draft", "published"]})
    message = mailbox.last(to=person.email)
    assert message["Subject"].startswith("ลงทะเบียนองค์กรได้รับการอนุมัติแล้ว")
    assert any(f"/organisations/{organisation.public_id}/" in link for link in mailbox.links(message))


def test_rejecting_a_registration_archives_the_draft(make_user, staff_user, mailbox):
    person = make_user()
    claim = new_registration(person)
    claims.reject_claim(claim, by=staff_user, note="ซ้ำกับองค์กรที่มีอยู่แล้ว")
    db.session.commit()
    assert claim.organisation.status is OrganisationStatus.ARCHIVED
    assert editor_ids(claim.organisation) == set()
    assert "ซ้ำกับองค์กรที่มีอยู่แล้ว" in mailbox.last(to=person.email).get_content()


# -- invitations -----------------------------------------------------------------------------------

def test_an_editor_invites_by_mail_and_the_invited_person_accepts(make_organisation, make_user, mailbox):
    organisation = make_organisation(name_th="สมาคมคนรักป่า")
    editor = make_user(editor_of=[organisation])
    token = claims.invite_editor(organisation, " New.Editor@Example.org ", by=editor)
    db.session.commit()
    message = mailbox.last(to="new.editor@example.org")
    assert "สมาคมคนรักป่า" in message.get_content() and editor.display_name in message.get_content()
    assert f"http://localhost/account/invitations/{token}" in mailbox.links(message)

    invited = make_user(email="new.editor@example.org")
    membership = claims.accept_invitation(token, invited)
    db.session.commit()
    assert (membership.user_id, membership.added_by_id) == (invited.id, editor.id)
    assert editor_ids(organisation) == {editor.id, invited.id}
    with pytest.raises(ClaimError) as refused:
        claims.accept_invitation(token, invited)
    assert refused.value.code == "already_editor"


def test_an_invitation_works_only_for_the_invited_verified_address(make_organisation, make_user):
    organisation = make_organisation()
    editor = make_user(editor_of=[organisation])
    token = claims.invite_editor(organisation, "invited@example.org", by=editor)
    for person, code in ((make_user(email="someone.else@example.org"), "wrong_email"),
                         (make_user(email="invited@example.org", verified=False), "unverified")):
        with pytest.raises(ClaimError) as refused:
            claims.accept_invitation(token, person)
        assert refused.value.code == code
    assert editor_ids(organisation) == {editor.id}


def test_tampered_expired_or_foreign_tokens_are_refused(app, make_organisation, make_user):
    organisation = make_organisation()
    editor = make_user(editor_of=[organisation])
    invited = make_user(email="invited@example.org")
    token = claims.invite_editor(organisation, invited.email, by=editor)
    payload = {"organisation": organisation.id, "email": invited.email, "by": editor.id}
    for bad in (token[:-3] + ("abc" if not token.endswith("abc") else "xyz"),
                make_token("verify-email", payload), "not-a-token"):
        with pytest.raises(ClaimError) as refused:
            claims.accept_invitation(bad, invited)
        assert refused.value.code == "invalid_token"
    app.config["INVITATION_MAX_AGE"] = -1  # every link is older than that
    with pytest.raises(ClaimError) as refused:
        claims.accept_invitation(token, invited)
    assert refused.value.code == "invalid_token"
    assert editor_ids(organisation) == {editor.id}


def test_an_invitation_dies_with_its_senders_membership(make_organisation, make_user):
    organisation = make_organisation()
    sender, other = make_user(editor_of=[organisation]), make_user(editor_of=[organisation])
    invited = make_user(email="invited@example.org")
    token = claims.invite_editor(organisation, invited.email, by=sender)
    claims.remove_editor(organisation, sender, by=other)
    db.session.commit()
    with pytest.raises(ClaimError) as refused:
        claims.accept_invitation(token, invited)
    assert refused.value.code == "invalid_token"


def test_only_editors_and_staff_invite(make_organisation, make_user, staff_user, mailbox):
    organisation, elsewhere = make_organisation(), make_organisation()
    outsider = make_user(editor_of=[elsewhere])
    with pytest.raises(ClaimError) as refused:
        claims.invite_editor(organisation, "x@example.org", by=outsider)
    assert refused.value.code == "forbidden"
    claims.invite_editor(organisation, "y@example.org", by=staff_user)
    db.session.commit()
    assert mailbox.messages(to="x@example.org") == [] and len(mailbox.messages(to="y@example.org")) == 1


def test_inviting_a_current_editor_is_refused(make_organisation, make_user, mailbox):
    organisation = make_organisation()
    editor, other = make_user(editor_of=[organisation]), make_user(editor_of=[organisation])
    with pytest.raises(ClaimError) as refused:
        claims.invite_editor(organisation, other.email.upper(), by=editor)
    assert refused.value.code == "already_editor"
    db.session.commit()
    assert mailbox.messages(to=other.email) == []


# -- removing editors ------------------------------------------------------------------------------

def test_an_editor_removes_another_and_then_themselves_is_refused_as_the_last(make_organisation, make_user):
    organisation = make_organisation()
    first, second = make_user(editor_of=[organisation]), make_user(editor_of=[organisation])
    claims.remove_editor(organisation, second, by=first)
    db.session.commit()
    assert editor_ids(organisation) == {first.id} and not second.is_editor_of(organisation)
    with pytest.raises(ClaimError) as refused:
        claims.remove_editor(organisation, first, by=first)
    assert refused.value.code == "last_editor"
    assert editor_ids(organisation) == {first.id}


def test_an_editor_may_leave_while_others_remain(make_organisation, make_user):
    organisation = make_organisation()
    first, second = make_user(editor_of=[organisation]), make_user(editor_of=[organisation])
    claims.remove_editor(organisation, first, by=first)
    db.session.commit()
    assert editor_ids(organisation) == {second.id}


def test_staff_may_remove_the_last_editor(make_organisation, make_user, staff_user):
    organisation = make_organisation()
    editor = make_user(editor_of=[organisation])
    claims.remove_editor(organisation, editor, by=staff_user)
    db.session.commit()
    assert editor_ids(organisation) == set()


def test_an_outsider_cannot_remove_editors(make_organisation, make_user):
    organisation, elsewhere = make_organisation(), make_organisation()
    editor, outsider = make_user(editor_of=[organisation, elsewhere]), make_user(editor_of=[elsewhere])
    with pytest.raises(ClaimError) as refused:
        claims.remove_editor(organisation, editor, by=outsider)
    assert refused.value.code == "forbidden"
    with pytest.raises(ClaimError) as refused:
        claims.remove_editor(organisation, outsider, by=editor)
    assert refused.value.code == "not_editor"
    assert editor_ids(organisation) == {editor.id}
