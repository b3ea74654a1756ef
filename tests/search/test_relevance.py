"""The development queries: each must find its organisations (among the first 100) and not others."""
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DEV_QUERIES = [json.loads(line) for line in
               (Path(__file__).parent.parent / "data" / "dev_queries.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
QUERY_PARAMETERS = ("q", "province", "issue", "near", "radius_km")


@pytest.mark.parametrize("case", DEV_QUERIES, ids=[json.dumps({k: v for k, v in c.items() if k in QUERY_PARAMETERS},
                                                              ensure_ascii=False) for c in DEV_QUERIES])
def test_development_query(client, dev_directory, case):
    params = {key: case[key] for key in QUERY_PARAMETERS if key in case}
    response = client.get("/api/v1/organisations", query_string={**params, "per_page": 100})
    assert response.status_code == 200, response.get_json()
    found = {dev_directory[item["id"]] for item in response.get_json()["items"]}
    assert set(case["must"]) <= found, f"missing {set(case['must']) - found}"
    assert not set(case.get("must_not", ())) & found, f"unwanted {set(case.get('must_not', ())) & found}"


@pytest.mark.parametrize("province", ["Satun", "satun", "สตูล", "TH-91", "th-91", "91", "จังหวัดสตูล"])
def test_a_province_in_any_script_filters_the_same(client, dev_directory, province):
    response = client.get("/api/v1/organisations", query_string={"province": province, "per_page": 100})
    assert {dev_directory[i["id"]] for i in response.get_json()["items"]} == {"D01", "D02", "D03", "D04", "D05"}


@pytest.mark.parametrize("district", ["La-ngu", "ละงู", "อำเภอละงู", "la ngu"])
def test_a_district_in_any_script_finds_the_same_in_q_and_filter(client, dev_directory, district):
    for params in ({"district": district}, {"q": district}):
        items = client.get("/api/v1/organisations", query_string={**params, "per_page": 100}).get_json()["items"]
        assert {"D01", "D02"} <= {dev_directory[i["id"]] for i in items}, params


@pytest.mark.parametrize("issue", ["elderly care", "การดูแลผู้สูงอายุ", "elderly-care"])
def test_an_issue_area_by_any_name(client, dev_directory, issue):
    for params in ({"issue": issue}, {"q": issue}):
        items = client.get("/api/v1/organisations", query_string={**params, "per_page": 100}).get_json()["items"]
        assert {"D01", "D09", "D31"} <= {dev_directory[i["id"]] for i in items}, params


def test_facets_count_the_whole_result_not_the_page(client, dev_directory):
    body = client.get("/api/v1/organisations", query_string={"q": "มูลนิธิ", "per_page": 1}).get_json()
    assert len(body["items"]) == 1
    assert sum(f["count"] for f in body["facets"]["province"]) == body["total"] > 1


def test_distance_sort_carries_geodesic_kilometres(client, dev_directory):
    body = client.get("/api/v1/organisations", query_string={
        "near_district": "ละงู", "radius_km": 50, "sort": "distance"}).get_json()
    distances = [item["distance_km"] for item in body["items"]]
    assert distances == sorted(distances) and all(d <= 50 for d in distances) and distances


def test_any_word_fallback_is_reported(client, dev_directory):
    body = client.get("/api/v1/organisations", query_string={"q": "ผู้สูงอายุ Pattani"}).get_json()
    assert body["matched_any_word"] and body["total"] >= 4


def test_did_you_mean_repairs_thai_typed_on_an_english_keyboard(client, dev_directory):
    body = client.get("/api/v1/organisations", query_string={"q": "l9^]"}).get_json()
    assert body["total"] == 0 and body["suggestion"] == "สตูล"


@pytest.mark.parametrize("query, parameter", [
    ("near=100,200", "near"), ("near=abc", "near"), ("near=6.8", "near"),
    ("near=6.8,99.7&radius_km=-5", "radius_km"),
    ("near=6.8,99.7&radius_km=99999", "radius_km"), ("sort=random", "sort"),
    ("near_district=Atlantis", "near_district"), ("near_district=Bang+Sai", "near_district"),
])
def test_bad_search_parameters_are_400s_naming_them(client, query, parameter):
    response = client.get(f"/api/v1/organisations?{query}")
    assert response.status_code == 400
    assert parameter in response.get_json()["fields"]


@pytest.mark.parametrize("query", ["radius_km=10", "sort=distance", "near=6.8,99.7&near_district=ละงู"])
def test_the_api_ignores_distance_settings_without_a_point_as_its_document_says(client, dev_directory, query):
    """The results page explains the mistake (a 400 naming it); the API's document cannot express that one
    parameter needs another, so the API says in its descriptions what it does instead."""
    assert client.get(f"/api/v1/organisations?{query}").status_code == 200
    assert client.get(f"/organisations?{query}").status_code == 400


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=120) | st.sampled_from(['name:*', "*", '"ผู้สูง', "a" * 500, "\x00", "🙂🙂",
                                                   "' OR 1=1; --", "AND OR NOT", "ก" * 500, '""""']))
def test_any_text_is_searched_or_refused_cleanly(client, dev_directory, q):
    for path in ("/api/v1/organisations", "/organisations"):
        response = client.get(path, query_string={"q": q})
        assert response.status_code in (200, 400), (path, q)
        assert b"Traceback" not in response.data
