"""Corrections a visitor suggests to a profile, and staff decisions on them.

The proposed value is checked by the profile edit's own schema (schemas/organisations/edit.py), when it
is suggested and again when staff apply it: a correction can only ever set what an editor could.

Messages are fixed English sentences: the form macros translate them (their Thai is in messages.po).
"""
from marshmallow import (
    EXCLUDE,
    Schema,
    ValidationError,
    fields,
    post_load,
    pre_load,
    validate,
    validates,
    validates_schema,
)

from directory.models import CorrectionStatus
from directory.organisation_fields import EDITOR_FIELDS
from directory.schemas.accounts import REQUIRED, TOO_LONG
from directory.schemas.accounts import AccountFormSchema as FormSchema
from directory.schemas.fields import Text, phone_number
from directory.schemas.organisations.edit import MAX_DESCRIPTION, OrganisationEditSchema

# The fields editors set (organisation_fields), less those one line of a visitor's text cannot set: the type
# and issue areas are codes chosen from lists, and a position is two numbers that go together. Staff change
# those themselves when a note asks for it.
CORRECTABLE_FIELDS = tuple(field.name for field in EDITOR_FIELDS
                           if field.kind not in ("type", "issue_areas", "coordinate"))
MAX_NOTE = 2000
MAX_CONTACT = 254
HONEYPOT = "homepage"

CHOOSE_FIELD = "Choose what is wrong from the list."
BAD_CONTACT = "Give an email address or a telephone number, or leave this blank."
CHOOSE_DECISION = "Choose apply or dismiss."
MESSAGES = (CHOOSE_FIELD, BAD_CONTACT, CHOOSE_DECISION)


class CorrectionSchema(FormSchema):
    """The public form -> {field, proposed_value, note, contact}.

    HONEYPOT names a field hidden from people, which form-filling robots fill in: the view checks it
    before this schema and, when filled, says thank you and stores nothing.
    """

    field = fields.String(required=True, validate=validate.OneOf(CORRECTABLE_FIELDS, error=CHOOSE_FIELD),
                          error_messages={"required": CHOOSE_FIELD})
    # No longer than the longest a profile field takes; each field's own limit is checked in fits_the_profile.
    proposed_value = Text(MAX_DESCRIPTION, required=True, error_messages={"required": REQUIRED})
    note = Text(MAX_NOTE, TOO_LONG)
    contact = Text(MAX_CONTACT, TOO_LONG)
    homepage = fields.String(load_default=None, data_key=HONEYPOT)

    def __init__(self, organisation, **kwargs):
        super().__init__(**kwargs)
        self.organisation = organisation

    @validates("contact")
    def email_or_telephone(self, value, **_):
        if value is None:
            return
        if "@" in value:
            try:
                validate.Email()(value)
            except ValidationError:
                raise ValidationError(BAD_CONTACT) from None
        elif phone_number(value) is None:
            raise ValidationError(BAD_CONTACT)

    @validates_schema(skip_on_field_errors=False)
    def fits_the_profile(self, data, **_):
        """What the edit form would say of the value, under the proposed value (once the field is known)."""
        if "field" in data and "proposed_value" in data:
            _values, errors = proposed_change(self.organisation, data["field"], data["proposed_value"])
            if errors:
                raise ValidationError(errors)

    @post_load
    def without_the_honeypot(self, data, **_):
        data.pop("homepage", None)
        return data


def proposed_change(organisation, field, value):
    """The profile edit that sets `field` to `value` (text as typed), checked as an editor's would be:
    ({column: value, ...}, {}) to give services.profile_edits, or (None, {"proposed_value": messages}).

    An edit of one field may set others with it (a district sent alone moves the province too).
    """
    schema = OrganisationEditSchema(organisation)
    key = schema.fields[field].data_key or field
    try:
        values = schema.load({"version": organisation.version, key: value})
    except ValidationError as error:
        return None, {"proposed_value": error.messages.get(key, error.messages)}
    values.pop("version")
    return values, {}


class CorrectionDecisionSchema(FormSchema):
    """A staff decision: apply the suggestion to the profile, or dismiss it; an optional note for staff."""

    decision = fields.String(required=True, validate=validate.OneOf(("apply", "dismiss"), error=CHOOSE_DECISION),
                             error_messages={"required": CHOOSE_DECISION})
    note = Text(MAX_NOTE, TOO_LONG)


class CorrectionQueueQuerySchema(Schema):
    """The queue's query string; other parameters (lang) belong to the page."""

    class Meta:
        unknown = EXCLUDE

    status = fields.String(load_default=CorrectionStatus.PENDING.value,
                           validate=validate.OneOf([s.value for s in CorrectionStatus] + ["all"]))

    @pre_load
    def blank_is_missing(self, data, **_):
        return {name: value for name, value in data.items() if value != ""}

    @post_load
    def to_enum(self, data, **_):
        return {"status": None if data["status"] == "all" else CorrectionStatus(data["status"])}
