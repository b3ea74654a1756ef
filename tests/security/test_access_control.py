"""Who may change what: every write route, walked from the URL map, so a new route cannot be forgotten.

An editor of organisation A sends each write route (HTML with a valid CSRF token, API with the token
header) aimed at organisation B, B's editor, B's claim, B's revision: every answer must be 403 or 404,
and no row of any table may change. The routes that are not about an organisation's data (one's own
account, the public application form, an applicant's private link) are listed with the reason; a new
route must be added to one list or the other, or the first test fails.
"""
import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import ClaimKind, OrganisationClaim, OrganisationRevision
from directory.services.accounts.users import create_api_token
from directory.services.organisations.claims import invite_editor
from tests.conftest import form_token

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}

# Routes where "organisation B" means nothing: they act on the caller's own account, or are public forms
# whose authority is a secret link. Each has its own tests.
NOT_ORGANISATION_SCOPED = {
    "account.login": "signs the caller in",
    "account.logout": "signs the caller out",
    "account.sign_up": "creates the caller's own account",
    "account.resend_verification": "the caller's own verification mail",
    "account.forgot_password": "says the same whatever the email",
    "account.reset_password": "authorised by the signed link",
    "account.tokens": "creates a token for the caller",
    "account.register_organisation": "creates a new draft organisation owned by the caller",
    "account.claim": "asks staff for editing rights; changes nothing of the organisation",
    "public.apply": "the public application form",
    "public.link_again": "mails a new private link only to the address applied with; the same answer for any email",
    "public.update_application": "authorised by the applicant's private link",
    "public.withdraw_application": "authorised by the applicant's private link",
    "public.delete_application": "authorised by the applicant's private link",
    "public.submit_work": "authorised by the applicant's private link",
    "public.withdraw_consent": "authorised by the applicant's private link",
    "api.create_application": "the public application form's API",
    "public.suggest_correction": "stores a suggestion for staff to decide; changes nothing of the organisation",
}

# Everything a form might send, so a route that forgot its check would have what it needs to act.
FORM_VALUES = {
    "name_th": "ถูกแก้โดยผู้อื่น", "name_en": "Changed by someone else", "description_th": "x",
    "status": "archived", "verified": "1", "decision": "approve", "note": "x", "role": "admin",
    "active": "0", "email": "intruder@example.org", "justification": "x", "contact_name": "x",
    "contact_detail": "x", "to": "selected", "version": "1", "confirm": "1",
}


def write_rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.methods & WRITE_METHODS]


@pytest.fixture
def world(app, make_organisation, make_user):
    """Organisations A and B, each with an editor; B has a pending claim, a revision and an invitation."""
    organisation_a = make_organisation(name_en="Alpha Collective")
    organisation_b = make_organisation(name_en="Bravo Collective")
    editor_a = make_user(editor_of=[organisation_a])
    editor_b = make_user(editor_of=[organisation_b])
    claimant = make_user()
    claim = OrganisationClaim(kind=ClaimKind.CLAIM, organisation=organisation_b, requester=claimant,
                              justification="I work there", contact_name="Somchai", contact_detail="081")
    db.session.add(claim)
    token_b, _secret = create_api_token(editor_b, "B's token")
    db.session.commit()
    revision_b = db.session.scalar(sa.select(OrganisationRevision).filter_by(organisation_id=organisation_b.id))
    with app.test_request_context():
        invitation_b = invite_editor(organisation_b, "friend@example.org", by=editor_b)
    db.session.commit()
    arguments = {"public_id": organisation_b.public_id, "user_id": editor_b.id, "claim_id": claim.id,
                 "revision_id": revision_b.id, "token_id": token_b.id, "token": invitation_b,
                 "application_id": 1, "filename": "x.webp", "name": "x"}
    return {"a": organisation_a, "b": organisation_b, "editor_a": editor_a, "arguments": arguments}


def url_for_rule(rule, arguments):
    """The rule's URL with B's ids; any other argument (an event's, a work's) gets 1: the refusal must
    come before the lookup, or from it."""
    return rule.build({name: arguments.get(name, 1) for name in rule.arguments}, append_unknown=False)[1]


def snapshot():
    """Every row of every table, so 'nothing changed' means exactly that."""
    db.session.expire_all()
    return {table.name: sorted(map(tuple, db.session.execute(sa.select(table)).all()), key=repr)
            for table in db.metadata.sorted_tables}


def test_every_write_route_is_walked_or_listed(app):
    organisation_scoped = [rule.endpoint for rule in write_rules(app) if rule.endpoint not in NOT_ORGANISATION_SCOPED]
    assert organisation_scoped, "no write routes found"
    assert set(NOT_ORGANISATION_SCOPED) <= {rule.endpoint for rule in write_rules(app)}, \
        "a listed route no longer exists: remove it from NOT_ORGANISATION_SCOPED"


def test_an_editor_of_a_cannot_change_anything_of_b(app, client, auth, world):
    auth.login(world["editor_a"].email)
    csrf_token = form_token(client, "/account/")
    before = snapshot()
    walked = []
    for rule in write_rules(app):
        if rule.endpoint in NOT_ORGANISATION_SCOPED:
            continue
        url = url_for_rule(rule, world["arguments"])
        for method in sorted(rule.methods & WRITE_METHODS):
            if url.startswith("/api/"):
                response = client.open(url, method=method, json={"version": 1, "name_th": "x", "status": "archived"},
                                       headers={"X-CSRFToken": csrf_token})
            else:
                response = client.open(url, method=method, data={**FORM_VALUES, "csrf_token": csrf_token})
            walked.append((method, url, response.status_code))
            assert response.status_code in (403, 404), f"{method} {url} answered {response.status_code}"
    assert len(walked) >= 10
    assert snapshot() == before


def test_the_editor_can_change_their_own_organisation(client, auth, world):
    """The walk above must be able to fail: the same editor, same session, does reach A."""
    auth.login(world["editor_a"].email)
    csrf_token = form_token(client, f"/account/organisations/{world['a'].public_id}/edit")
    response = client.patch(f"/api/v1/organisations/{world['a'].public_id}",
                            json={"version": world["a"].version, "description_th": "แก้ไขโดยบรรณาธิการ"},
                            headers={"X-CSRFToken": csrf_token})
    assert response.status_code == 200, response.get_json()
    db.session.expire_all()
    assert world["a"].description_th == "แก้ไขโดยบรรณาธิการ"
