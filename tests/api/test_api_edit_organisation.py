"""PATCH /api/v1/organisations/<public_id>: the edit form's schema and service, as JSON."""
import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import OrganisationRevision, OrganisationStatus, RevisionSource
from directory.services.accounts.users import create_api_token
from directory.services.places.gazetteer import gazetteer
from tests.conftest import form_token


@pytest.fixture
def organisation(make_organisation):
    return make_organisation(name_th="เครือข่ายป่าชุมชนสตูล", name_en="Satun Community Forest Network",
                             province="สตูล", district="ละงู", issue_areas=["environment"])


def token_for(user):
    _, secret = create_api_token(user, "tests")
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def editor_headers(make_user, organisation):
    return token_for(make_user(editor_of=[organisation]))


def url(organisation):
    return f"/api/v1/organisations/{organisation.public_id}"


def revisions_of(organisation):
    return db.session.scalars(sa.select(OrganisationRevision).where(
        OrganisationRevision.organisation_id == organisation.id).order_by(OrganisationRevision.id)).all()


def test_an_editor_patches_only_the_fields_sent(client, organisation, editor_headers, assert_matches_component):
    version = organisation.version
    response = client.patch(url(organisation), headers=editor_headers, json={
        "version": version, "name_en": "Satun Forest Network", "email": "forest@example.org",
        "issue_areas": ["environment", "community-development"], "latitude": 6.95, "longitude": 99.85})
    assert response.status_code == 200
    body = response.get_json()
    assert_matches_component("EditedOrganisation", body)
    assert body["version"] == version + 1
    assert body["name_en"] == "Satun Forest Network" and body["name_th"] == "เครือข่ายป่าชุมชนสตูล"
    assert body["contact"]["email"] == "forest@example.org"
    assert (body["latitude"], body["longitude"], body["is_position_approximate"]) == (6.95, 99.85, False)
    public = client.get(url(organisation)).get_json()
    assert public["name_en"] == "Satun Forest Network" and public["version"] == version + 1
    assert {area["slug"] for area in public["issue_areas"]} == {"environment", "community-development"}
    assert revisions_of(organisation)[-1].source is RevisionSource.EDITOR


def test_a_no_op_patch_keeps_the_version(client, organisation, editor_headers):
    version, count = organisation.version, len(revisions_of(organisation))
    response = client.patch(url(organisation), headers=editor_headers,
                            json={"version": version, "name_th": "เครือข่ายป่าชุมชนสตูล", "issue_areas": ["environment"]})
    assert response.status_code == 200 and response.get_json()["version"] == version
    assert len(revisions_of(organisation)) == count


def test_a_stale_version_is_a_409_with_the_current_state(client, organisation, editor_headers,
                                                         assert_matches_component):
    seen = organisation.version
    first = client.patch(url(organisation), headers=editor_headers, json={"version": seen, "phone": "074 1"})
    assert first.status_code == 200
    second = client.patch(url(organisation), headers=editor_headers, json={"version": seen, "phone": "074 2",
                                                                           "name_en": "Overwritten?"})
    assert second.status_code == 409
    body = second.get_json()
    assert_matches_component("StaleEdit", body)
    assert body["status"] == 409 and body["version"] == seen + 1
    assert body["error"].startswith("Someone else saved this organisation")
    assert body["organisation"]["contact"]["phone"] == "074 1" and body["organisation"]["version"] == seen + 1
    db.session.expire_all()
    assert organisation.phone == "074 1" and organisation.name_en == "Satun Community Forest Network"


@pytest.mark.parametrize("body, field", [
    ({"status": "published"}, "status"),
    ({"is_verified": True}, "is_verified"),
    ({"is_demo": False}, "is_demo"),
    ({"slug": "mine"}, "slug"),
    ({"logo_filename": "../../etc/passwd"}, "logo_filename"),
    ({"merged_into_id": 1}, "merged_into_id"),
    ({"nickname": "x"}, "nickname"),
])
def test_unknown_and_staff_only_fields_are_refused(client, organisation, editor_headers, body, field):
    response = client.patch(url(organisation), headers=editor_headers,
                            json={"version": organisation.version, "name_en": "Not applied", **body})
    assert response.status_code == 400
    assert response.get_json() == {"error": "invalid request",
                                   "fields": {field: ["This field cannot be changed here."]}}
    db.session.expire_all()
    assert organisation.name_en == "Satun Community Forest Network"


@pytest.mark.parametrize("body, fields", [
    ({"name_en": "x"}, {"version"}),
    ({"version": "three"}, {"version"}),
    ({"version": 1, "website": "javascript:alert(1)", "founded_year": 1700}, {"website", "founded_year"}),
    ({"version": 1, "district": "เมืองเชียงใหม่"}, {"district"}),
    ({"version": 1, "name_th": None}, {"name_th"}),
])
def test_invalid_bodies_are_400s_naming_each_field(client, organisation, editor_headers, body, fields):
    response = client.patch(url(organisation), headers=editor_headers, json=body)
    assert response.status_code == 400
    assert set(response.get_json()["fields"]) == fields


@pytest.mark.parametrize("data", ["[1, 2]", "not json", '"text"'])
def test_a_body_that_is_not_an_object_is_a_400(client, organisation, editor_headers, data):
    response = client.patch(url(organisation), headers=editor_headers, data=data, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["fields"] == {"_schema": ["The request body must be a JSON object."]}


def test_changing_the_district_moves_an_approximate_position(client, organisation, editor_headers):
    centre = gazetteer().district("ควนกาหลง", "91")
    body = client.patch(url(organisation), headers=editor_headers,
                        json={"version": organisation.version, "district": "ควนกาหลง"}).get_json()
    assert body["district"]["code"] == centre.code
    assert (body["latitude"], body["longitude"], body["is_position_approximate"]) == (
        centre.latitude, centre.longitude, True)


def test_without_credentials_it_is_a_401(client, organisation):
    response = client.patch(url(organisation), json={"version": organisation.version, "name_en": "x"})
    assert response.status_code == 401
    bad = client.patch(url(organisation), headers={"Authorization": "Bearer nonsense"},
                       json={"version": organisation.version})
    assert bad.status_code == 401


def test_an_inactive_editor_is_refused(client, organisation, make_user):
    user = make_user(editor_of=[organisation])
    headers = token_for(user)
    user.is_active = False
    db.session.commit()
    assert client.patch(url(organisation), headers=headers, json={"version": organisation.version}).status_code == 401


def test_who_is_refused_and_how(client, organisation, make_organisation, make_user):
    """A published organisation someone may not edit is a 403; a draft, like an unknown id, a 404."""
    draft = make_organisation(status=OrganisationStatus.DRAFT)
    headers = token_for(make_user(editor_of=[draft]))
    refused = client.patch(url(organisation), headers=headers, json={"version": organisation.version})
    assert refused.status_code == 403
    assert refused.get_json() == {"error": "You are not an editor of this organisation.", "status": 403}
    stranger = token_for(make_user())
    assert client.patch(url(draft), headers=stranger, json={"version": draft.version}).status_code == 404
    assert client.patch("/api/v1/organisations/zzzzzzzz", headers=stranger, json={"version": 1}).status_code == 404
    assert client.patch("/api/v1/organisations/NOT-AN-ID", headers=stranger, json={"version": 1}).status_code == 404
    assert client.patch(url(draft), headers=headers,
                        json={"version": draft.version, "name_en": "Mine"}).status_code == 200


def test_staff_may_edit_any_organisation(client, organisation, make_user):
    headers = token_for(make_user(role="staff"))
    response = client.patch(url(organisation), headers=headers, json={"version": organisation.version, "phone": "1"})
    assert response.status_code == 200
    assert revisions_of(organisation)[-1].source is RevisionSource.STAFF


def test_a_signed_in_session_needs_the_csrf_header(client, organisation, make_user, auth):
    auth.login(make_user(editor_of=[organisation]).email)
    without = client.patch(url(organisation), json={"version": organisation.version, "name_en": "Via session"})
    assert without.status_code == 400
    db.session.expire_all()
    assert organisation.name_en == "Satun Community Forest Network"
    token = form_token(client, f"/account/organisations/{organisation.public_id}/edit")
    with_header = client.patch(url(organisation), headers={"X-CSRFToken": token},
                               json={"version": organisation.version, "name_en": "Via session"})
    assert with_header.status_code == 200 and with_header.get_json()["name_en"] == "Via session"


def test_the_route_is_in_the_openapi_document(openapi_document):
    operation = openapi_document["paths"]["/api/v1/organisations/{public_id}"]["patch"]
    assert operation["operationId"] == "update_organisation"
    assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/OrganisationEdit")
    assert set(operation["responses"]) == {"200", "400", "401", "403", "404", "409"}
    assert operation["security"] == [{"bearer": []}]
    body = openapi_document["components"]["schemas"]["OrganisationEdit"]
    assert body["required"] == ["version"]
    assert not {"status", "is_verified", "is_demo", "slug", "logo_filename"} & set(body["properties"])
    assert body["additionalProperties"] is False
