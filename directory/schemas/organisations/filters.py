"""The query string of organisation listings, shared by the public results page and the API."""
from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, validate

from directory.i18n import Message
from directory.services.places.gazetteer import gazetteer
from directory.services.places.reference import reference
from directory.services.search.finder import SearchCriteria
from search_index import SORTS
from search_index.analysis import THAI_DIGITS

LIST_FILTERS = ("province", "district", "region", "issue", "type")
# A search's cost grows with its words: at most this many (after repeats are dropped) and characters.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
TOO_LONG_QUERY = Message("search words may be at most %(limit)s characters long", limit=MAX_QUERY_LENGTH)
TOO_MANY_WORDS = Message("give at most %(limit)s different search words", limit=MAX_QUERY_WORDS)
MAX_RADIUS_KM = 2000


class SearchWords(fields.String):
    """What was typed in the search box: at most MAX_QUERY_LENGTH characters, then repeated words dropped
    and at most MAX_QUERY_WORDS words left (a 400 beyond, saying so)."""

    def __init__(self, **kwargs):
        super().__init__(metadata={"maxLength": MAX_QUERY_LENGTH}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if len(text) > MAX_QUERY_LENGTH:
            raise ValidationError(TOO_LONG_QUERY)
        seen, words = set(), []
        for word in text.split():
            if word.casefold() not in seen:
                seen.add(word.casefold())
                words.append(word)
        if len(words) > MAX_QUERY_WORDS:
            raise ValidationError(TOO_MANY_WORDS)
        return " ".join(words)


class Coordinates(fields.Field):
    """"LAT,LON" in decimal degrees, e.g. "6.862,99.781"."""

    default_error_messages = {"invalid": "Give a position as LAT,LON in decimal degrees, e.g. 6.862,99.781."}
    # The same, for the OpenAPI document: a latitude from -90 to 90, a longitude from -180 to 180.
    PATTERN = (r"^-?(?:90(?:\.0+)?|[1-8]?[0-9](?:\.[0-9]+)?),"
               r"-?(?:180(?:\.0+)?|(?:1[0-7][0-9]|[1-9]?[0-9])(?:\.[0-9]+)?)$")

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            latitude, longitude = (float(part) for part in str(value).translate(THAI_DIGITS).split(","))
        except ValueError:
            raise self.make_error("invalid") from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise self.make_error("invalid")
        return latitude, longitude


class OrganisationFilterSchema(Schema):
    """Validates and resolves filters: each repeatable, OR within one filter, AND across them.

    Places and issue areas may be given in any form people use (Thai, English, code, slug, everyday
    names such as กทม.); they are resolved to codes and slugs here so the finder sees only canonical
    values. A district is read within the provinces given ("อ.เมือง" with a province is its capital).
    """

    class Meta:
        unknown = EXCLUDE  # other query parameters (lang, utm_...) belong to the page, not the filter

    q = SearchWords(load_default="")
    province = fields.List(fields.String(), load_default=list)
    district = fields.List(fields.String(), load_default=list)
    region = fields.List(fields.String(), load_default=list)
    issue = fields.List(fields.String(), load_default=list)
    type = fields.List(fields.String(), load_default=list)
    near = Coordinates(load_default=None, metadata={"type": "string", "pattern": Coordinates.PATTERN})
    near_district = fields.String(load_default=None)
    radius_km = fields.Float(load_default=None, validate=validate.Range(min=0, max=MAX_RADIUS_KM))
    sort = fields.String(load_default="relevance", validate=validate.OneOf(SORTS))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))

    @post_load
    def resolve(self, data, **_):
        errors = {}
        provinces = self._provinces(data["province"], errors)
        resolved = {
            "district": self._districts(data["district"], provinces, errors),
            "region": self._resolve_all(data["region"], _region_slug, "region", errors),
            "issue": self._resolve_all(data["issue"], _issue_slug, "issue", errors),
            "type": self._resolve_all(data["type"], _type_slug, "type", errors),
        }
        near = self._near(data, errors)
        if near is None:
            data["radius_km"] = None
            data["sort"] = "relevance" if data["sort"] == "distance" else data["sort"]
        if errors:
            raise ValidationError(errors)
        return SearchCriteria(q=data["q"].strip(), page=data["page"], per_page=data["per_page"],
                              provinces=provinces, districts=resolved["district"],
                              regions=resolved["region"], issues=resolved["issue"], types=resolved["type"],
                              near=near, radius_km=data["radius_km"], sort=data["sort"])

    @staticmethod
    def _provinces(values, errors):
        found = []
        for value in filter(str.strip, values):
            resolution = gazetteer().resolve(province=value)
            if "province" in resolution.problems:
                errors.setdefault("province", []).append(resolution.problems["province"].message)
            elif resolution.province_code not in found:
                found.append(resolution.province_code)
        return tuple(found)

    @staticmethod
    def _districts(values, provinces, errors):
        """Each district within one of the provinces given (or anywhere when none is)."""
        found = []
        for value in filter(str.strip, values):
            resolutions = [gazetteer().resolve(province=code, district=value) for code in provinces or (None,)]
            codes = [r.district_code for r in resolutions if r.district_code]
            if not codes and value.strip() in gazetteer().districts:
                codes = [value.strip()]  # a code says which district it is: outside the provinces, it finds nothing
            if not codes:
                errors.setdefault("district", []).append(resolutions[0].problems["district"].message)
            found += [code for code in codes if code not in found]
        return tuple(found)

    # The results page says what is missing; the API (whose document cannot say that one parameter needs
    # another) measures from `near` when both are given and ignores a radius or order without a point.
    explains_distance_mistakes = True

    def _near(self, data, errors):
        """The point distances are measured from: `near`, or the centroid of `near_district`."""
        near = data["near"]
        if data["near_district"] and near and not self.explains_distance_mistakes:
            return near
        if data["near_district"]:
            if near:
                errors["near_district"] = ["give either near or near_district, not both"]
            resolution = gazetteer().resolve(district=data["near_district"]) if data["near_district"].strip() else None
            if resolution is None or resolution.district is None:
                problem = resolution.problems.get("district") if resolution else None
                errors.setdefault("near_district", []).append(
                    problem.message if problem else f"unknown district: '{data['near_district']}'")
            else:
                near = (resolution.district.latitude, resolution.district.longitude)
        if near is None and self.explains_distance_mistakes:
            if data["radius_km"] is not None:
                errors["radius_km"] = ["radius_km needs near or near_district"]
            if data["sort"] == "distance":
                errors["sort"] = ["sort=distance needs near or near_district"]
        return near

    @staticmethod
    def _resolve_all(values, resolve, field, errors):
        found = []
        for value in values:
            if not value.strip():
                continue
            code = resolve(value)
            if code is None:
                errors.setdefault(field, []).append(f"unknown {field}: '{value}'")
            elif code not in found:
                found.append(code)
        return tuple(found)


def load_filters(args, schema=None):
    """Load a request's MultiDict of arguments; raises ValidationError naming each bad parameter.

    `schema` is a stricter subclass where a caller needs one (the API refuses unknown parameters).
    """
    values = {key: args.getlist(key) if key in LIST_FILTERS else args.get(key) for key in args}
    return (schema or OrganisationFilterSchema()).load(values)


def _region_slug(value):
    return _term_slug("region", value)


def _issue_slug(value):
    return _term_slug("issue", value)


def _type_slug(value):
    return _term_slug("type", value)


def _term_slug(kind, value):
    term = reference().term_named(kind, value)
    return term.slug if term else None
