"""The OpenAPI document of /api/v1, generated from the registered routes and the schemas they use.

Each API view carries an `Operation` (the `documented` decorator); `build_document` walks the URL map,
so a route cannot be left out of the document, and an undocumented one is an error, not a gap.
"""
import re
from dataclasses import dataclass

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask

from directory.schemas.common import ErrorSchema, NoQuerySchema, ValidationErrorSchema

API_BLUEPRINT = "api"
OPENAPI_VERSION = "3.0.3"
DOCUMENTED_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_RULE_ARGUMENT = re.compile(r"<(?:[^<>:]+:)?([^<>]+)>")


class UndocumentedRoute(LookupError):
    """An /api route without @documented: the document would silently miss it."""


@dataclass(frozen=True)
class Operation:
    summary: str
    response: object  # a marshmallow schema class, or a plain JSON schema dict
    query: type = NoQuerySchema
    path: type | None = None
    body: type | None = None  # a JSON request body's schema
    authenticated: bool = False  # a write: bearer token (or the session cookie with X-CSRFToken)
    errors: tuple = ()  # further answers: (status, description, schema) triples
    success: str = "200"  # "201" for a view that creates something


def documented(summary, response, *, query=NoQuerySchema, path=None, body=None, authenticated=False, errors=(),
               success="200"):
    """Describe a view for the OpenAPI document; its docstring becomes the operation's description.

    Every operation may answer 400 (its query schema refuses unknown parameters); one with path
    parameters may also answer 404, an authenticated one 401.
    """
    def decorate(view):
        view.openapi_operation = Operation(summary, response, query, path, body, authenticated, tuple(errors),
                                           success)
        return view

    return decorate


def openapi_path(rule):
    """'/api/v1/provinces/<code>/districts' -> '/api/v1/provinces/{code}/districts'."""
    return _RULE_ARGUMENT.sub(r"{\1}", rule)


def api_rules(app: Flask):
    return sorted((rule for rule in app.url_map.iter_rules()
                   if rule.endpoint.partition(".")[0] == API_BLUEPRINT), key=lambda rule: rule.rule)


def build_document(app: Flask):
    spec = APISpec(
        title="Directory of Thai civil-society organisations",
        version="1",
        openapi_version=OPENAPI_VERSION,
        plugins=[MarshmallowPlugin()],
        info={"description": "Read access to the published organisations and the reference data "
                             "(places, issue areas, organisation types) used to filter them; an "
                             "organisation's editors may change its profile with an API token."},
    )
    spec.components.schema("Error", schema=ErrorSchema)
    spec.components.schema("ValidationError", schema=ValidationErrorSchema)
    spec.components.response("BadRequest", {
        "description": "A parameter is invalid or unknown; `fields` names each one.",
        "content": {"application/json": {"schema": "ValidationError"}},
    })
    spec.components.response("NotFound", {
        "description": "Nothing published has this identifier.",
        "content": {"application/json": {"schema": "Error"}},
    })
    spec.components.response("Unauthorized", {
        "description": "No valid API token (or signed-in session with its X-CSRFToken header) was sent.",
        "content": {"application/json": {"schema": "Error"}},
    })
    spec.components.security_scheme("bearer", {
        "type": "http", "scheme": "bearer",
        "description": "A personal API token, made on the account's API tokens page."})
    bodies = set()
    for rule in api_rules(app):
        view = app.view_functions[rule.endpoint]
        operation = getattr(view, "openapi_operation", None)
        if operation is None:
            raise UndocumentedRoute(f"{rule.rule} ({rule.endpoint}) has no @documented")
        spec.path(path=openapi_path(rule.rule), operations={
            method.lower(): _operation(rule, view, operation)
            for method in DOCUMENTED_METHODS if method in rule.methods
        })
        if operation.body is not None:
            bodies.add(operation.body)
    document = spec.to_dict()
    _describe_text_rules(app, document, bodies)
    return document


# What the input guard (directory/input_guard.py) refuses in any text, written as patterns the
# document's readers (and schemathesis) can use: no control character or text-direction override, and
# a value that is not blank has something visible in it (a required one must).
_CONTROL = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\u202a-\\u202e\\u2066-\\u2069"
_INVISIBLE = "\\s\\u200b-\\u200f\\u2060\\ufeff\\u00ad"
REQUIRED_TEXT = f"^[^{_CONTROL}]*[^{_CONTROL}{_INVISIBLE}][^{_CONTROL}]*$"
OPTIONAL_TEXT = f"^(?:[ \\t\\r\\n]*|[^{_CONTROL}]*[^{_CONTROL}{_INVISIBLE}][^{_CONTROL}]*)$"


def _describe_text_rules(app, document, bodies):
    """Add the text patterns to every string a client sends, and each body schema's own rules
    (`openapi_rules()`: what one field cannot say alone, such as a latitude needing its longitude)."""
    parameters_of = {openapi_path(rule.rule): app.view_functions[rule.endpoint].openapi_operation.query
                     for rule in api_rules(app)}
    for path, item in document["paths"].items():
        extras = getattr(parameters_of[path], "openapi_parameters", dict)()
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    _merge(parameter["schema"], extras.get(parameter["name"], {}))
                    _pattern(parameter["schema"], required=False)
    for body in bodies:
        component = document["components"]["schemas"][body.__name__.removesuffix("Schema")]
        for name, prop in component["properties"].items():
            _pattern(prop, required=not prop.get("nullable"))  # given, a non-null text must say something
        rules = dict(body.openapi_rules()) if hasattr(body, "openapi_rules") else {}
        for name, extra in rules.pop("properties", {}).items():
            component["properties"][name].update(extra)
        component.update(rules)


def _merge(schema, extra):
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(schema.get(key), dict):
            _merge(schema[key], value)
        else:
            schema[key] = value


def _pattern(schema, required):
    if schema.get("type") == "array":
        _pattern(schema.get("items", {}), required=True)
    elif schema.get("type") == "string" and "enum" not in schema and "pattern" not in schema:
        schema["pattern"] = REQUIRED_TEXT if required else OPTIONAL_TEXT


def _operation(rule, view, operation):
    parameters = [{"in": "query", "schema": operation.query}]
    responses = {
        operation.success: {"description": "Created" if operation.success == "201" else "OK",
                            "content": {"application/json": {"schema": operation.response}}},
        "400": "BadRequest",
    }
    if operation.path is not None:
        parameters.insert(0, {"in": "path", "schema": operation.path})
        responses["404"] = "NotFound"
    elif rule.arguments:
        raise UndocumentedRoute(f"{rule.rule} has path parameters but no path schema")
    if operation.authenticated:
        responses["401"] = "Unauthorized"
    for status, description, schema in operation.errors:
        responses[status] = {"description": description, "content": {"application/json": {"schema": schema}}}
    document = {"operationId": rule.endpoint.partition(".")[2], "summary": operation.summary,
                "parameters": parameters, "responses": responses}
    if operation.body is not None:
        document["requestBody"] = {"required": True, "content": {"application/json": {"schema": operation.body}}}
    if operation.authenticated:
        document["security"] = [{"bearer": []}]
    if view.__doc__:
        document["description"] = view.__doc__.strip()
    return document
