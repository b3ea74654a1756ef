"""The reference data endpoints: regions, provinces, districts, issue areas, organisation types."""
import pytest

from tests.api.conftest import NON_PUBLIC_KEYS, all_keys


@pytest.mark.parametrize("path, component", [
    ("/api/v1/regions", "RegionList"),
    ("/api/v1/provinces", "ProvinceList"),
    ("/api/v1/provinces/91/districts", "DistrictList"),
    ("/api/v1/issue-areas", "IssueAreaList"),
    ("/api/v1/organisation-types", "OrganisationTypeList"),
])
def test_lists_match_their_schemas_and_hide_internals(client, assert_matches_component, path, component):
    body = client.get(path).get_json()
    assert set(body) == {"items"} and body["items"]
    assert_matches_component(component, body)
    assert not all_keys(body) & (NON_PUBLIC_KEYS | {"id", "latitude", "longitude"})


def test_regions(client):
    items = client.get("/api/v1/regions").get_json()["items"]
    assert [item["slug"] for item in items] == ["north", "northeast", "central", "east", "west", "south"]
    assert items[-1] == {"slug": "south", "name_th": "ภาคใต้", "name_en": "South"}


def test_provinces_come_with_their_region(client):
    items = client.get("/api/v1/provinces").get_json()["items"]
    assert len(items) == 77
    satun = next(item for item in items if item["code"] == "91")
    assert satun == {"code": "91", "iso_code": "TH-91", "name_th": "สตูล", "name_en": "Satun",
                     "region": {"slug": "south", "name_th": "ภาคใต้", "name_en": "South"}}


@pytest.mark.parametrize("code", ["91", "TH-91", "th-91"])
def test_districts_of_a_province_by_either_code(client, code):
    items = client.get(f"/api/v1/provinces/{code}/districts").get_json()["items"]
    assert [item["code"] for item in items] == ["9101", "9102", "9103", "9104", "9105", "9106", "9107"]
    assert items[4] == {"code": "9105", "name_th": "ละงู", "name_en": "La-ngu"}


@pytest.mark.parametrize("code", ["99", "TH-99", "Satun", "สตูล", "9", "911", "%00", "TH-S"])
def test_unknown_province_is_a_json_404(client, code):
    response = client.get(f"/api/v1/provinces/{code}/districts")
    assert response.status_code == 404
    assert set(response.get_json()) == {"error", "status"}


def test_issue_areas_and_types(client):
    issues = client.get("/api/v1/issue-areas").get_json()["items"]
    types = client.get("/api/v1/organisation-types").get_json()["items"]
    assert issues[0] == {"slug": "community-development", "name_th": "การพัฒนาชุมชน",
                         "name_en": "Community development"}
    assert len(issues) == 20
    assert {"slug": "foundation", "name_th": "มูลนิธิ", "name_en": "Foundation"} in types
    assert len(types) == 8
