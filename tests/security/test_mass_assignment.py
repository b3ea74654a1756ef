"""Fields a role may not set (status, verification, version, ids, ...) are refused, never applied."""
import pytest

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus, User
from tests.account.test_edit_organisation import edit_url, form_of, post
from tests.conftest import form_token
from tests.security.test_access_control import snapshot

# Columns of an organisation that no editor may set, with a value that would matter if it were applied.
PROTECTED = {
    "status": "archived", "is_verified": True, "is_demo": True, "id": 999, "public_id": "zzzzzzzz",
    "slug": "taken-over", "ref": "X-1", "merged_into_id": 1, "logo_filename": "../../etc/passwd",
    "created_at": "2000-01-01T00:00:00Z", "updated_at": "2000-01-01T00:00:00Z", "is_position_approximate": False,
}


@pytest.fixture
def editor_and_organisation(make_organisation, make_user, auth):
    organisation = make_organisation(status=OrganisationStatus.PUBLISHED)
    editor = make_user(editor_of=[organisation])
    auth.login(editor.email)
    return editor, organisation


@pytest.mark.parametrize("field", sorted(PROTECTED))
def test_the_api_refuses_protected_fields(client, editor_and_organisation, field):
    _editor, organisation = editor_and_organisation
    token = form_token(client, edit_url(organisation))
    before = snapshot()
    response = client.patch(f"/api/v1/organisations/{organisation.public_id}",
                            json={"version": organisation.version, field: PROTECTED[field]},
                            headers={"X-CSRFToken": token})
    assert response.status_code == 400
    assert field in response.get_json()["fields"]
    assert snapshot() == before


@pytest.mark.parametrize("field", sorted(PROTECTED))
def test_the_form_refuses_protected_fields_added_to_it(client, editor_and_organisation, field):
    _editor, organisation = editor_and_organisation
    form = form_of(client.get(edit_url(organisation)))
    before = snapshot()
    response = post(client, organisation, form, **{field: str(PROTECTED[field])})
    assert response.status_code == 400
    assert snapshot() == before


def test_a_stale_or_forged_version_is_not_applied(client, editor_and_organisation):
    _editor, organisation = editor_and_organisation
    token = form_token(client, edit_url(organisation))
    response = client.patch(f"/api/v1/organisations/{organisation.public_id}",
                            json={"version": organisation.version + 5, "name_en": "Forged"},
                            headers={"X-CSRFToken": token})
    assert response.status_code == 409
    db.session.expire_all()
    assert organisation.name_en != "Forged" and response.get_json()["version"] == organisation.version


def test_sign_up_cannot_choose_a_role(client):
    token = form_token(client, "/account/sign-up")
    sign_up = {"csrf_token": token, "display_name": "Mallory", "password": "a long and unusual passphrase"}
    response = client.post("/account/sign-up", data={**sign_up, "email": "mallory@example.org", "role": "admin"})
    assert response.status_code == 400
    assert db.session.query(User).filter_by(email="mallory@example.org").count() == 0
    # The same form without the extra field is accepted, as a member.
    assert client.post("/account/sign-up", data={**sign_up, "email": "mallory@example.org"}).status_code == 200
    assert db.session.query(User).filter_by(email="mallory@example.org").one().role.value == "member"


def test_registering_an_organisation_cannot_publish_or_verify_it(client, make_user, auth):
    auth.login(make_user().email)
    form = {"csrf_token": form_token(client, "/account/organisations/new"), "name_th": "กลุ่มใหม่",
            "province": "91", "justification": "ฉันเป็นผู้ประสานงาน", "contact_name": "สมชาย",
            "contact_detail": "081 234 5678"}
    before = snapshot()
    for field, value in (("status", "published"), ("is_verified", "1")):
        assert client.post("/account/organisations/new", data={**form, field: value}).status_code == 400
    assert snapshot() == before
    assert client.post("/account/organisations/new", data=form).status_code in (302, 303)
    [created] = db.session.query(Organisation).filter_by(name_th="กลุ่มใหม่").all()
    assert created.status is OrganisationStatus.DRAFT and not created.is_verified
