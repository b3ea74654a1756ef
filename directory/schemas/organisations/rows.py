"""One row of the organisations spreadsheet: checked, cleaned and resolved to the values the services take.

Cells arrive as text typed by people: Thai or English names, codes, everyday place names, Thai digits,
Buddhist-era years. Every problem of a row is reported at once, keyed by the column it is in, so that
one pass over a file can name every mistake in it; each message is a Message, said in English or Thai.
"""
from __future__ import annotations

from dataclasses import dataclass

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, pre_load, validates_schema

from directory.extensions import db
from directory.i18n import Message
from directory.input_guard import FORBIDDEN, problem_with
from directory.models import IssueArea, OrganisationType
from directory.models.organisations import EARLIEST_FOUNDED_YEAR, THAILAND_BOUNDS
from directory.organisation_fields import CSV_FIELDS
from directory.schemas.fields import (
    ISSUE_AREA_SEPARATOR,
    Email,
    IssueAreasField,
    MaxLength,
    OrganisationTypeField,
    Phone,
    WebAddress,
    Year,
    organisation_limit,
    with_declared_fields,
)
from directory.services.places.gazetteer import Gazetteer, PlaceResolution, by_every_name, gazetteer
from search_index.analysis import THAI_DIGITS, clean_text, one_line

NUMBER_COLUMNS = ("lat", "lon", "founded_year")
PLACE_COLUMNS = ("province", "district")

NOT_A_NUMBER = Message("not a number")
NOT_AN_EMAIL = Message("not a valid email address")
NOT_A_WEB_ADDRESS = Message("'%(value)s' is not a web address (http://… or https://…)")
UNKNOWN_TYPE = Message("unknown organisation type '%(value)s'; the types are: %(accepted)s")
UNKNOWN_ISSUE_AREA = Message("unknown issue area '%(value)s'; the issue areas are: %(accepted)s")
BAD_FOUNDED_YEAR = Message("founded year %(value)s is not a year between %(earliest)s and %(latest)s "
                           "(or %(earliest_be)s to %(latest_be)s in the Buddhist era)")
NAME_REQUIRED = Message("the Thai name is required")
PROVINCE_REQUIRED = Message("the province is required (or a district or an address that names it)")


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


def longer_than(limit):
    return Message("longer than %(limit)s characters", limit=limit)


def _max_length(column):
    return MaxLength(organisation_limit(column), longer_than)


def _is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


class Text(fields.String):
    """Text as people meant it: marks in their standard order, no invisible characters."""

    def _deserialize(self, value, attr, data, **kwargs):
        return clean_text(super()._deserialize(value, attr, data, **kwargs))


class Name(fields.String):
    """A one-line name: cleaned, and runs of spaces (and stray line breaks) become one space."""

    def _deserialize(self, value, attr, data, **kwargs):
        return one_line(super()._deserialize(value, attr, data, **kwargs))


class Number(fields.Float):
    default_error_messages = {"invalid": NOT_A_NUMBER, "special": NOT_A_NUMBER, "too_large": NOT_A_NUMBER}


class Coordinate(Number):
    """A latitude or longitude in degrees, which must lie in Thailand."""

    def __init__(self, axis, limit, low, high, **kwargs):
        super().__init__(allow_nan=False, **kwargs)
        self.axis, self.limit, self.low, self.high = axis, limit, low, high

    def _deserialize(self, value, attr, data, **kwargs):
        number = super()._deserialize(value, attr, data, **kwargs)
        if not -self.limit <= number <= self.limit:
            raise ValidationError(Message("%(axis)s %(number)s is out of range (-%(limit)s to %(limit)s)",
                                          axis=self.axis, number=number, limit=self.limit))
        if not self.low <= number <= self.high:
            raise ValidationError(Message("%(axis)s %(number)s is outside Thailand (%(low)s to %(high)s)",
                                          axis=self.axis, number=number, low=self.low, high=self.high))
        return number


def _optional(field_class, *args, **kwargs):
    return field_class(*args, allow_none=True, **kwargs)


@dataclass(frozen=True)
class LoadedRow:
    values: dict  # what create_organisation / update_organisation take
    places: PlaceResolution  # how the province and district were read, with what was inferred


def _row_field(declared):
    """How a spreadsheet column (organisation_fields.CSV_FIELDS) is read, by its field's kind; None for the
    fields OrganisationRowSchema declares itself."""
    data_key = {"data_key": declared.csv} if declared.csv != declared.name else {}
    match declared.kind:
        case "name":
            return _optional(Name, validate=_max_length(declared.name), **data_key)
        case "text":
            return _optional(fields.String, validate=_max_length(declared.name), **data_key)
        case "long_text":
            return _optional(Text, validate=_max_length(declared.name), **data_key)
        case "type":
            return _optional(OrganisationTypeField, error_messages={"unknown": UNKNOWN_TYPE}, **data_key)
        case "issue_areas":
            return _optional(IssueAreasField, ISSUE_AREA_SEPARATOR, error_messages={"unknown": UNKNOWN_ISSUE_AREA},
                             **data_key)
        case "phone":
            return _optional(Phone, limit=declared.limit, too_long_message=longer_than, **data_key)
        case "email":
            return _optional(Email, declared.limit, too_long_message=longer_than,
                             error_messages={"invalid": NOT_AN_EMAIL}, **data_key)
        case "url":
            return _optional(WebAddress, declared.limit, too_long_message=longer_than,
                             error_messages={"invalid": NOT_A_WEB_ADDRESS}, **data_key)
        case "year":
            return _optional(Year, EARLIEST_FOUNDED_YEAR, error_messages={
                "invalid": NOT_A_NUMBER, "too_large": NOT_A_NUMBER, "range": BAD_FOUNDED_YEAR}, **data_key)
    return None


class OrganisationRowSchema(with_declared_fields(Schema, CSV_FIELDS, _row_field)):
    """A spreadsheet row keyed by column name -> the values create/update_organisation take.

    The columns are organisation_fields.CSV_FIELDS'; the ones read together or with rules of their own
    are declared here. Blank cells load as None (the field is cleared); columns absent from the row are
    left out of the result, so a file without a column leaves that field alone. Use load_row, which also
    says what the place resolver inferred.
    """

    class Meta:
        unknown = RAISE

    name_th = Name(required=True, validate=_max_length("name_th"),
                   error_messages={"required": NAME_REQUIRED, "null": NAME_REQUIRED})
    # Read together (with the address) by the place resolver in check_places; resolved in `resolve`.
    province_code = _optional(fields.String, load_only=True, data_key="province")
    district_code = _optional(fields.String, load_only=True, data_key="district")
    latitude = _optional(Coordinate, "latitude", 90, THAILAND_BOUNDS["lat_min"], THAILAND_BOUNDS["lat_max"],
                         data_key="lat")
    longitude = _optional(Coordinate, "longitude", 180, THAILAND_BOUNDS["lon_min"], THAILAND_BOUNDS["lon_max"],
                          data_key="lon")

    def __init__(self, references: RowReferences, **kwargs):
        super().__init__(**kwargs)
        self.references = references
        self._places = None
        self._unstorable = {}

    def load_row(self, row) -> LoadedRow:
        """Load one row; raises ValidationError with every problem of it, keyed by column."""
        values = self.load(row)
        return LoadedRow(values, self._places)

    @pre_load
    def clean_cells(self, row, **_):
        """Strip cells, make blank ones None, read Thai digits in numbers, and read the places."""
        cleaned, self._unstorable = {}, {}
        for column, value in row.items():
            if isinstance(value, str):
                problem = problem_with(value)
                if problem:
                    self._unstorable[column] = [problem]
                    value = FORBIDDEN.sub("", value)  # checked further without it, so every error shows
                value = value.strip() or None
                if value is not None and column in NUMBER_COLUMNS:
                    value = value.translate(THAI_DIGITS)
            cleaned[column] = value
        if cleaned.get("issue_areas") is not None and not cleaned["issue_areas"].strip(" ;"):
            cleaned["issue_areas"] = None
        self._places = self.references.places.resolve(
            cleaned.get("province"), cleaned.get("district"), cleaned.get("address"))
        return cleaned

    @validates_schema(pass_original=True, skip_on_field_errors=False)
    def check_position_and_places(self, data, original_data, **_):
        errors = dict(self._unstorable)
        if "lat" in original_data or "lon" in original_data:
            lat_blank, lon_blank = _is_blank(original_data.get("lat")), _is_blank(original_data.get("lon"))
            if lat_blank and not lon_blank:
                errors["lat"] = [Message("lon is given without lat: give both or neither")]
            elif lon_blank and not lat_blank:
                errors["lon"] = [Message("lat is given without lon: give both or neither")]
        for column, problem in self._places.problems.items():
            errors[column] = [problem.message]
        if "province" not in self._places.problems and self._places.province is None:
            errors["province"] = [PROVINCE_REQUIRED]
        if errors:
            raise ValidationError(errors)

    @post_load
    def resolve(self, data, **_):
        if data.get("issue_areas", ()) is None:
            data["issue_areas"] = []
        had_district = "district_code" in data
        data.pop("district_code", None)
        data["province_code"] = self._places.province_code
        if had_district or self._places.district is not None:
            data["district_code"] = self._places.district_code
        return data
