"""GET /api/v1/openapi.json: generated from the routes and schemas, complete and valid."""
import pytest

from directory.blueprints.api.openapi import UndocumentedRoute, api_rules, build_document, openapi_path
from directory.schemas.organisations.output import OrganisationQuerySchema

EXPECTED_PATHS = {
    "/api/v1/organisations", "/api/v1/organisations/{public_id}", "/api/v1/regions", "/api/v1/provinces",
    "/api/v1/provinces/{code}/districts", "/api/v1/issue-areas", "/api/v1/organisation-types",
    "/api/v1/openapi.json", "/api/v1/events", "/api/v1/events/{public_id}",
    "/api/v1/events/{public_id}/applications", "/api/v1/statistics",
}


def test_the_document_lists_every_api_route(app, openapi_document):
    routes = {openapi_path(rule.rule) for rule in api_rules(app)}
    assert routes == EXPECTED_PATHS
    assert set(openapi_document["paths"]) == routes
    for rule in api_rules(app):
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            operation = openapi_document["paths"][openapi_path(rule.rule)][method.lower()]
            path_parameters = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            assert path_parameters == set(rule.arguments)
            assert operation["summary"] and operation["operationId"]


def test_the_listing_documents_each_filter(openapi_document):
    operation = openapi_document["paths"]["/api/v1/organisations"]["get"]
    parameters = {p["name"]: p for p in operation["parameters"]}
    assert set(parameters) == set(OrganisationQuerySchema().fields)
    assert set(parameters) >= {"q", "province", "district", "region", "issue", "type", "page", "per_page"}
    assert all(p["in"] == "query" and p["description"] for p in parameters.values())
    assert parameters["province"]["schema"]["type"] == "array"
    assert parameters["per_page"]["schema"]["maximum"] == 100
    assert parameters["q"]["schema"]["maxLength"] == 200


def test_the_error_shapes_are_documented(openapi_document):
    responses = openapi_document["components"]["responses"]
    schemas = openapi_document["components"]["schemas"]
    assert responses["BadRequest"]["content"]["application/json"]["schema"]["$ref"].endswith("/ValidationError")
    assert responses["NotFound"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    assert set(schemas["ValidationError"]["properties"]) == {"error", "fields"}
    assert set(schemas["Error"]["properties"]) == {"error", "status"}
    for path, item in openapi_document["paths"].items():
        for operation in item.values():
            responses = operation["responses"]
            assert responses["400"] == {"$ref": "#/components/responses/BadRequest"}
            assert ("404" in responses) == ("{" in path)


def test_the_organisation_schema_is_the_public_field_set(openapi_document):
    from tests.api.conftest import NON_PUBLIC_KEYS, PUBLIC_ORGANISATION_FIELDS

    organisation = openapi_document["components"]["schemas"]["Organisation"]
    assert set(organisation["properties"]) == PUBLIC_ORGANISATION_FIELDS
    assert set(organisation["required"]) == PUBLIC_ORGANISATION_FIELDS
    assert organisation["additionalProperties"] is False
    assert not set(organisation["properties"]) & NON_PUBLIC_KEYS


def test_every_reference_resolves(openapi_document):
    def refs(value):
        if isinstance(value, dict):
            yield from ([value["$ref"]] if "$ref" in value else [])
            for child in value.values():
                yield from refs(child)
        elif isinstance(value, list):
            for child in value:
                yield from refs(child)

    found = set(refs(openapi_document))
    assert found
    for ref in found:
        node = openapi_document
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
    assert openapi_document["openapi"].startswith("3.0.")


def test_the_document_validates(openapi_document):
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(openapi_document)


def test_an_undocumented_api_route_is_an_error(app):
    app.add_url_rule("/api/v1/undocumented", endpoint="api.undocumented", view_func=lambda: {})
    with pytest.raises(UndocumentedRoute):
        build_document(app)


def test_the_application_post_is_documented_as_creating(openapi_document):
    responses = openapi_document["paths"]["/api/v1/events/{public_id}/applications"]["post"]["responses"]
    assert "201" in responses and "200" not in responses
