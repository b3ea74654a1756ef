"""The back office's forms for an event and for one of its hosts.

Every message is a fixed English sentence with its Thai in messages.po (the form macros translate
them). Blank inputs load as None. The date rules follow the programme's order: applications open,
close, the list is announced, the event runs, works are due.
"""

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, pre_load, validate, validates_schema

from directory.models.public_ids import PUBLIC_ID_PATTERN
from directory.schemas.fields import (
    BAD_EMAIL,
    CHOOSE_DISTRICT,
    CHOOSE_ISSUE_AREAS,
    CHOOSE_PROVINCE,
    DISTRICT_ELSEWHERE,
    DISTRICT_MESSAGES,
    DistrictText,
    Email,
    IssueAreasField,
    Phone,
    Province,
    district_in,
    district_problem,
)
from directory.services.programme.applications import MEDIA_SKILLS

REQUIRED = "This field is required."
UNKNOWN_FIELD = "This field is not part of the form."
BAD_DATE = "Enter a date as YYYY-MM-DD."
BAD_COUNT = "Enter a whole number, 0 or more."
BAD_ROUND = "Enter a whole number, 1 or more."
TOO_LONG_TEXT = "This text is too long."
NOT_A_CHECKBOX = "Tick or untick this box."
ENDS_BEFORE_START = "The last day cannot be before the first day."
END_WITHOUT_START = "Give the first day too."
HALF_A_WINDOW = "Give both the opening and the closing day of applications, or neither."
WINDOW_REVERSED = "Applications cannot close before they open."
WINDOW_AFTER_EVENT = "Applications must close before the event starts."
ANNOUNCE_BEFORE_CLOSE = "The list cannot be announced before applications close."
ANNOUNCE_AFTER_START = "The list must be announced by the first day of the event."
WORKS_BEFORE_END = "Works cannot be due before the event ends."
PERIOD_REVERSED = "The period cannot end before it starts."
MIN_ABOVE_MAX = "The minimum cannot be more than the maximum."
CHOOSE_ORGANISATION = "Choose an organisation from the list or give its id."
CHOOSE_SKILLS = "Choose media skills from the list."
MINIMUM_ABOVE_CAPACITY = "The minimum cannot be more than the capacity."

# Every message these schemas give, for the test that each has its Thai translation.
MESSAGES = (REQUIRED, UNKNOWN_FIELD, BAD_DATE, BAD_COUNT, BAD_ROUND, TOO_LONG_TEXT, NOT_A_CHECKBOX,
            ENDS_BEFORE_START, END_WITHOUT_START, HALF_A_WINDOW, WINDOW_REVERSED, WINDOW_AFTER_EVENT,
            ANNOUNCE_BEFORE_CLOSE, ANNOUNCE_AFTER_START, WORKS_BEFORE_END, PERIOD_REVERSED, MIN_ABOVE_MAX,
            CHOOSE_ORGANISATION, CHOOSE_SKILLS, MINIMUM_ABOVE_CAPACITY, BAD_EMAIL, CHOOSE_PROVINCE,
            CHOOSE_DISTRICT, DISTRICT_ELSEWHERE, CHOOSE_ISSUE_AREAS)


def _too_long(_limit):
    return TOO_LONG_TEXT


def _text(limit, required=False, **kwargs):
    return fields.String(required=required, allow_none=not required,
                         validate=validate.Length(max=limit, error=TOO_LONG_TEXT),
                         error_messages={"required": REQUIRED, "null": REQUIRED, "invalid": REQUIRED}, **kwargs)


def _date():
    return fields.Date(allow_none=True, load_default=None, error_messages={"invalid": BAD_DATE})


def _count(minimum=0, error=BAD_COUNT):
    return fields.Integer(allow_none=True, load_default=None, strict=False,
                          validate=validate.Range(min=minimum, error=error),
                          error_messages={"invalid": error})


def _checkbox():
    return fields.Boolean(load_default=False, error_messages={"invalid": NOT_A_CHECKBOX, "null": NOT_A_CHECKBOX})


class BlankIsNone(Schema):
    class Meta:
        unknown = RAISE

    error_messages = {"unknown": UNKNOWN_FIELD}

    @pre_load
    def blank_is_none(self, data, **_):
        """Strip text; a blank input is None, as an HTML form cannot send null."""
        if not isinstance(data, dict):
            return data
        return {key: (value.strip() or None) if isinstance(value, str) else value for key, value in data.items()}


class EventFormSchema(BlankIsNone):
    """An event as staff create or edit it -> values for services/event_admin (keyed by column names)."""

    round_number = _count(1, BAD_ROUND)
    title_th = _text(300, required=True)
    title_en = _text(300)
    description_th = _text(10000)
    description_en = _text(10000)
    province_code = Province(data_key="province", required=True,
                             error_messages={"required": REQUIRED, "null": REQUIRED})
    district_code = DistrictText(_too_long, data_key="district", allow_none=True,
                                 error_messages={"invalid": REQUIRED})
    venue_th = _text(300)
    venue_en = _text(300)
    starts_on = _date()
    ends_on = _date()
    applications_open_on = _date()
    applications_close_on = _date()
    announce_on = _date()
    works_due_on = _date()
    period_starts_on = _date()
    period_ends_on = _date()
    min_participants = _count()
    max_participants = _count()
    what_to_bring_th = _text(5000)
    what_to_bring_en = _text(5000)
    organiser_email = Email(allow_none=True, too_long_message=_too_long)
    organiser_phone = Phone(allow_none=True, too_long_message=_too_long, error_messages={"invalid": REQUIRED})
    organiser_line_id = _text(100)
    is_demo = _checkbox()

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def check_order(self, data, original_data, **_):
        errors = {}

        def add(name, message):
            errors.setdefault(name, []).append(message)

        get = data.get
        starts, ends, opens, closes = get("starts_on"), get("ends_on"), get("applications_open_on"), \
            get("applications_close_on")
        if ends and not starts and not str((original_data or {}).get("starts_on") or "").strip():  # else its own error
            add("starts_on", END_WITHOUT_START)
        if starts and ends and ends < starts:
            add("ends_on", ENDS_BEFORE_START)
        if bool(opens) != bool(closes):
            add("applications_close_on" if opens else "applications_open_on", HALF_A_WINDOW)
        if opens and closes and closes < opens:
            add("applications_close_on", WINDOW_REVERSED)
        if closes and starts and closes >= starts:
            add("applications_close_on", WINDOW_AFTER_EVENT)
        if get("announce_on") and closes and get("announce_on") < closes:
            add("announce_on", ANNOUNCE_BEFORE_CLOSE)
        if get("announce_on") and starts and get("announce_on") > starts:
            add("announce_on", ANNOUNCE_AFTER_START)
        last_day = ends or starts
        if get("works_due_on") and last_day and get("works_due_on") < last_day:
            add("works_due_on", WORKS_BEFORE_END)
        if get("period_starts_on") and get("period_ends_on") and get("period_ends_on") < get("period_starts_on"):
            add("period_ends_on", PERIOD_REVERSED)
        low, high = get("min_participants"), get("max_participants")
        if low is not None and high is not None and low > high:
            add("max_participants", MIN_ABOVE_MAX)
        district, province = get("district_code"), get("province_code")
        if district and province:
            problem = district_problem(district, province, DISTRICT_MESSAGES)
            if problem:
                errors["district"] = [problem]
        if errors:
            raise ValidationError(errors)

    @post_load
    def resolve_district(self, data, **_):
        if data.get("district_code"):
            data["district_code"], _problem = district_in(data["district_code"], data["province_code"])
        return data


class HostFormSchema(BlankIsNone):
    """A host's numbers and offer, as services/hosts takes them; `organisation` (a public id, from the
    select or typed) only when adding one."""

    organisation = fields.String(allow_none=True, load_default=None,
                                 validate=validate.Regexp(PUBLIC_ID_PATTERN, error=CHOOSE_ORGANISATION),
                                 error_messages={"invalid": CHOOSE_ORGANISATION})
    organisation_public_id = fields.String(allow_none=True, load_default=None, load_only=True,
                                           validate=validate.Regexp(PUBLIC_ID_PATTERN, error=CHOOSE_ORGANISATION),
                                           error_messages={"invalid": CHOOSE_ORGANISATION})
    capacity = fields.Integer(required=True, strict=False, validate=validate.Range(min=0, error=BAD_COUNT),
                              error_messages={"required": REQUIRED, "null": REQUIRED, "invalid": BAD_COUNT})
    minimum = fields.Integer(allow_none=True, load_default=0, strict=False,
                             validate=validate.Range(min=0, error=BAD_COUNT), error_messages={"invalid": BAD_COUNT})
    issue_areas = IssueAreasField(load_default=list)
    activities_th = _text(5000)
    activities_en = _text(5000)
    wanted_skills = fields.List(fields.String(validate=validate.OneOf(MEDIA_SKILLS, error=CHOOSE_SKILLS),
                                              error_messages={"invalid": CHOOSE_SKILLS}),
                                load_default=list, error_messages={"invalid": CHOOSE_SKILLS})

    def __init__(self, *args, adding=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.adding = adding

    @validates_schema(skip_on_field_errors=False)
    def check(self, data, **_):
        errors = {}
        if self.adding and not (data.get("organisation_public_id") or data.get("organisation")):
            errors["organisation"] = [CHOOSE_ORGANISATION]
        capacity, minimum = data.get("capacity"), data.get("minimum") or 0
        if capacity is not None and minimum > capacity:
            errors["minimum"] = [MINIMUM_ABOVE_CAPACITY]
        if errors:
            raise ValidationError(errors)

    @post_load
    def one_organisation(self, data, **_):
        typed = data.pop("organisation_public_id", None)
        chosen = data.pop("organisation", None)
        if self.adding:
            data["organisation"] = typed or chosen
        data["minimum"] = data.get("minimum") or 0  # a blank minimum is none
        data["wanted_skills"] = list(dict.fromkeys(data["wanted_skills"]))
        return data
