"""Editing an organisation's public profile (its editors and staff): the web form.

The API's PATCH (blueprints/api/edits.py) takes the same schema and calls the same service.
"""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_required
from marshmallow import ValidationError

from directory.blueprints.account import account
from directory.blueprints.forms import form_data
from directory.extensions import db
from directory.organisation_fields import EDITOR_FIELDS
from directory.presentation import localized, sorted_by_name, year_as_typed
from directory.schemas.organisations.edit import OrganisationEditSchema
from directory.services.organisations.logos import LogoError, read_logo
from directory.services.organisations.permissions import editable_organisation
from directory.services.organisations.profile_edits import StaleEdit, edit_organisation_profile
from directory.services.places.reference import reference

# The form's fields by their input names: the template reads each one's limit here, not a number of its own.
FORM_FIELDS = {field.data_key: field for field in EDITOR_FIELDS}


def _editable(public_id, user):
    organisation, refusal = editable_organisation(public_id, user)
    if refusal:
        abort(refusal)
    return organisation


@account.route("/organisations/<public_id>/edit", methods=["GET", "POST"])
@login_required
def edit_organisation(public_id):
    organisation = _editable(public_id, current_user)
    if request.method == "GET":
        return _form_page(organisation, _values_of(organisation))

    schema = OrganisationEditSchema(organisation)
    data = form_data(schema)
    data.setdefault("issue_areas", [])  # no box ticked sends no value at all
    values, errors = _load(schema, data)
    logo = None
    upload = request.files.get("logo")
    if upload is not None and upload.filename:
        try:
            logo = read_logo(upload.stream)
        except LogoError as error:
            errors["logo"] = [str(error)]
    if errors:
        return _form_page(organisation, data, errors), 400

    try:
        changes = edit_organisation_profile(organisation, values, editor=current_user, logo=logo,
                                            expected_version=values.pop("version"))
    except StaleEdit as stale:
        db.session.rollback()
        organisation = _editable(public_id, current_user)
        return _form_page(organisation, _values_of(organisation), stale=str(stale)), 409
    db.session.commit()
    if changes:
        flash(gettext("The organisation's profile was saved."), "success")
    else:
        flash(gettext("Nothing was changed."), "success")
    if organisation.is_published:
        return redirect(url_for("public.organisation", public_id=organisation.public_id, slug=organisation.slug))
    return redirect(url_for("account.edit_organisation", public_id=organisation.public_id))


def _load(schema, data):
    try:
        return schema.load(data), {}
    except ValidationError as error:
        return None, dict(error.messages)


def _values_of(organisation):
    """The form's fields (organisation_fields.EDITOR_FIELDS, by their form names) as the organisation
    stands, and the version they are."""
    return {"version": organisation.version,
            **{field.data_key: _as_typed(field, organisation) for field in EDITOR_FIELDS}}


def _as_typed(field, organisation):
    """A field's value as its input holds it. An approximate position shows blank: it is the district's
    centre, and saving the form unchanged must keep it so."""
    value = getattr(organisation, field.name)
    match field.kind:
        case "type":
            return value.slug if value else None
        case "issue_areas":
            return [area.slug for area in value]
        case "target_groups":
            return "\n".join(value or [])
        case "coordinate":
            return None if organisation.is_position_approximate else value
        case "year":
            return year_as_typed(value)
    return value


def _form_page(organisation, values, errors=None, stale=None):
    provinces = sorted_by_name(reference().provinces)
    types, issue_areas = reference().types, reference().issue_areas
    return render_template(
        "account/edit_organisation.html", organisation=organisation, values=values, errors=errors or {},
        stale=stale, provinces=provinces, fields=FORM_FIELDS,
        province_choices=[(province.code, localized(province, "name")) for province in provinces],
        type_choices=[(kind.slug, localized(kind, "name")) for kind in types],
        issue_area_choices=[(area.slug, localized(area, "name")) for area in issue_areas],
    )
