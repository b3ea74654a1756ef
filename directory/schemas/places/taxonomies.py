"""Output schemas of the taxonomies that classify organisations: issue areas and organisation types."""
from marshmallow import fields

from directory.schemas.common import OutputSchema


class IssueAreaSchema(OutputSchema):
    slug = fields.String(metadata={"description": "Stable identifier, usable as the `issue` filter."})
    name_th = fields.String()
    name_en = fields.String()


class OrganisationTypeSchema(OutputSchema):
    slug = fields.String(metadata={"description": "Stable identifier, usable as the `type` filter."})
    name_th = fields.String()
    name_en = fields.String()


class IssueAreaListSchema(OutputSchema):
    items = fields.List(fields.Nested(IssueAreaSchema))


class OrganisationTypeListSchema(OutputSchema):
    items = fields.List(fields.Nested(OrganisationTypeSchema))
