"""Pieces every resource's schemas share: strict loading, always-present output fields, error shapes."""
from datetime import timezone

from marshmallow import RAISE, Schema, fields


class QuerySchema(Schema):
    """A query string or path: an unknown parameter is refused with a 400, never silently ignored."""

    class Meta:
        unknown = RAISE


class NoQuerySchema(QuerySchema):
    """For endpoints that take no parameters: anything given is a mistake worth reporting."""


class OutputSchema(Schema):
    """A response body. Every field is always present (null when unknown), so the document says required."""

    def on_bind_field(self, field_name, field_obj):
        field_obj.required = True


class UTCDateTime(fields.DateTime):
    """ISO 8601 in UTC with its offset; SQLite hands back naive timestamps, which are stored as UTC."""

    def __init__(self, **kwargs):
        super().__init__(format="iso", **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None:
            value = value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
        return super()._serialize(value, attr, obj, **kwargs)


class ErrorSchema(OutputSchema):
    """Every 4xx and 5xx under /api/ except validation errors (see blueprints/errors.py)."""

    error = fields.String(metadata={"description": "What went wrong, in English."})
    status = fields.Integer(metadata={"description": "The HTTP status code."})


class ValidationErrorSchema(OutputSchema):
    """A 400: the request's parameters did not validate; `fields` names each bad one."""

    error = fields.String(metadata={"description": "Always 'invalid request'."})
    # Named so in the body; an attribute called `fields` would shadow Schema.fields.
    field_errors = fields.Dict(
        data_key="fields", keys=fields.String(), values=fields.List(fields.String()),
        metadata={"description": "Messages per parameter name, e.g. {\"per_page\": [\"Must be ...\"]}."},
    )
