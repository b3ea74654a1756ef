"""One row of the organisations CSV: checked, cleaned and resolved to the values the services take.

Cells arrive as text typed by people: Thai or English names, codes, Thai digits, Buddhist-era years.
Every problem of a row is reported at once, keyed by the column it is in, so that one pass over a file
can name every mistake in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, pre_load, validate, validates_schema

from directory.extensions import db
from directory.models import IssueArea, Organisation, OrganisationType
from directory.models.organisations import THAILAND_BOUNDS
from directory.services.places import THAI_DIGITS, AmbiguousPlace, Gazetteer, by_every_name, gazetteer, normalise

ISSUE_AREA_SEPARATOR = ";"
BUDDHIST_ERA_OFFSET = 543
EARLIEST_FOUNDED_YEAR = 1800
NUMBER_COLUMNS = ("lat", "lon", "founded_year")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class RowReferences:
    """What cells are resolved against, loaded once per import so that rows cost no queries."""

    places: Gazetteer
    types: dict[str, OrganisationType]
    issue_areas: dict[str, IssueArea]

    @classmethod
    def load(cls):
        return cls(
            places=gazetteer(),
            types=by_every_name(db.session.scalars(db.select(OrganisationType))),
            issue_areas=by_every_name(db.session.scalars(db.select(IssueArea))),
        )


def _max_length(column):
    return validate.Length(max=Organisation.__table__.c[column].type.length)


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


class Name(fields.String):
    """A one-line name: runs of spaces (and stray line breaks) become one space."""

    def _deserialize(self, value, attr, data, **kwargs):
        return _SPACES.sub(" ", super()._deserialize(value, attr, data, **kwargs))


class ProvinceField(fields.Field):
    """A province by Thai or English name, MOI code ("91") or ISO code ("TH-91"); loads its code."""

    def _deserialize(self, value, attr, data, **kwargs):
        place = self.parent.references.places.province(str(value))
        if place is None:
            raise ValidationError(f"unknown province '{value}'")
        return place.code


class OrganisationTypeField(fields.Field):
    """A type by slug, Thai or English name; loads the OrganisationType."""

    def _deserialize(self, value, attr, data, **kwargs):
        found = self.parent.references.types.get(normalise(str(value)))
        if found is None:
            raise ValidationError(f"unknown organisation type '{value}'")
        return found


class IssueAreasField(fields.Field):
    """Issue areas separated by ';', each by slug, Thai or English name; loads a list without repeats."""

    def _deserialize(self, value, attr, data, **kwargs):
        known = self.parent.references.issue_areas
        found, unknown = [], []
        for text in str(value).split(ISSUE_AREA_SEPARATOR):
            if not text.strip():
                continue
            area = known.get(normalise(text))
            if area is None:
                unknown.append(f"unknown issue area '{text.strip()}'")
            elif area not in found:
                found.append(area)
        if unknown:
            raise ValidationError(unknown)
        return found


class Coordinate(fields.Float):
    """A latitude or longitude in degrees, which must lie in Thailand."""

    def __init__(self, axis, limit, low, high, **kwargs):
        super().__init__(allow_nan=False, **kwargs)
        self.axis, self.limit, self.low, self.high = axis, limit, low, high

    def _deserialize(self, value, attr, data, **kwargs):
        number = super()._deserialize(value, attr, data, **kwargs)
        if not -self.limit <= number <= self.limit:
            raise ValidationError(f"{self.axis} {number} is out of range (-{self.limit} to {self.limit})")
        if not self.low <= number <= self.high:
            raise ValidationError(f"{self.axis} {number} is outside Thailand ({self.low} to {self.high})")
        return number


class FoundedYear(fields.Integer):
    """A year of the common era, or of the Buddhist era (2555) as Thai documents write it."""

    def _deserialize(self, value, attr, data, **kwargs):
        year = super()._deserialize(value, attr, data, **kwargs)
        this_year = date.today().year
        if EARLIEST_FOUNDED_YEAR + BUDDHIST_ERA_OFFSET <= year <= this_year + BUDDHIST_ERA_OFFSET:
            year -= BUDDHIST_ERA_OFFSET
        if not EARLIEST_FOUNDED_YEAR <= year <= this_year:
            raise ValidationError(
                f"founded year {value} is not a year between {EARLIEST_FOUNDED_YEAR} and {this_year} "
                f"(or {EARLIEST_FOUNDED_YEAR + BUDDHIST_ERA_OFFSET} to {this_year + BUDDHIST_ERA_OFFSET} "
                "in the Buddhist era)"
            )
        return year


def _optional(field_class, *args, **kwargs):
    return field_class(*args, allow_none=True, **kwargs)


class OrganisationRowSchema(Schema):
    """A CSV row keyed by column name -> the values create/update_organisation take.

    Blank cells load as None (the field is cleared); columns absent from the row are left out of the
    result, so a file without a column leaves that field alone.
    """

    class Meta:
        unknown = RAISE

    ref = _optional(fields.String, validate=_max_length("ref"))
    name_th = Name(required=True, validate=_max_length("name_th"),
                   error_messages={"required": "the Thai name is required", "null": "the Thai name is required"})
    name_en = _optional(Name, validate=_max_length("name_en"))
    type = _optional(OrganisationTypeField)
    province_code = ProvinceField(data_key="province", required=True,
                             error_messages={"required": "the province is required",
                                             "null": "the province is required"})
    # Resolved with the province in resolve_district: a district name is only unique within one.
    district_code = _optional(fields.String, data_key="district")
    issue_areas = _optional(IssueAreasField)
    description_th = _optional(fields.String)
    description_en = _optional(fields.String)
    address = _optional(fields.String)
    latitude = _optional(Coordinate, "latitude", 90, THAILAND_BOUNDS["lat_min"], THAILAND_BOUNDS["lat_max"],
                         data_key="lat")
    longitude = _optional(Coordinate, "longitude", 180, THAILAND_BOUNDS["lon_min"], THAILAND_BOUNDS["lon_max"],
                          data_key="lon")
    phone = _optional(fields.String, validate=_max_length("phone"))
    email = _optional(fields.Email, validate=_max_length("email"))
    website = _optional(fields.String, validate=_max_length("website"))
    facebook = _optional(fields.String, validate=_max_length("facebook"))
    line_id = _optional(fields.String, validate=_max_length("line_id"))
    founded_year = _optional(FoundedYear)

    def __init__(self, references: RowReferences, **kwargs):
        super().__init__(**kwargs)
        self.references = references

    @pre_load
    def clean_cells(self, row, **_):
        """Strip cells, make blank ones None and read Thai digits in numbers."""
        cleaned = {}
        for column, value in row.items():
            if isinstance(value, str):
                value = value.strip() or None
                if value is not None and column in NUMBER_COLUMNS:
                    value = value.translate(THAI_DIGITS)
            cleaned[column] = value
        if cleaned.get("issue_areas") is not None and not cleaned["issue_areas"].strip(" ;"):
            cleaned["issue_areas"] = None
        return cleaned

    @validates_schema(pass_original=True, skip_on_field_errors=False)
    def check_position_and_district(self, data, original_data, **_):
        errors = {}
        if "lat" in original_data or "lon" in original_data:
            lat_blank, lon_blank = _is_blank(original_data.get("lat")), _is_blank(original_data.get("lon"))
            if lat_blank and not lon_blank:
                errors["lat"] = ["lon is given without lat: give both or neither"]
            elif lon_blank and not lat_blank:
                errors["lon"] = ["lat is given without lon: give both or neither"]
        if "province_code" in data:  # an unknown province is reported already; its district can't be checked
            message = self._district_problem(original_data.get("district"), data["province_code"])
            if message:
                errors["district"] = [message]
        if errors:
            raise ValidationError(errors)

    @post_load
    def resolve(self, data, **_):
        if data.get("issue_areas", ()) is None:
            data["issue_areas"] = []
        if "district_code" in data:
            data["district_code"] = self._district(data["district_code"], data["province_code"])
        return data

    def _district(self, text, province_code):
        place = self.references.places.district(text, province_code) if text else None
        return place.code if place else None

    def _district_problem(self, text, province_code):
        if _is_blank(text):
            return None
        places = self.references.places
        province = places.provinces[province_code]
        try:
            if places.district(text, province_code):
                return None
        except AmbiguousPlace as ambiguous:
            choices = ", ".join(f"{code} ({places.districts[code].name_th})" for code in str(ambiguous).split("; "))
            return f"'{text}' names several districts of {province.name_en}; give the code of one: {choices}"
        try:
            elsewhere = places.district(text)
        except AmbiguousPlace:
            elsewhere = None
        if elsewhere:
            other = places.provinces[elsewhere.province_code]
            return (f"district '{text}' is not in {province.name_th} ({province.name_en}); "
                    f"it is in {other.name_th} ({other.name_en})")
        return f"unknown district '{text}' in {province.name_th} ({province.name_en})"
