"""Input fields every schema shares: one rule per kind of value, and one limit per organisation column.

The rule (what is accepted, how it is read, how long it may be) lives here; each schema says its
mistakes in its own voice by passing error_messages: a form a fixed English sentence (its Thai in
messages.po), the spreadsheet import a Message that names the value. A Message given as a field's
message is said again with the value's details (value, accepted, limit, years), which marshmallow's
own str.format would lose.
"""
from __future__ import annotations

import re

import sqlalchemy as sa
from marshmallow import ValidationError, fields, validate

from directory.eras import BUDDHIST_ERA_OFFSET, common_era
from directory.extensions import db
from directory.i18n import Message, joined
from directory.models import IssueArea, OrganisationType
from directory.organisation_fields import organisation_limit
from directory.services.places.gazetteer import by_every_name, gazetteer, normalise
from directory.services.platform import clock
from search_index.analysis import THAI_DIGITS

DISTRICT_TEXT_LENGTH = 100  # a district as typed: its name with a prefix, or its code
ISSUE_AREA_SEPARATOR = ";"  # between issue areas in one spreadsheet cell
_SPACES = re.compile(r"\s+")
_HAS_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_PHONE_NUMBER = re.compile(r"^\+?[0-9]{9,15}$")
_PHONE_SEPARATORS = re.compile(r"[\s().-]")

# The forms' and the API's sentences (their Thai is in messages.po): each field's default message.
CHOOSE_PROVINCE = "Choose a province from the list."
CHOOSE_TYPE = "Choose an organisation type from the list."
CHOOSE_ISSUE_AREAS = "Choose issue areas from the list."
EXPECTED_LIST = "Expected a list."
BAD_URL = "Enter a web address starting with http:// or https://."
BAD_EMAIL = "Enter a valid email address."
BAD_PHONE_NUMBER = "Please enter a phone number of 9 to 15 digits, for example 0812345678."
BAD_YEAR = "Enter a year between 1800 and this year."
CHOOSE_DISTRICT = "Choose a district from the list."
DISTRICT_ELSEWHERE = "The district is not in the chosen province."
DISTRICT_MESSAGES = {"elsewhere": DISTRICT_ELSEWHERE, "unknown": CHOOSE_DISTRICT}  # for district_problem


class _DeclaredBySchema(fields.Field):
    """Holds the place of a declared field whose schema declares it itself (see with_declared_fields)."""

    def _bind_to_schema(self, field_name, parent):
        raise TypeError(f"{type(parent).__name__} must declare the field {field_name!r} itself")


def with_declared_fields(base, declarations, make):
    """A subclass of the schema `base` with a field `make(declaration)` for each of `declarations`
    (directory/organisation_fields.py), in their order and named as they are. Where `make` returns None,
    the schema deriving from the result must declare the field itself: it then takes the declaration's
    place (a schema that forgets it fails when it is made)."""
    made = {field.name: make(field) or _DeclaredBySchema() for field in declarations}
    return type(f"Declared{base.__name__}", (base,), {"__module__": base.__module__, **made})


def too_long(limit):
    """The forms' and the API's message for text over `limit` characters."""
    return Message("Use at most %(limit)s characters.", limit=limit)


# Every sentence above, for the test that each has its Thai translation.
MESSAGES = (CHOOSE_PROVINCE, CHOOSE_TYPE, CHOOSE_ISSUE_AREAS, EXPECTED_LIST, BAD_URL, BAD_EMAIL, BAD_PHONE_NUMBER,
            BAD_YEAR, CHOOSE_DISTRICT, DISTRICT_ELSEWHERE, too_long(0).msgid)


class MaxLength(validate.Length):
    """validate.Length(max=limit) (so the OpenAPI document says maxLength) whose message is in the schema's
    voice: `message(limit)`, or `message` itself when it is a sentence rather than a function."""

    def __init__(self, limit, message=too_long):
        super().__init__(max=limit)
        self.message_for = message if callable(message) else lambda _limit: message

    def __call__(self, value):
        if value is not None and len(value) > self.max:
            raise ValidationError(self.message_for(self.max))
        return value


class _Saying:
    """A field whose messages may be Messages, said with the value's details (marshmallow's make_error
    and its validators' str.format would turn them into plain English)."""

    def make_error(self, key, **values):
        message = self.error_messages.get(key)
        if isinstance(message, Message):
            return ValidationError(Message(message.msgid, **values))
        return super().make_error(key, **values)

    def _checked(self, validator, value):
        """Run one of marshmallow's validators, saying its failure as this field's "invalid"."""
        try:
            return validator(value)
        except ValidationError:
            raise self.make_error("invalid", value=value) from None


def _validators(kwargs, *more):
    given = kwargs.pop("validate", None)
    given = [] if given is None else [given] if callable(given) else list(given)
    return [*given, *more]


class Province(_Saying, fields.String):
    """A province as people type it: DOPA code ('91'), ISO code ('TH-91'), Thai or English name, with or
    without จ./จังหวัด, everyday forms and abbreviations (กทม., กรุงเทพฯ): loads its DOPA code."""

    default_error_messages = {"unknown": CHOOSE_PROVINCE}

    def __init__(self, **kwargs):
        kwargs.setdefault("metadata", {"description": "DOPA code ('91'), ISO code, Thai or English name."})
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        place = gazetteer().province(text)
        if place is None:
            raise self.make_error("unknown", value=text.strip())
        return place.code


class Text(fields.String):
    """Text of at most `limit` characters (any length when None), over which it says `too_long_message`:
    a sentence, or a function of the limit. Unless it is required, a value left out loads None."""

    def __init__(self, limit=None, too_long_message=too_long, **kwargs):
        if not kwargs.get("required"):
            kwargs.setdefault("load_default", None)
        checks = () if limit is None else (MaxLength(limit, too_long_message),)
        super().__init__(validate=_validators(kwargs, *checks), **kwargs)


class DistrictText(fields.String):
    """A district as typed (name with or without อ./เขต, or code), read against its province by
    district_in once the province is known; at most DISTRICT_TEXT_LENGTH characters."""

    def __init__(self, too_long_message=too_long, **kwargs):
        super().__init__(validate=_validators(kwargs, MaxLength(DISTRICT_TEXT_LENGTH, too_long_message)), **kwargs)


def district_in(text, province_code):
    """(district code, None) for `text` read as a district of the province, or (None, the PlaceProblem):
    its kind is "elsewhere" (a district of another province), "ambiguous" or "unknown"."""
    resolution = gazetteer().resolve(province=province_code, district=str(text))
    problem = resolution.problems.get("district")
    return (None, problem) if problem else (resolution.district_code, None)


def district_problem(text, province_code, messages):
    """The schema's message for a district not in the province, from `messages` keyed by the problem's
    kind ("unknown" for any kind not given); None when the district is one of the province's."""
    _code, problem = district_in(text, province_code)
    if problem is None:
        return None
    return messages.get(problem.kind, messages["unknown"])


class _Choice(_Saying):
    """A row of a short reference list named by slug, Thai or English name (spaces, case, dots ignored)."""

    model = None

    def _known(self):
        references = getattr(self.parent, "references", None)  # the import loads them once per file
        if references is not None:
            return getattr(references, self.references_name)
        return by_every_name(db.session.scalars(sa.select(self.model)))

    def _find(self, text, known):
        return known.get(normalise(text))

    def _unknown(self, text, known):
        slugs = sorted({row.slug for row in known.values()})
        return self.make_error("unknown", value=text.strip(), accepted=joined(slugs))


class OrganisationTypeField(_Choice, fields.Field):
    """An organisation type by slug (the forms' select sends it), Thai or English name: loads the
    OrganisationType."""

    model, references_name = OrganisationType, "types"
    default_error_messages = {"invalid": CHOOSE_TYPE, "unknown": CHOOSE_TYPE}

    def __init__(self, **kwargs):
        kwargs.setdefault("metadata", {"type": "string",
                                       "description": "The type's slug (see /api/v1/organisation-types)."})
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, (str, int)):
            raise self.make_error("invalid")
        known = self._known()
        found = self._find(str(value), known)
        if found is None:
            raise self._unknown(str(value), known)
        return found


class IssueAreasField(_Choice, fields.List):
    """Issue areas by slug, Thai or English name: a list, or with `separator` one text (a spreadsheet
    cell 'elderly-care; สิ่งแวดล้อม'). Loads the IssueAreas in the order given, each once.

    A fixed sentence for "unknown" is said once; a Message is said for each unknown name.
    """

    model, references_name = IssueArea, "issue_areas"
    default_error_messages = {"invalid": EXPECTED_LIST, "unknown": CHOOSE_ISSUE_AREAS}

    def __init__(self, separator=None, **kwargs):
        self.separator = separator
        kwargs.setdefault("metadata", {"description": "Slugs of issue areas (see /api/v1/issue-areas)."})
        super().__init__(fields.String(), **kwargs)  # a List, so that forms send every ticked box

    def _deserialize(self, value, attr, data, **kwargs):
        if self.separator is not None and isinstance(value, (str, int)):
            value = str(value).split(self.separator)
        if not isinstance(value, (list, tuple)):
            raise self.make_error("invalid")
        known, found, unknown = self._known(), [], []
        for name in value:
            if not isinstance(name, str):
                raise self.make_error("unknown", value=str(name), accepted="")
            if not name.strip():
                continue
            area = self._find(name, known)
            if area is None:
                unknown.append(self._unknown(name, known).messages[0])
            elif area not in found:
                found.append(area)
        if unknown:
            raise ValidationError(unknown if isinstance(self.error_messages["unknown"], Message) else unknown[:1])
        return found


class WebAddress(_Saying, fields.Url):
    """An http(s) address; "www.example.org" is taken to mean https://www.example.org."""

    default_error_messages = {"invalid": BAD_URL}

    def __init__(self, limit=None, too_long_message=too_long, **kwargs):
        kwargs.setdefault("allow_none", True)
        validators = _validators(kwargs, MaxLength(limit or organisation_limit("website"), too_long_message))
        super().__init__(schemes={"http", "https"}, require_tld=True, validate=validators, **kwargs)
        self._is_url = self.validators.pop(0)  # checked in _deserialize, so that a Message keeps its msgid

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            value = value.strip()
            if not _HAS_SCHEME.match(value):
                value = f"https://{value}"
        return self._checked(self._is_url, super()._deserialize(value, attr, data, **kwargs))


class Email(_Saying, fields.Email):
    """An email address, at most as long as the organisations' column (254, the most SMTP carries)."""

    default_error_messages = {"invalid": BAD_EMAIL}

    def __init__(self, limit=None, too_long_message=too_long, **kwargs):
        validators = _validators(kwargs, MaxLength(limit or organisation_limit("email"), too_long_message))
        super().__init__(validate=validators, **kwargs)
        self._is_email = self.validators.pop(0)  # checked in _deserialize, so that a Message keeps its msgid

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value.strip() if isinstance(value, str) else value, attr, data, **kwargs)
        return self._checked(self._is_email, text)


def phone_number(text):
    """A telephone number to call, without its separators ('+66812345678'); None if `text` is not one
    (9 to 15 digits, Thai digits read as Latin ones)."""
    number = _PHONE_SEPARATORS.sub("", str(text).translate(THAI_DIGITS))
    return number if _PHONE_NUMBER.fullmatch(number) else None


class Phone(_Saying, fields.String):
    """A telephone number. Listed (the default): as typed on one line (several numbers, an extension),
    Thai digits read as Latin ones, at most the organisations' column. With `number=True`, one number
    to call, loaded without its separators (phone_number)."""

    default_error_messages = {"not_a_number": BAD_PHONE_NUMBER}

    def __init__(self, number=False, limit=None, too_long_message=too_long, **kwargs):
        self.number = number
        validators = _validators(kwargs, MaxLength(limit or organisation_limit("phone"), too_long_message))
        super().__init__(validate=validators, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = _SPACES.sub(" ", super()._deserialize(value, attr, data, **kwargs).translate(THAI_DIGITS)).strip()
        if not self.number:
            return text
        number = phone_number(text)
        if number is None:
            raise self.make_error("not_a_number", value=text)
        return number


class Year(_Saying, fields.Integer):
    """A year of the Common Era, or of the Buddhist Era as Thai people write it (2553 is 2010), from
    `earliest` to `latest` (a number, a function of the schema, or by default this year in Thailand).
    Thai digits are read as Latin ones."""

    default_error_messages = {"invalid": BAD_YEAR, "too_large": BAD_YEAR, "range": BAD_YEAR}

    def __init__(self, earliest, latest=None, **kwargs):
        super().__init__(strict=False, **kwargs)
        self.earliest, self.latest = earliest, latest

    def latest_year(self):
        if self.latest is None:
            return clock.today().year
        return self.latest(self.parent) if callable(self.latest) else self.latest

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            value = value.strip().translate(THAI_DIGITS)
        latest = self.latest_year()
        year = common_era(super()._deserialize(value, attr, data, **kwargs), self.earliest, latest)
        if not self.earliest <= year <= latest:
            raise self.make_error("range", value=value, earliest=self.earliest, latest=latest,
                            earliest_be=self.earliest + BUDDHIST_ERA_OFFSET, latest_be=latest + BUDDHIST_ERA_OFFSET)
        return year
