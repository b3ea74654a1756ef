"""Forms of claims, registrations, invitations and staff decisions.

Messages are fixed English sentences: the form macros translate them (their Thai is in messages.po).
Text fields are stripped; a required one left blank gets the same message as one left out.
"""
from marshmallow import (EXCLUDE, Schema, ValidationError, fields, post_load, pre_load, validate,
                         validates_schema)

from directory.extensions import db
from directory.models import ClaimKind, ClaimStatus, Organisation, OrganisationClaim, OrganisationType
# The account forms' base and messages: one set of form sentences (and their Thai) for every account page.
from directory.schemas.accounts import INVALID_EMAIL, REQUIRED, TOO_LONG, email_field
from directory.schemas.accounts import AccountFormSchema as FormSchema
from directory.services.places import gazetteer

JUSTIFICATION_LENGTH = 2000


def _column_length(model, column):
    return model.__table__.c[column].type.length


def text(max_length=None, required=False, **kwargs):
    """A text field: blank is missing; over max_length is refused with one fixed message."""
    checks = [validate.Length(max=max_length, error=TOO_LONG)] if max_length else []
    if required:
        return fields.String(required=True, validate=checks, error_messages={"required": REQUIRED}, **kwargs)
    return fields.String(load_default=None, allow_none=True, validate=checks, **kwargs)


class ClaimContactMixin(Schema):
    """Why the person should edit the listing, and someone at the organisation staff can ask."""

    justification = text(JUSTIFICATION_LENGTH, required=True)
    contact_name = text(_column_length(OrganisationClaim, "contact_name"), required=True)
    contact_detail = text(_column_length(OrganisationClaim, "contact_detail"), required=True)


class ClaimSchema(FormSchema, ClaimContactMixin):
    """The claim form: returns {justification, contact_name, contact_detail}."""


class ProvinceCode(fields.String):
    """A province by code (what the form's select sends), Thai or English name; loads its code."""

    default_error_messages = {"unknown": "Choose a province from the list."}

    def _deserialize(self, value, attr, data, **kwargs):
        place = gazetteer().province(super()._deserialize(value, attr, data, **kwargs))
        if place is None:
            raise self.make_error("unknown")
        return place.code


class TypeBySlug(fields.String):
    default_error_messages = {"unknown": "Choose a type from the list."}

    def _deserialize(self, value, attr, data, **kwargs):
        slug = super()._deserialize(value, attr, data, **kwargs)
        found = db.session.scalar(db.select(OrganisationType).filter_by(slug=slug))
        if found is None:
            raise self.make_error("unknown")
        return found


class RegistrationSchema(FormSchema, ClaimContactMixin):
    """A new organisation's minimal fields plus the claim's: loads {"organisation": values, "claim": values,
    "not_a_duplicate": bool}.

    `organisation` holds what services.organisations.create_organisation takes.
    """

    name_th = text(_column_length(Organisation, "name_th"), required=True)
    name_en = text(_column_length(Organisation, "name_en"))
    type = TypeBySlug(load_default=None)
    province_code = ProvinceCode(data_key="province", required=True, error_messages={"required": REQUIRED})
    district = text(100)
    description_th = text(10_000)
    phone = text(_column_length(Organisation, "phone"))
    email = fields.Email(load_default=None, validate=validate.Length(max=_column_length(Organisation, "email"),
                                                                     error=TOO_LONG),
                         error_messages={"invalid": INVALID_EMAIL})
    website = text(_column_length(Organisation, "website"))
    # Ticked after the form warned of an organisation with the same name in the same district.
    not_a_duplicate = fields.Boolean(load_default=False)

    @validates_schema(skip_on_field_errors=False)
    def check_district(self, data, **_):
        """Checked with the other fields, so every mistake of the form shows at once."""
        if data.get("district") and "province_code" in data:
            self._district_code(data["district"], data["province_code"])

    @post_load
    def split(self, data, **_):
        district = data.pop("district")
        data["district_code"] = self._district_code(district, data["province_code"]) if district else None
        claim = {name: data.pop(name) for name in ("justification", "contact_name", "contact_detail")}
        return {"organisation": data, "claim": claim, "not_a_duplicate": data.pop("not_a_duplicate")}

    @staticmethod
    def _district_code(text_given, province_code):
        resolution = gazetteer().resolve(province=province_code, district=text_given)
        problem = resolution.problems.get("district")
        if problem and problem.kind == "ambiguous":
            raise ValidationError("Several districts of this province have that name: give its code.", "district")
        if problem:
            raise ValidationError("There is no district of that name in the chosen province.", "district")
        return resolution.district_code


class InvitationSchema(FormSchema):
    email = email_field()


class DecisionSchema(FormSchema):
    """A staff decision on a claim: approve or reject, with an optional note sent to the requester."""

    decision = fields.String(required=True, validate=validate.OneOf(("approve", "reject"),
                                                                    error="Choose approve or reject."),
                             error_messages={"required": "Choose approve or reject."})
    note = text(JUSTIFICATION_LENGTH)


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
