"""Schemas of Thailand's administrative geography: regions, provinces, districts."""
from marshmallow import fields, validate

from directory.schemas.common import OutputSchema, QuerySchema

PROVINCE_CODE_PATTERN = r"^(?:[0-9]{2}|[Tt][Hh]-[0-9]{2})$"


class RegionSchema(OutputSchema):
    slug = fields.String(metadata={"description": "Stable identifier, usable as the `region` filter."})
    name_th = fields.String()
    name_en = fields.String()


class ProvinceSchema(OutputSchema):
    """A province as other resources refer to it."""

    code = fields.String(metadata={"description": "Two-digit Ministry of Interior (DOPA) code, e.g. '91'."})
    iso_code = fields.String(metadata={"description": "ISO 3166-2 code, e.g. 'TH-91'."})
    name_th = fields.String()
    name_en = fields.String()


class ProvinceWithRegionSchema(ProvinceSchema):
    region = fields.Nested(RegionSchema)


class DistrictSchema(OutputSchema):
    code = fields.String(metadata={"description": "Four-digit DOPA code, e.g. '9104'."})
    name_th = fields.String()
    name_en = fields.String()


class RegionListSchema(OutputSchema):
    items = fields.List(fields.Nested(RegionSchema))


class ProvinceListSchema(OutputSchema):
    items = fields.List(fields.Nested(ProvinceWithRegionSchema))


class DistrictListSchema(OutputSchema):
    items = fields.List(fields.Nested(DistrictSchema))


class ProvincePathSchema(QuerySchema):
    code = fields.String(
        required=True, validate=validate.Regexp(PROVINCE_CODE_PATTERN),
        metadata={"description": "The province's DOPA code ('91') or ISO 3166-2 code ('TH-91')."},
    )
