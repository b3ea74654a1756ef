"""The queue of claims and registrations, and staff decisions on them (the blueprint requires staff)."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from marshmallow import ValidationError

from directory.blueprints.forms import load_form
from directory.blueprints.staff import staff
from directory.extensions import db
from directory.labels import choices
from directory.models import ClaimStatus, OrganisationClaim
from directory.presentation import localized
from directory.schemas.organisations.claims import ClaimQueueQuerySchema, DecisionSchema
from directory.services.organisations import claims
from directory.services.organisations.claims import ClaimError

REFUSALS = {"already_decided": lazy_gettext("This request was already decided; the list below is up to date.")}


@staff.get("/claims", endpoint="claims")
def claims_queue():
    return _queue_page(ClaimQueueQuerySchema().load(request.args))


def _queue_page(query, errors_for=None, errors=None, refusal=None, status=200):
    return render_template("staff/claims.html", claims=claims.claim_queue(**query), query=query,
                           query_arguments=_query_arguments(query), errors_for=errors_for, errors=errors or {},
                           refusal=REFUSALS.get(refusal),
                           status_choices=choices(ClaimStatus) + [("all", gettext("All"))]), status


@staff.post("/claims/<int:claim_id>/decision")
def decide_claim(claim_id):
    claim = db.session.get(OrganisationClaim, claim_id) or abort(404)
    query = _query_or_default(request.args)
    values, errors = load_form(DecisionSchema())
    if errors:
        return _queue_page(query, errors_for=claim.id, errors=errors, status=400)
    decide = claims.approve_claim if values["decision"] == "approve" else claims.reject_claim
    try:
        decide(claim, by=current_user, note=values["note"])
    except ClaimError as refusal:
        db.session.rollback()
        return _queue_page(query, refusal=refusal.code, status=409)
    db.session.commit()
    name = localized(claim.organisation, "name")
    flash(gettext("Approved the request for %(name)s; the requester is told by email.", name=name)
          if values["decision"] == "approve"
          else gettext("Rejected the request for %(name)s; the requester is told by email.", name=name), "success")
    return redirect(queue_url(query))


def queue_url(query):
    return url_for("staff.claims", **_query_arguments(query))


def _query_arguments(query):
    """Loaded queue values back as query-string arguments: the decision forms post to the queue they came from."""
    arguments = {}
    if query["kind"] is not None:
        arguments["kind"] = query["kind"].value
    if query["status"] is not ClaimStatus.PENDING:
        arguments["status"] = query["status"].value if query["status"] else "all"
    return arguments


def _query_or_default(args):
    """The queue the decision was made from; a tampered query string falls back to the default queue."""
    try:
        return ClaimQueueQuerySchema().load(args)
    except ValidationError:
        return ClaimQueueQuerySchema().load({})
