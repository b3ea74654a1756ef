"""The write API: an organisation's editors (and staff) change its profile.

The web form (blueprints/account/profile.py) uses the same schema, permission check and service.
"""
from flask import abort, jsonify, request
from marshmallow import ValidationError

from directory.blueprints.api import api
from directory.blueprints.api.auth import api_user
from directory.blueprints.api.openapi import documented
from directory.extensions import db
from directory.schemas.common import NoQuerySchema
from directory.schemas.organisations.edit import (
    NOT_AN_OBJECT,
    EditedOrganisationSchema,
    OrganisationEditSchema,
    StaleEditSchema,
)
from directory.schemas.organisations.output import OrganisationPathSchema
from directory.services.organisations.permissions import editable_organisation
from directory.services.organisations.profile_edits import StaleEdit, edit_organisation_profile

NOT_YOURS = "You are not an editor of this organisation."
NOT_FOUND = "There is no organisation with this id that you may edit."


@api.patch("/organisations/<public_id>")
@documented("Edit an organisation's profile", EditedOrganisationSchema, path=OrganisationPathSchema,
            body=OrganisationEditSchema, authenticated=True, errors=(
                ("403", "The organisation is published but you are not one of its editors.", "Error"),
                ("409", "Someone saved the organisation after the version you edited; nothing changed.",
                 StaleEditSchema),
            ))
def update_organisation(public_id):
    """Only the fields sent change; `version` (the version you edited) is required, and a newer one on
    the server is a 409 with the current organisation. Unknown fields, and fields only staff change
    (status, is_verified...), are refused with a 400. A draft you may not edit is a 404, a published
    one a 403. Answers the organisation as it now is, with its new version."""
    user = api_user()
    NoQuerySchema().load(request.args)
    organisation = _editable(public_id, user)
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ValidationError({"_schema": [NOT_AN_OBJECT]})
    values = OrganisationEditSchema(organisation).load(body)
    try:
        edit_organisation_profile(organisation, values, editor=user, expected_version=values.pop("version"))
    except StaleEdit as stale:
        db.session.rollback()
        current = _editable(public_id, user)
        return jsonify(StaleEditSchema().dump({"error": str(stale), "status": 409, "version": current.version,
                                               "organisation": current})), 409
    db.session.commit()
    return EditedOrganisationSchema().dump(organisation)


def _editable(public_id, user):
    try:
        public_id = OrganisationPathSchema().load({"public_id": public_id})["public_id"]
    except ValidationError:
        abort(404, description=NOT_FOUND)
    organisation, refusal = editable_organisation(public_id, user)
    if refusal:
        abort(refusal, description=NOT_YOURS if refusal == 403 else NOT_FOUND)
    return organisation
