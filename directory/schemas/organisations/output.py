"""Schemas of organisations: the API's query string and path, and the organisation as each audience sees it."""
import sqlalchemy as sa
from marshmallow import RAISE, fields, pre_dump, validate

from directory.extensions import db
from directory.links import public_url
from directory.models import IssueArea, OrganisationType, Region
from directory.models.public_ids import PUBLIC_ID_PATTERN
from directory.organisation_fields import PUBLIC_FIELDS
from directory.schemas.common import OutputSchema, QuerySchema, UTCDateTime
from directory.schemas.fields import with_declared_fields
from directory.schemas.organisations.filters import OrganisationFilterSchema
from directory.schemas.places.geography import DistrictSchema, ProvinceSchema
from directory.schemas.places.taxonomies import IssueAreaSchema, OrganisationTypeSchema
from directory.services.places.gazetteer import gazetteer

FILTER_DESCRIPTIONS = {
    "q": "Words to find in names and descriptions (Thai or English); every word must match.",
    "province": "Province: Thai or English name, DOPA code ('91') or ISO code ('TH-91'). Repeat for OR.",
    "district": "District: Thai or English name or DOPA code ('9104'). Repeat for OR.",
    "region": "Region: slug, Thai or English name (see /api/v1/regions). Repeat for OR.",
    "issue": "Issue area: slug, Thai or English name (see /api/v1/issue-areas). Repeat for OR.",
    "type": "Organisation type: slug, Thai or English name (see /api/v1/organisation-types). Repeat for OR.",
    "near": "Only organisations near this point, 'LAT,LON' in decimal degrees (with radius_km); adds distance_km.",
    "near_district": "Like near, from the centre of this district (Thai or English name or code); "
                     "near wins when both are given.",
    "radius_km": "With near or near_district: keep organisations within this many kilometres (geodesic); "
                 "ignored without them.",
    "sort": "relevance (the default with q), name (Thai collation), distance (with near; else ignored) or updated.",
    "page": "Page number, from 1.",
    "per_page": "Organisations per page, at most 100.",
}


class OrganisationQuerySchema(OrganisationFilterSchema):
    """The API's query string: the public pages' filters, but an unknown parameter is refused.

    A misspelt filter (`provinces=`) would otherwise quietly return every organisation.
    Different filters combine with AND; repeated values of one filter with OR.
    """

    class Meta:
        unknown = RAISE

    explains_distance_mistakes = False  # see OrganisationFilterSchema: the document can say this instead

    def on_bind_field(self, field_name, field_obj):
        if field_name in FILTER_DESCRIPTIONS:
            field_obj.metadata = {**field_obj.metadata, "description": FILTER_DESCRIPTIONS[field_name]}

    @staticmethod
    def openapi_parameters():
        """For the OpenAPI document: the codes and slugs each filter takes (names are taken too, as the
        descriptions say, but a list of every spelling would never end)."""
        places = gazetteer()
        slugs = {name: sorted(db.session.scalars(sa.select(model.slug))) for name, model in (
            ("region", Region), ("issue", IssueArea), ("type", OrganisationType))}
        return {
            "province": {"items": {"enum": sorted(places.provinces)}},
            "district": {"items": {"enum": sorted(places.districts)}},
            "near_district": {"enum": sorted(places.districts)},
            **{name: {"items": {"enum": values}} for name, values in slugs.items()},
        }


class OrganisationPathSchema(QuerySchema):
    public_id = fields.String(
        required=True,
        validate=validate.Regexp(PUBLIC_ID_PATTERN),
        metadata={"description": "The organisation's public id, e.g. 'k7m2x9qa'."},
    )


def _output_field(declared):
    """How the output shows a public field (organisation_fields.PUBLIC_FIELDS), by its kind; None for the
    fields OrganisationSchema declares itself."""
    metadata = {"description": declared.description} if declared.description else {}
    match declared.kind:
        case "name" | "text" | "long_text" | "phone" | "email" | "url":
            return fields.String(allow_none=not declared.required, metadata=metadata)
        case "year":
            return fields.Integer(allow_none=True, metadata=metadata)
        case "coordinate":
            return fields.Float(allow_none=True, metadata=metadata)
        case "flag":
            return fields.Boolean(metadata=metadata)
    return None


CONTACT_FIELDS = tuple(field for field in PUBLIC_FIELDS if field.section == "contact")


class ContactSchema(with_declared_fields(OutputSchema, CONTACT_FIELDS, _output_field)):
    """An organisation's public contact channels (organisations publish these; they are not a person's)."""


def _output_name(declared):
    return "contact" if declared.section == "contact" else declared.name


class _OwnColumns(fields.Nested):
    """Nests some of the object's own columns under one key (the contact channels of an organisation)."""

    def get_value(self, obj, attr, accessor=None, default=None):
        return obj


def profile_url(organisation):
    return public_url("public.organisation", public_id=organisation.public_id, slug=organisation.slug)


class OrganisationSchema(with_declared_fields(
        OutputSchema, [field for field in PUBLIC_FIELDS if field.section != "contact"], _output_field)):
    """An organisation. The public sees the fields organisation_fields declares public, with its own
    identity (id, slug, url) and its freshness (updated_at, version); the internal id, status and ref
    are in no audience's set. Fields that are not a plain value are declared here."""

    FIELD_SETS = {
        "public": ("id", "slug", "url", *dict.fromkeys(map(_output_name, PUBLIC_FIELDS)), "updated_at", "version"),
    }

    id = fields.String(attribute="public_id", metadata={"description": "The public id."})
    slug = fields.String()
    url = fields.Function(profile_url, metadata={
        "type": "string", "format": "uri", "description": "The organisation's page on the public site."})
    type = fields.Nested(OrganisationTypeSchema, allow_none=True)
    province_code = fields.Nested(ProvinceSchema, data_key="province", attribute="province")
    district_code = fields.Nested(DistrictSchema, data_key="district", attribute="district", allow_none=True)
    issue_areas = fields.List(fields.Nested(IssueAreaSchema))
    target_groups = fields.List(fields.String())
    contact = _OwnColumns(ContactSchema)
    updated_at = UTCDateTime()
    version = fields.Integer(metadata={
        "description": "Goes up with every change; send it as `version` with an edit (also the ETag)."})

    def __init__(self, *, audience="public", **kwargs):
        if kwargs.get("only") is None:
            kwargs["only"] = self.FIELD_SETS[audience]
        super().__init__(**kwargs)


def dump_public_organisations(organisations):
    """Organisations as the public API shows them (the /data JSON and `flask orgs export --format json`)."""
    return OrganisationSchema(many=True).dump(organisations)


class FoundOrganisationSchema(OrganisationSchema):
    """An organisation in a listing, with what the search adds."""

    FIELD_SETS = {audience: (*names, "distance_km", "highlights")
                  for audience, names in OrganisationSchema.FIELD_SETS.items()}

    distance_km = fields.Float(allow_none=True, metadata={
        "description": "Geodesic distance from `near`, in km; null without `near`."})
    highlights = fields.Dict(keys=fields.String(), values=fields.String(), metadata={
        "description": "Field name -> HTML snippet (escaped, matches in <mark>) for the words of `q`."})


class ProvinceCountSchema(OutputSchema):
    code = fields.String()
    name_th = fields.String()
    name_en = fields.String()
    count = fields.Integer()


class IssueAreaCountSchema(OutputSchema):
    slug = fields.String()
    name_th = fields.String()
    name_en = fields.String()
    count = fields.Integer()


def _with_counts(rows, key):
    return [{key: getattr(row, key), "name_th": row.name_th, "name_en": row.name_en, "count": count}
            for row, count in rows]


class FacetsSchema(OutputSchema):
    """Counts over the whole result set (every page), most first."""

    province = fields.List(fields.Nested(ProvinceCountSchema))
    issue_area = fields.List(fields.Nested(IssueAreaCountSchema))

    @pre_dump
    def with_counts(self, facets, **_):
        return {"province": _with_counts(facets.get("province", []), "code"),
                "issue_area": _with_counts(facets.get("issue_area", []), "slug")}


class OrganisationPageSchema(OutputSchema):
    """One page of a listing: `total` counts every match, `items` holds this page's."""

    items = fields.List(fields.Nested(FoundOrganisationSchema), attribute="found")
    total = fields.Integer()
    page = fields.Integer()
    per_page = fields.Integer()
    facets = fields.Nested(FacetsSchema)
    matched_any_word = fields.Boolean(metadata={
        "description": "True when no organisation matched every content word of q: the items match some "
                       "of them, those with the most first (stop words such as 'the' or 'ที่' never count)."})
    suggestion = fields.String(allow_none=True, metadata={
        "description": "'Did you mean': q with its typos corrected (the items then include what the "
                       "corrected words find, below exact matches), or for a q that found nothing, a query that "
                       "finds something (e.g. Thai typed on an English keyboard)."})
    is_partial = fields.Boolean(metadata={
        "description": "True when the search ran out of its time budget: some matches may be missing."})
