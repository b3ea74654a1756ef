"""Helpers for the API tests: the generated OpenAPI document and a check of bodies against it."""
import pytest

from directory.organisation_fields import PUBLIC_FIELDS

# The output's own keys, written out here; every other key is a field declared public in
# directory/organisation_fields.py (contact fields are grouped under "contact"). A key the schema adds
# without declaring it public makes a test fail, and so does a public field the output leaves out.
OUTPUT_KEYS = {"id", "slug", "url", "contact", "updated_at", "version"}
PUBLIC_ORGANISATION_FIELDS = OUTPUT_KEYS | {field.data_key for field in PUBLIC_FIELDS if field.section != "contact"}
NON_PUBLIC_KEYS = {"status", "ref", "type_id", "province_code", "district_code", "created_at",
                   "public_id", "region_id", "position", "position_source", "is_from_announcement"}


@pytest.fixture
def openapi_document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


@pytest.fixture
def assert_matches_component(openapi_document):
    """assert_matches_component("Organisation", body): validates a body against the document's schema."""
    validators = pytest.importorskip("openapi_schema_validator")

    def check(component, body):
        schema = {"$ref": f"#/components/schemas/{component}", "components": openapi_document["components"]}
        validators.OAS30Validator(schema, format_checker=validators.oas30_format_checker).validate(body)

    return check


def all_keys(value):
    """Every object key anywhere in a JSON value."""
    if isinstance(value, dict):
        return set(value) | {key for child in value.values() for key in all_keys(child)}
    if isinstance(value, list):
        return {key for child in value for key in all_keys(child)}
    return set()
