"""An organisation's editors change its public profile: one schema for the web form and the API.

Only the fields an editor may change (directory/organisation_fields.py) are declared; anything else
(status, is_verified, is_demo, ids, slug, ref, merged_into_id, logo_filename...) is an unknown field and
refused. `version` is the version the editor saw: required, and used only for the optimistic-locking
check, never set.
Fields not sent are left alone (PATCH semantics); a blank or null optional field is cleared.

Every message is a fixed English sentence with a Thai translation in messages.po.
"""
from __future__ import annotations

import re
from datetime import date

import sqlalchemy as sa
from marshmallow import RAISE, Schema, ValidationError, fields, post_load, pre_load, validate, validates_schema

from directory.eras import BUDDHIST_ERA_OFFSET
from directory.extensions import db
from directory.links import public_url
from directory.models import IssueArea, OrganisationType
from directory.models.organisations import EARLIEST_FOUNDED_YEAR, THAILAND_BOUNDS
from directory.organisation_fields import EDITOR_FIELDS
from directory.schemas.common import OutputSchema
from directory.schemas.fields import (
    BAD_EMAIL,
    BAD_URL,
    BAD_YEAR,
    CHOOSE_DISTRICT,
    CHOOSE_ISSUE_AREAS,
    CHOOSE_PROVINCE,
    CHOOSE_TYPE,
    DISTRICT_ELSEWHERE,
    DISTRICT_MESSAGES,
    EXPECTED_LIST,
    DistrictText,
    Email,
    IssueAreasField,
    MaxLength,
    OrganisationTypeField,
    Phone,
    Province,
    WebAddress,
    Year,
    district_in,
    district_problem,
    organisation_limit,
    too_long,
    with_declared_fields,
)
from directory.schemas.organisations.output import OrganisationSchema
from directory.services.places.gazetteer import gazetteer

MAX_NAME = organisation_limit("name_th")
MAX_DESCRIPTION = organisation_limit("description_th")
MAX_SHORT_TEXT = 100  # one target group
MAX_TARGET_GROUPS = 20

NAME_REQUIRED = "The Thai name is required."
PROVINCE_REQUIRED = "The province is required."
VERSION_MISSING = "The version you edited is missing: reload the page and try again."
EXPECTED_TEXT = "Expected text."
EXPECTED_TRUE_OR_FALSE = "Expected true or false."
UNKNOWN_FIELD = "This field cannot be changed here."
NOT_AN_OBJECT = "The request body must be a JSON object."
BAD_NUMBER = "Enter a number in decimal degrees."
LATITUDE_OUTSIDE = "The latitude is outside Thailand."
LONGITUDE_OUTSIDE = "The longitude is outside Thailand."
HALF_A_POSITION = "Give both latitude and longitude, or leave both blank."
TOO_MANY_TARGET_GROUPS = "Give at most 20 target groups."

_SPACES = re.compile(r"\s+")
# For the OpenAPI document: the web and email addresses every validator here takes (a subset of all).
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?"
WEB_ADDRESS_PATTERN = rf"^https?://{_LABEL}(?:\.{_LABEL})*\.[a-z]{{2,10}}(?:/[A-Za-z0-9._~-]*)*$"
EMAIL_PATTERN = rf"^[A-Za-z0-9_%+-]{{1,30}}(?:\.[A-Za-z0-9_%+-]{{1,30}})*@{_LABEL}(?:\.{_LABEL})*\.[a-z]{{2,10}}$"


# Every message this schema can give, for the test that each has its Thai translation.
MESSAGES = (
    NAME_REQUIRED, PROVINCE_REQUIRED, VERSION_MISSING, EXPECTED_TEXT, EXPECTED_LIST, EXPECTED_TRUE_OR_FALSE,
    UNKNOWN_FIELD, NOT_AN_OBJECT, CHOOSE_TYPE, CHOOSE_ISSUE_AREAS, CHOOSE_PROVINCE, CHOOSE_DISTRICT,
    DISTRICT_ELSEWHERE, BAD_NUMBER, LATITUDE_OUTSIDE, LONGITUDE_OUTSIDE, HALF_A_POSITION, BAD_EMAIL, BAD_URL,
    BAD_YEAR, TOO_MANY_TARGET_GROUPS, too_long(MAX_NAME).msgid,
)


class Text(fields.String):
    """Free text; blank loads as None (the field is cleared)."""

    default_error_messages = {"invalid": EXPECTED_TEXT}

    def __init__(self, limit, **kwargs):
        kwargs.setdefault("allow_none", True)
        super().__init__(validate=MaxLength(limit), **kwargs)


class Name(Text):
    """A one-line name: runs of spaces and stray line breaks become one space."""

    def _deserialize(self, value, attr, data, **kwargs):
        return _SPACES.sub(" ", super()._deserialize(value, attr, data, **kwargs))


class TargetGroupsField(fields.Field):
    """A list of short texts, or one text with one group a line (the form's textarea)."""

    default_error_messages = {"invalid": EXPECTED_LIST}

    def __init__(self, **kwargs):
        super().__init__(allow_none=True, metadata={
            "type": "array", "items": {"type": "string", "maxLength": MAX_SHORT_TEXT},
            "description": "Who the organisation works for; the web form takes one group a line."}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            value = value.splitlines()
        if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
            raise self.make_error("invalid")
        groups = list(dict.fromkeys(_SPACES.sub(" ", item).strip() for item in value if item.strip()))
        if len(groups) > MAX_TARGET_GROUPS:
            raise ValidationError(TOO_MANY_TARGET_GROUPS)
        if any(len(group) > MAX_SHORT_TEXT for group in groups):
            raise ValidationError(too_long(MAX_SHORT_TEXT))
        return groups


class Coordinate(fields.Float):
    def __init__(self, low, high, outside, **kwargs):
        super().__init__(allow_none=True, allow_nan=False,
                         error_messages={"invalid": BAD_NUMBER, "special": BAD_NUMBER, "too_large": BAD_NUMBER},
                         validate=validate.Range(low, high, error=outside), **kwargs)


def _editor_field(declared):
    """The input of a field editors set (organisation_fields.EDITOR_FIELDS), by its kind; None for the
    fields OrganisationEditSchema declares itself."""
    data_key = {"data_key": declared.key} if declared.key else {}
    match declared.kind:
        case "name":
            return Name(declared.limit, **data_key)
        case "text" | "long_text":
            return Text(declared.limit, **data_key)
        case "url":
            return WebAddress(declared.limit, **data_key)
        case "phone":
            return Phone(limit=declared.limit, allow_none=True, error_messages={"invalid": EXPECTED_TEXT}, **data_key)
        case "email":
            return Email(limit=declared.limit, allow_none=True, **data_key)
        case "type":
            return OrganisationTypeField(allow_none=True, **data_key)
        case "issue_areas":
            return IssueAreasField(allow_none=True, metadata={
                "description": "Slugs of issue areas (see /api/v1/issue-areas); [] for none."}, **data_key)
        case "target_groups":
            return TargetGroupsField(**data_key)
    return None


class OrganisationEditSchema(with_declared_fields(Schema, EDITOR_FIELDS, _editor_field)):
    """What an editor sends -> the values services.profile_edits takes (keyed by column names),
    plus `version` (the version edited) and `remove_logo`. The fields are those organisation_fields
    declares editable by editors, in its order; the ones with rules of their own are declared here."""

    class Meta:
        unknown = RAISE

    error_messages = {"unknown": UNKNOWN_FIELD, "type": NOT_AN_OBJECT}

    name_th = Name(MAX_NAME, allow_none=False, error_messages={"null": NAME_REQUIRED})
    province_code = Province(data_key="province", error_messages={"null": PROVINCE_REQUIRED})
    district_code = DistrictText(data_key="district", allow_none=True, error_messages={"invalid": EXPECTED_TEXT},
                                 metadata={
        "description": "DOPA code ('9104'), Thai or English name of a district of the province; null for none."})
    latitude = Coordinate(THAILAND_BOUNDS["lat_min"], THAILAND_BOUNDS["lat_max"], LATITUDE_OUTSIDE, metadata={
        "description": "With longitude; both null puts the organisation at its district's centre."})
    longitude = Coordinate(THAILAND_BOUNDS["lon_min"], THAILAND_BOUNDS["lon_max"], LONGITUDE_OUTSIDE)
    founded_year = Year(EARLIEST_FOUNDED_YEAR, allow_none=True,
                        metadata={"description": "Common Era; a Buddhist Era year is converted."})
    version = fields.Integer(required=True, strict=False, validate=validate.Range(min=1, error=VERSION_MISSING),
                             error_messages={"required": VERSION_MISSING, "null": VERSION_MISSING,
                                             "invalid": VERSION_MISSING, "too_large": VERSION_MISSING},
                             metadata={"description": "The version you edited (from the last GET or PATCH); "
                                                      "a newer version on the server makes this a 409."})
    remove_logo = fields.Boolean(load_only=True, error_messages={"invalid": EXPECTED_TRUE_OR_FALSE,
                                                                 "null": EXPECTED_TRUE_OR_FALSE},
                                 metadata={"description": "true removes the logo."})

    def __init__(self, organisation=None, **kwargs):
        super().__init__(**kwargs)
        self.organisation = organisation

    @staticmethod
    def openapi_rules():
        """For the OpenAPI document: a latitude comes with its longitude (both numbers or both null);
        a district comes as its code, which says its province; and the codes and slugs each field takes."""
        places = gazetteer()
        both_or_neither = [
            {"allOf": [{"not": {"required": ["latitude"]}}, {"not": {"required": ["longitude"]}}]},
            {"required": ["latitude", "longitude"], "properties": {
                "latitude": {"type": "number"}, "longitude": {"type": "number"}}},
            {"required": ["latitude", "longitude"], "properties": {
                "latitude": {"enum": [None]}, "longitude": {"enum": [None]}}},
        ]
        one_place_field = [{"not": {"required": ["province"]}}, {"not": {"required": ["district"]}},
                           {"properties": {"district": {"enum": [None]}}}]
        this_year = date.today().year
        slugs = {model: sorted(db.session.scalars(sa.select(model.slug))) for model in (OrganisationType, IssueArea)}
        return {
            "properties": {
                "province": {"enum": sorted(places.provinces)},
                "district": {"enum": [*sorted(places.districts), None]},
                "type": {"enum": [*slugs[OrganisationType], None]},
                "issue_areas": {"items": {"enum": slugs[IssueArea]}},
                "target_groups": {"maxItems": MAX_TARGET_GROUPS},
                "website": {"pattern": WEB_ADDRESS_PATTERN}, "facebook": {"pattern": WEB_ADDRESS_PATTERN},
                "email": {"pattern": EMAIL_PATTERN},
                "founded_year": {"anyOf": [
                    {"minimum": EARLIEST_FOUNDED_YEAR, "maximum": this_year},
                    {"minimum": EARLIEST_FOUNDED_YEAR + BUDDHIST_ERA_OFFSET,
                     "maximum": this_year + BUDDHIST_ERA_OFFSET}]},
            },
            "allOf": [{"anyOf": both_or_neither}, {"anyOf": one_place_field}],
            "description": "Latitude and longitude go together. A district code says its province, so send "
                           "the province only to move without a district (a district of the new province may "
                           "be sent with it by name or code).",
        }

    @pre_load
    def blank_is_none(self, data, **_):
        """Strip text; a blank field is None (cleared), as an HTML form cannot send null."""
        if not isinstance(data, dict):
            return data
        cleaned = {}
        for key, value in data.items():
            if isinstance(value, str):
                value = value.strip() if key != "target_groups" else value
                value = value if value.strip() else None
            cleaned[key] = value
        return cleaned

    @validates_schema(pass_original=True, skip_on_field_errors=False)
    def check_position_and_district(self, data, original_data, **_):
        if not isinstance(original_data, dict):
            return
        errors = {}
        if ("latitude" in original_data) != ("longitude" in original_data) or (
                ("latitude" in data and "longitude" in data)
                and (data["latitude"] is None) != (data["longitude"] is None)):
            errors["latitude"] = [HALF_A_POSITION]
        district = original_data.get("district")
        if isinstance(district, str) and district.strip():
            province_code = self._province_code(data, district)
            problem = district_problem(district, province_code, DISTRICT_MESSAGES) if province_code else None
            if problem:  # without a province, the province's own error is shown
                errors["district"] = [problem]
        if errors:
            raise ValidationError(errors)

    def _province_code(self, data, district=None):
        """The province the district is read in: the one sent, else (for a district code sent alone,
        which says its province) the code's, else the organisation's own."""
        if "province_code" in data:
            return data["province_code"]
        place = gazetteer().districts.get(str(district).strip()) if district else None
        if place is not None:
            return place.province_code
        return self.organisation.province_code if self.organisation is not None else None

    @post_load
    def resolve(self, data, **_):
        if data.get("target_groups", ()) is None:
            data["target_groups"] = []
        if data.get("issue_areas", ()) is None:
            data["issue_areas"] = []
        province_code = self._province_code(data, data.get("district_code"))
        if data.get("district_code"):
            data["district_code"], _problem = district_in(data["district_code"], province_code)
            if "province_code" not in data and self.organisation is not None \
                    and province_code != self.organisation.province_code:
                data["province_code"] = province_code  # a district code sent alone moves its province too
        elif "province_code" in data and "district_code" not in data and self.organisation is not None:
            # A new province without a district: the old district is not in it any more.
            district = gazetteer().districts.get(self.organisation.district_code)
            if district is not None and district.province_code != province_code:
                data["district_code"] = None
        return data


def logo_url(organisation):
    if not organisation.logo_filename:
        return None
    return public_url("public.logo", filename=organisation.logo_filename)


class EditedOrganisationSchema(OrganisationSchema):
    """An organisation as its editors see it after an edit: the public fields, its logo and its
    version (send it back with the next edit)."""

    FIELD_SETS = {"editor": (*OrganisationSchema.FIELD_SETS["public"], "logo_url")}

    logo_url = fields.Function(logo_url, allow_none=True, metadata={
        "type": "string", "format": "uri", "description": "The logo (WebP, at most 512 pixels a side); null if none."})
    def __init__(self, *, audience="editor", **kwargs):
        super().__init__(audience=audience, **kwargs)


class StaleEditSchema(OutputSchema):
    """A 409: someone saved the organisation after the version you edited; nothing was changed."""

    error = fields.String()
    status = fields.Integer()
    version = fields.Integer(metadata={"description": "The current version: edit again from `organisation`."})
    organisation = fields.Nested(EditedOrganisationSchema)
