"""Every 4xx under /api/v1 is JSON with a message; no query string leads to a 500."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

API_PATHS = ["/api/v1/organisations", "/api/v1/organisations/abcdefgh", "/api/v1/regions",
             "/api/v1/provinces", "/api/v1/provinces/91/districts", "/api/v1/issue-areas",
             "/api/v1/organisation-types", "/api/v1/openapi.json"]


@pytest.mark.parametrize("query, bad_fields", [
    ("page=abc", {"page"}),
    ("page=0", {"page"}),
    ("page=-1", {"page"}),
    ("page=1.5", {"page"}),
    ("page=99999999999999999999999999", {"page"}),
    ("per_page=0", {"per_page"}),
    ("per_page=101", {"per_page"}),
    ("per_page=1000", {"per_page"}),
    ("per_page=", {"per_page"}),
    ("per_page=" + "9" * 5000, {"per_page"}),
    ("province=Nowhere", {"province"}),
    ("province=%F0%9F%8C%B1", {"province"}),
    ("province=Satun&province=Nowhere", {"province"}),
    ("district=Bang+Sai", {"district"}),
    ("issue=unicorns&type=guild", {"issue", "type"}),
    ("q=" + "ก" * 10_000, {"q"}),
    ("provinces=Satun", {"provinces"}),
    ("lang=en", {"lang"}),
    ("page=abc&per_page=0&q=" + "x" * 501, {"page", "per_page", "q"}),
])
def test_bad_queries_are_400s_naming_each_parameter(client, query, bad_fields):
    response = client.get(f"/api/v1/organisations?{query}")
    assert response.status_code == 400
    body = response.get_json()
    assert body["error"]
    assert set(body["fields"]) == bad_fields
    assert all(isinstance(message, str) and message for messages in body["fields"].values()
               for message in messages)


@pytest.mark.parametrize("query", [
    "province=Satun&province=สตูล",
    "province=Satun&province=",
    "q=" + "ก" * 200,
    "q=🌱🐟",
    "q=%25", "q=_", "q=%5C", "q=a%5C", "q='%3B+DROP+TABLE+organisations%3B--",
    "q=%09tab%0Anewline%0D",  # white space is not a control character here
    "q=*", "q=%28", "q=%22unclosed", "q=NOT+AND+OR", "q=name_th%3Ax", "q=a~2", "q=%5Ba+TO+b%5D", "q=%3F",
    "q=%F0%9F", "q=%ED%A0%80",  # broken UTF-8 arrives as U+FFFD
    "page=10000",
    "page=%E0%B9%92",  # Thai digit two
])
def test_odd_but_valid_queries_answer_200(client, make_organisation, query):
    make_organisation(name_th="ชุมชน 🌱 ปลา", description_en="100% local_fishers \\ net")
    response = client.get(f"/api/v1/organisations?{query}")
    assert response.status_code == 200, response.get_json()
    assert set(response.get_json()) == {"items", "total", "page", "per_page", "facets", "matched_any_word",
                                        "suggestion", "is_partial"}


@pytest.mark.parametrize("query", [
    "q=" + "ก" * 201,  # too long to search cheaply
    "q=" + "+".join(f"word{n}" for n in range(13)),  # too many words
    "q=a%00b", "q=%00", "q=%1b%5B31m", "q=%7f",  # control characters cannot be stored or searched
])
def test_queries_beyond_the_limits_are_refused_naming_q(client, query):
    response = client.get(f"/api/v1/organisations?{query}")
    assert response.status_code == 400 and list(response.get_json()["fields"]) == ["q"]


def test_repeated_words_are_searched_once(client, make_organisation):
    make_organisation(name_en="Fishers")
    query = "+".join(["fishers"] * 20)  # 20 words, one after repeats are dropped
    assert client.get(f"/api/v1/organisations?q={query}").get_json()["total"] == 1


def test_repeated_single_parameters_take_the_first(client, make_organisation):
    make_organisation()
    body = client.get("/api/v1/organisations?per_page=5&per_page=500").get_json()
    assert body["per_page"] == 5


@pytest.mark.parametrize("path", API_PATHS)
def test_every_endpoint_refuses_an_unknown_parameter(client, path):
    response = client.get(f"{path}?frobnicate=1")
    assert response.status_code == 400
    assert response.get_json() == {"error": "invalid request", "fields": {"frobnicate": ["Unknown field."]}}


def test_validation_errors_match_the_documented_shape(client, assert_matches_component):
    assert_matches_component("ValidationError", client.get("/api/v1/organisations?page=abc").get_json())
    assert_matches_component("Error", client.get("/api/v1/organisations/zzzzzzzz").get_json())


@pytest.mark.parametrize("method, path, status", [
    ("get", "/api/v1/nowhere", 404),
    ("get", "/api/v1/organisations/", 404),
    ("get", "/api/v1/provinces/91/districts/9105", 404),
    ("post", "/api/v1/organisations", 405),
    ("delete", "/api/v1/provinces", 405),
])
def test_other_client_errors_are_json(client, method, path, status):
    response = getattr(client, method)(path)
    assert response.status_code == status
    assert response.is_json
    assert response.get_json()["error"] and response.get_json()["status"] == status


PARAMETERS = ["q", "province", "district", "region", "issue", "type", "page", "per_page"]


@pytest.fixture
def an_organisation(make_organisation):
    return make_organisation(province="Satun", issue_areas=["environment"])


# The fixtures run once for all examples, which is what this read-only test wants.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PARAMETERS), st.text(max_size=30)), max_size=4))
def test_no_query_string_makes_a_500(client, an_organisation, arguments):
    response = client.get("/api/v1/organisations", query_string=MultiDict(arguments))
    assert response.status_code in (200, 400), (arguments, response.get_json())
    assert response.is_json
