"""GET /api/v1/organisations and /api/v1/organisations/<public_id>."""
from datetime import datetime

import pytest
from jsonschema.exceptions import ValidationError as SchemaMismatch

from directory.extensions import db
from directory.models import OrganisationStatus
from tests.api.conftest import NON_PUBLIC_KEYS, PUBLIC_ORGANISATION_FIELDS, all_keys


def ids(response):
    assert response.status_code == 200, response.get_json()
    return {item["id"] for item in response.get_json()["items"]}


@pytest.fixture
def full_organisation(make_organisation):
    """A published organisation with every public field filled in, and internal fields worth hiding."""
    return make_organisation(
        province="Satun", district="La-ngu", issue_areas=["elderly-care", "environment"], type="association",
        name_th="สมาคมคนรักษ์ละงู", name_en="La-ngu Conservation Association", ref="import:SECRET-REF-77",
        registration_number="สต 12/2550", description_th="ดูแลผู้สูงอายุ", description_en="Elder care",
        founded_year=2007, address="12 หมู่ 3 ตำบลกำแพง", target_groups=["elderly", "fishers"],
        phone="074-000000", email="info@example.org", website="https://example.org",
        facebook="https://facebook.com/example", line_id="@example", is_verified=True,
    )


def test_an_organisation_has_exactly_the_public_fields(client, full_organisation):
    body = client.get(f"/api/v1/organisations/{full_organisation.public_id}").get_json()

    assert set(body) == PUBLIC_ORGANISATION_FIELDS
    assert body["id"] == full_organisation.public_id
    assert body["slug"] == full_organisation.slug
    assert body["url"] == f"http://localhost/organisations/{full_organisation.public_id}/{full_organisation.slug}"
    assert body["type"] == {"slug": "association", "name_th": "สมาคม", "name_en": "Association"}
    assert body["province"] == {"code": "91", "iso_code": "TH-91", "name_th": "สตูล", "name_en": "Satun"}
    assert body["district"] == {"code": "9105", "name_th": "ละงู", "name_en": "La-ngu"}
    assert [area["slug"] for area in body["issue_areas"]] == ["elderly-care", "environment"]
    assert set(body["issue_areas"][0]) == {"slug", "name_th", "name_en"}
    assert body["contact"] == {"phone": "074-000000", "email": "info@example.org",
                               "website": "https://example.org", "facebook": "https://facebook.com/example",
                               "line_id": "@example"}
    assert body["target_groups"] == ["elderly", "fishers"]
    assert (body["founded_year"], body["is_verified"], body["is_demo"]) == (2007, True, False)
    assert body["is_position_approximate"] is True
    assert (body["latitude"], body["longitude"]) == pytest.approx((6.90392, 99.79836))
    assert datetime.fromisoformat(body["updated_at"]).utcoffset() is not None


def test_a_sparse_organisation_has_nulls_not_missing_fields(client, make_organisation):
    organisation = make_organisation(name_en=None, type=None)
    body = client.get(f"/api/v1/organisations/{organisation.public_id}").get_json()

    assert set(body) == PUBLIC_ORGANISATION_FIELDS
    assert body["type"] is None and body["district"] is None and body["name_en"] is None
    assert body["contact"] == dict.fromkeys(("phone", "email", "website", "facebook", "line_id"))


def test_responses_match_the_documented_schemas(client, full_organisation, make_organisation,
                                                assert_matches_component):
    make_organisation(type=None)
    listing = client.get("/api/v1/organisations").get_json()
    assert_matches_component("OrganisationPage", listing)
    assert_matches_component("Organisation", client.get(f"/api/v1/organisations/{full_organisation.public_id}")
                             .get_json())


def test_the_schema_check_catches_an_extra_field(client, full_organisation, assert_matches_component):
    body = client.get(f"/api/v1/organisations/{full_organisation.public_id}").get_json()
    with pytest.raises(SchemaMismatch):
        assert_matches_component("Organisation", {**body, "status": "published"})


def test_no_internal_field_in_any_response(client, full_organisation):
    listing = client.get("/api/v1/organisations")
    detail = client.get(f"/api/v1/organisations/{full_organisation.public_id}")

    for response in (listing, detail):
        assert not all_keys(response.get_json()) & NON_PUBLIC_KEYS
        assert b"SECRET-REF-77" not in response.data
    assert str(full_organisation.id) != full_organisation.public_id
    assert detail.get_json()["id"] == full_organisation.public_id


@pytest.mark.parametrize("status", [OrganisationStatus.DRAFT, OrganisationStatus.ARCHIVED])
def test_only_published_organisations_are_listed_or_found(client, make_organisation, status):
    published = make_organisation()
    hidden = make_organisation(status=status)

    assert ids(client.get("/api/v1/organisations")) == {published.public_id}
    assert client.get("/api/v1/organisations").get_json()["total"] == 1
    response = client.get(f"/api/v1/organisations/{hidden.public_id}")
    assert response.status_code == 404
    assert response.get_json()["error"]


def test_an_organisation_unpublished_later_disappears(client, make_organisation):
    organisation = make_organisation()
    assert client.get(f"/api/v1/organisations/{organisation.public_id}").status_code == 200
    organisation.status = OrganisationStatus.ARCHIVED
    db.session.commit()
    assert client.get(f"/api/v1/organisations/{organisation.public_id}").status_code == 404


@pytest.mark.parametrize("public_id", ["zzzzzzzz", "abc", "ABCDEFGH", "%00", "a" * 500, "สตูล1234"])
def test_unknown_or_malformed_ids_are_json_404s(client, make_organisation, public_id):
    make_organisation()
    response = client.get(f"/api/v1/organisations/{public_id}")
    assert response.status_code == 404
    assert response.is_json and response.get_json()["error"]
    assert response.get_json()["status"] == 404


@pytest.mark.parametrize("province", ["Satun", "สตูล", "TH-91", "91", "จังหวัดสตูล", "satun"])
def test_province_in_any_form(client, make_organisation, province):
    satun = make_organisation(province="สตูล")
    make_organisation(province="Songkhla")
    assert ids(client.get("/api/v1/organisations", query_string={"province": province})) == {satun.public_id}


def test_two_provinces_are_either(client, make_organisation):
    satun = make_organisation(province="Satun")
    trang = make_organisation(province="Trang")
    make_organisation(province="Bangkok")
    response = client.get("/api/v1/organisations?province=Satun&province=TH-92")
    assert ids(response) == {satun.public_id, trang.public_id}
    assert response.get_json()["total"] == 2


def test_province_and_issue_are_both(client, make_organisation):
    wanted = make_organisation(province="Satun", issue_areas=["environment"])
    make_organisation(province="Satun", issue_areas=["elderly-care"])
    make_organisation(province="Trang", issue_areas=["environment"])
    assert ids(client.get("/api/v1/organisations?province=สตูล&issue=environment")) == {wanted.public_id}


def test_other_filters(client, make_organisation):
    la_ngu = make_organisation(province="Satun", district="La-ngu", type="network",
                               name_th="เครือข่ายประมงพื้นบ้าน", description_en="Small-scale fishers")
    bangkok = make_organisation(province="Bangkok", type="foundation")

    assert ids(client.get("/api/v1/organisations?district=ละงู")) == {la_ngu.public_id}
    assert ids(client.get("/api/v1/organisations?region=south")) == {la_ngu.public_id}
    assert ids(client.get("/api/v1/organisations?region=Central")) == {bangkok.public_id}
    assert ids(client.get("/api/v1/organisations?type=เครือข่าย")) == {la_ngu.public_id}
    assert ids(client.get("/api/v1/organisations?q=ประมง")) == {la_ngu.public_id}
    assert ids(client.get("/api/v1/organisations?q=FISHERS")) == {la_ngu.public_id}
    assert ids(client.get("/api/v1/organisations?q=fishers&province=Bangkok")) == set()


def test_an_empty_directory_lists_nothing(client):
    response = client.get("/api/v1/organisations")
    assert response.status_code == 200
    assert response.get_json() == {"items": [], "total": 0, "page": 1, "per_page": 20, "matched_any_word": False,
                                   "facets": {"province": [], "issue_area": []}, "suggestion": None,
                                   "is_partial": False}


def test_paging_covers_every_match_once(client, make_organisation):
    made = {make_organisation().public_id for _ in range(5)}
    make_organisation(status=OrganisationStatus.DRAFT)

    pages = [client.get(f"/api/v1/organisations?per_page=2&page={page}").get_json() for page in (1, 2, 3, 4)]

    assert [len(page["items"]) for page in pages] == [2, 2, 1, 0]
    assert {page["total"] for page in pages} == {5}
    assert [(page["page"], page["per_page"]) for page in pages] == [(1, 2), (2, 2), (3, 2), (4, 2)]
    seen = [item["id"] for page in pages for item in page["items"]]
    assert len(seen) == len(set(seen)) and set(seen) == made


def test_paging_defaults_and_the_cap(client, make_organisation):
    make_organisation()
    body = client.get("/api/v1/organisations").get_json()
    assert (body["page"], body["per_page"], body["total"]) == (1, 20, 1)
    assert client.get("/api/v1/organisations?per_page=100").status_code == 200
    response = client.get("/api/v1/organisations?per_page=101")
    assert response.status_code == 400
    assert set(response.get_json()["fields"]) == {"per_page"}


def test_a_get_gives_the_version_an_edit_needs_and_an_etag(client, make_organisation):
    organisation = make_organisation()
    response = client.get(f"/api/v1/organisations/{organisation.public_id}")
    assert response.get_json()["version"] == organisation.version
    assert response.headers["ETag"] == f'W/"{organisation.version}"'


def test_a_405_says_which_methods_are_allowed(client):
    response = client.open("/api/v1/regions", method="TRACE")
    assert response.status_code == 405 and set(response.headers["Allow"].split(", ")) >= {"GET", "HEAD"}


def test_errors_of_list_items_are_a_list_as_documented(client, make_organisation, make_user):
    from tests.api.test_api_edit_organisation import token_for

    organisation = make_organisation()
    response = client.patch(f"/api/v1/organisations/{organisation.public_id}",
                            headers=token_for(make_user(editor_of=[organisation])),
                            json={"version": organisation.version, "issue_areas": ["environment", 5, "x"]})
    assert response.status_code == 400
    assert isinstance(response.get_json()["fields"]["issue_areas"], list)
    assert all(isinstance(message, str) for message in response.get_json()["fields"]["issue_areas"])


def test_a_radius_of_zero_is_accepted_as_the_document_says(client, make_organisation):
    assert client.get("/api/v1/organisations?near_district=ละงู&radius_km=0").status_code == 200
