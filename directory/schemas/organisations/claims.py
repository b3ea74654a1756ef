"""Forms of claims, registrations, invitations and staff decisions.

Messages are fixed English sentences: the form macros translate them (their Thai is in messages.po).
Text fields are stripped; a required one left blank gets the same message as one left out.
"""
from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, pre_load, validate, validates_schema

from directory.models import ClaimKind, ClaimStatus, OrganisationClaim
from directory.organisation_fields import REGISTRATION_FIELDS

# The account forms' base and messages: one set of form sentences (and their Thai) for every account page.
from directory.schemas.accounts import INVALID_EMAIL, REQUIRED, TOO_LONG, email_field
from directory.schemas.accounts import AccountFormSchema as FormSchema
from directory.schemas.fields import (
    DistrictText,
    Email,
    OrganisationTypeField,
    Phone,
    Province,
    Text,
    WebAddress,
    district_in,
    district_problem,
    with_declared_fields,
)

JUSTIFICATION_LENGTH = 2000
CHOOSE_PROVINCE = "Choose a province from the list."
CHOOSE_TYPE = "Choose a type from the list."
NO_SUCH_DISTRICT = "There is no district of that name in the chosen province."
DISTRICT_MESSAGES = {"ambiguous": "Several districts of this province have that name: give its code.",
                     "unknown": NO_SUCH_DISTRICT}


class ClaimContactMixin(Schema):
    """Why the person should edit the listing, and someone at the organisation staff can ask."""

    justification = Text(JUSTIFICATION_LENGTH, TOO_LONG, required=True, error_messages={"required": REQUIRED})
    contact_name = Text(OrganisationClaim.__table__.c.contact_name.type.length, TOO_LONG, required=True,
                        error_messages={"required": REQUIRED})
    contact_detail = Text(OrganisationClaim.__table__.c.contact_detail.type.length, TOO_LONG, required=True,
                          error_messages={"required": REQUIRED})


class ClaimSchema(FormSchema, ClaimContactMixin):
    """The claim form: returns {justification, contact_name, contact_detail}."""


def _registration_field(declared):
    """The input of a field asked for at registration (organisation_fields.REGISTRATION_FIELDS), by its
    kind; None for the fields RegistrationSchema declares itself."""
    data_key = {"data_key": declared.key} if declared.key else {}
    match declared.kind:
        case "name" | "text" | "long_text":
            # Over the column's limit it says what the edit form says (fields.too_long).
            return Text(declared.limit, required=declared.required, error_messages={"required": REQUIRED}, **data_key)
        case "phone":
            return Phone(limit=declared.limit, load_default=None, allow_none=True, **data_key)
        case "email":
            return Email(limit=declared.limit, load_default=None, error_messages={"invalid": INVALID_EMAIL},
                         **data_key)
        case "url":
            return WebAddress(declared.limit, load_default=None, **data_key)
    return None


class RegistrationSchema(with_declared_fields(FormSchema, REGISTRATION_FIELDS, _registration_field),
                         ClaimContactMixin):
    """A new organisation's minimal fields (organisation_fields.REGISTRATION_FIELDS) plus the claim's:
    loads {"organisation": values, "claim": values, "not_a_duplicate": bool}.

    `organisation` holds what services.organisations.create_organisation takes.
    """

    type = OrganisationTypeField(load_default=None, error_messages={"unknown": CHOOSE_TYPE, "invalid": CHOOSE_TYPE})
    province_code = Province(data_key="province", required=True,
                             error_messages={"required": REQUIRED, "unknown": CHOOSE_PROVINCE})
    district_code = DistrictText(data_key="district", load_default=None, allow_none=True)
    # Ticked after the form warned of an organisation with the same name in the same district.
    not_a_duplicate = fields.Boolean(load_default=False)

    @validates_schema(skip_on_field_errors=False)
    def check_district(self, data, **_):
        """Checked with the other fields, so every mistake of the form shows at once."""
        if data.get("district_code") and "province_code" in data:
            problem = district_problem(data["district_code"], data["province_code"], DISTRICT_MESSAGES)
            if problem:
                raise ValidationError(problem, "district")

    @post_load
    def split(self, data, **_):
        district = data["district_code"]
        data["district_code"] = district_in(district, data["province_code"])[0] if district else None
        claim = {name: data.pop(name) for name in ("justification", "contact_name", "contact_detail")}
        return {"organisation": data, "claim": claim, "not_a_duplicate": data.pop("not_a_duplicate")}


class InvitationSchema(FormSchema):
    email = email_field()


class DecisionSchema(FormSchema):
    """A staff decision on a claim: approve or reject, with an optional note sent to the requester."""

    decision = fields.String(required=True, validate=validate.OneOf(("approve", "reject"),
                                                                    error="Choose approve or reject."),
                             error_messages={"required": "Choose approve or reject."})
    note = Text(JUSTIFICATION_LENGTH, TOO_LONG)


class ClaimQueueQuerySchema(Schema):
    """The queue's query string; other parameters (lang) belong to the page."""

    class Meta:
        unknown = EXCLUDE

    kind = fields.String(load_default=None, validate=validate.OneOf([k.value for k in ClaimKind]))
    status = fields.String(load_default=ClaimStatus.PENDING.value,
                           validate=validate.OneOf([s.value for s in ClaimStatus] + ["all"]))

    @pre_load
    def blank_is_missing(self, data, **_):
        return {name: value for name, value in data.items() if value != ""}

    @post_load
    def to_enums(self, data, **_):
        return {"kind": ClaimKind(data["kind"]) if data["kind"] else None,
                "status": None if data["status"] == "all" else ClaimStatus(data["status"])}
