"""The application to an event: one schema for the public form and for POST /api/v1/.../applications.

Messages are fixed English sentences with Thai in messages.po (the form macros translate them; the
API returns them as they are). Field names are the form's input names and the API's JSON keys.

Blank or space-only text counts as not given: a required field is then missing, an optional one is
cleared (None), which is how the update form empties an optional field. A year of birth in the
Buddhist Era (as most Thai applicants write it, e.g. 2544) is taken as the Gregorian year (2001).
"""
import sqlalchemy as sa
from marshmallow import (
    RAISE,
    Schema,
    ValidationError,
    fields,
    post_load,
    pre_load,
    validate,
    validates,
    validates_schema,
)

from directory.extensions import db
from directory.models import IssueArea
from directory.models.public_ids import PUBLIC_ID_PATTERN
from directory.schemas.common import OutputSchema
from directory.schemas.fields import BAD_PHONE_NUMBER as INVALID_PHONE
from directory.schemas.fields import Phone, Province, Year
from directory.services.platform import clock
from directory.services.programme.applications import MEDIA_SKILLS, is_minor

REQUIRED = "This field is required."
TOO_LONG = "Please shorten this text."
NOT_TEXT = "Please enter text here."
INVALID_EMAIL = "This is not a valid email address."
INVALID_YEAR = "Please enter your year of birth, for example 2001 or 2544."
UNKNOWN_PROVINCE = "Please choose a province from the list."
UNKNOWN_ISSUE_AREA = "Please choose issue areas from the list."
NO_ISSUE_AREA = "Please choose at least one issue area."
UNKNOWN_SKILL = "Please choose media skills from the list."
OTHER_SKILL_MISSING = "Please tell us which other media skill you have."
NOT_A_LIST = "Please choose from the list."
NOT_A_CHECKBOX = "Please tick or untick this box."
UNKNOWN_FIELD = "This field is not part of the application form."
PROCESSING_CONSENT_MISSING = "You can apply only if you agree to the processing of your data for this event."
GUARDIAN_NAME_MISSING = "An applicant under 20 needs the name of a parent or guardian."
GUARDIAN_CONTACT_MISSING = "An applicant under 20 needs the phone or email of a parent or guardian."
GUARDIAN_CONSENT_MISSING = "An applicant under 20 needs the consent of a parent or guardian."
DUPLICATE_EMAIL = "There is already an application with this email address for this event."

EARLIEST_BIRTH_YEAR = 1900


def _text(max_length, required=False):
    return fields.String(required=required, allow_none=not required,
                         validate=validate.Length(max=max_length, error=TOO_LONG),
                         error_messages={"required": REQUIRED, "invalid": NOT_TEXT, "null": REQUIRED})


def _consent():
    return fields.Boolean(load_default=False, error_messages={"invalid": NOT_A_CHECKBOX, "null": NOT_A_CHECKBOX})


def guardian_errors(values, reference_year):
    """The messages for an under-20 applicant without a guardian's name, contact or consent."""
    if not is_minor(values.get("birth_year"), reference_year):
        return {}
    missing = {"guardian_name": GUARDIAN_NAME_MISSING, "guardian_contact": GUARDIAN_CONTACT_MISSING,
               "consent_guardian": GUARDIAN_CONSENT_MISSING}
    return {name: [message] for name, message in missing.items() if not values.get(name)}


class ApplicationSchema(Schema):
    """What an applicant sends. `reference_year` is the event's year, by which an applicant's age counts.

    With partial=True (the private link's update form) only the fields sent are checked and changed,
    and the processing consent, already given, is not asked again.
    """

    class Meta:
        unknown = RAISE

    error_messages = {"unknown": UNKNOWN_FIELD, "type": NOT_A_LIST}

    full_name = _text(200, required=True)
    nickname = _text(100)
    email = fields.Email(required=True, validate=validate.Length(max=254, error=TOO_LONG),
                         error_messages={"required": REQUIRED, "invalid": INVALID_EMAIL, "null": REQUIRED})
    phone = Phone(number=True, required=True, error_messages={
        "required": REQUIRED, "invalid": NOT_TEXT, "null": REQUIRED, "not_a_number": INVALID_PHONE})
    line_id = _text(100)
    # By the event's year: an applicant is born by then.
    birth_year = Year(EARLIEST_BIRTH_YEAR, lambda schema: schema.reference_year, required=True, error_messages={
        "invalid": INVALID_YEAR, "too_large": INVALID_YEAR, "range": INVALID_YEAR, "required": REQUIRED,
        "null": REQUIRED})
    province = Province(required=True, error_messages={"required": REQUIRED, "invalid": UNKNOWN_PROVINCE,
                                                       "unknown": UNKNOWN_PROVINCE, "null": REQUIRED})
    occupation = _text(200, required=True)
    interests = fields.List(fields.String(error_messages={"invalid": UNKNOWN_ISSUE_AREA}), required=True,
                            error_messages={"required": NO_ISSUE_AREA, "invalid": NOT_A_LIST, "null": NO_ISSUE_AREA})
    media_skills = fields.List(
        fields.String(validate=validate.OneOf(MEDIA_SKILLS, error=UNKNOWN_SKILL),
                      error_messages={"invalid": UNKNOWN_SKILL}),
        load_default=list, error_messages={"invalid": NOT_A_LIST, "null": NOT_A_LIST})
    other_skill = _text(200)
    motivation = _text(3000, required=True)
    health_notes = _text(2000)
    guardian_name = _text(200)
    guardian_contact = _text(254)
    consent_processing = _consent()
    consent_share_with_host = _consent()
    consent_health_notes = _consent()
    consent_publish_name = _consent()
    consent_guardian = _consent()

    def __init__(self, *args, reference_year=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.reference_year = reference_year or clock.today().year

    @pre_load
    def blank_is_not_given(self, data, **_):
        """Strip text; blank required text is missing, blank optional text is None; emails are lowercased."""
        if not isinstance(data, dict):
            return data
        cleaned = {}
        for name, value in data.items():
            if isinstance(value, str):
                value = value.strip()
                if not value:
                    field = self.fields.get(name)
                    if field is not None and not field.required and isinstance(field, fields.String):
                        cleaned[name] = None
                    continue
                if name == "email":
                    value = value.lower()
            elif isinstance(value, list):
                value = [item.strip() if isinstance(item, str) else item for item in value]
                value = [item for item in value if item != ""]
            cleaned[name] = value
        return cleaned

    @validates("interests")
    def issue_areas_exist(self, value, **_):
        if not value:
            raise ValidationError(NO_ISSUE_AREA)
        known = set(db.session.scalars(sa.select(IssueArea.slug).where(IssueArea.slug.in_(set(value)))))
        if set(value) - known:
            raise ValidationError(UNKNOWN_ISSUE_AREA)

    @validates_schema(skip_on_field_errors=False)
    def whole_application(self, data, partial=False, **_):
        errors = {}
        if not partial and not data.get("consent_processing"):
            errors["consent_processing"] = [PROCESSING_CONSENT_MISSING]
        if "other" in (data.get("media_skills") or ()) and not data.get("other_skill"):
            errors["other_skill"] = [OTHER_SKILL_MISSING]
        if not partial:
            errors.update(guardian_errors(data, self.reference_year))
        if errors:
            raise ValidationError(errors)

    @post_load
    def tidy(self, data, **_):
        """Each chosen issue area and skill once, in the order given (the phone is loaded without separators)."""
        for name in ("interests", "media_skills"):
            if name in data:
                data[name] = list(dict.fromkeys(data[name]))
        return data


class ApplicationEventPathSchema(Schema):
    """The event in POST /api/v1/events/<public_id>/applications."""

    public_id = fields.String(required=True, validate=validate.Regexp(PUBLIC_ID_PATTERN))


class ApplicationWindowErrorSchema(OutputSchema):
    """A 409: the event takes no applications today."""

    error = fields.String(metadata={"description": "Why, in English."})
    status = fields.Integer(metadata={"description": "Always 409."})
    window = fields.String(metadata={"description": "'not_yet' or 'closed' (in Bangkok time)."})


class ApplicationReceiptSchema(Schema):
    """The answer to an accepted application: its status and the applicant's private link."""

    status = fields.String(required=True, metadata={"description": "Always 'submitted'."})
    private_link = fields.String(required=True, metadata={
        "description": "The applicant's private page (status, details, withdrawal); shown only this once."})
