"""The queue of corrections visitors suggested, and staff decisions on them (the blueprint requires staff).

Applying checks the suggestion with the profile edit's schema against the profile as it is now; a value
it refuses is shown beside the suggestion, which stays pending.
"""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from marshmallow import ValidationError

from directory.blueprints.forms import load_form
from directory.blueprints.staff import staff
from directory.extensions import db
from directory.labels import choices
from directory.models import Correction, CorrectionStatus
from directory.presentation import localized
from directory.schemas.organisations.corrections import (
    CorrectionDecisionSchema,
    CorrectionQueueQuerySchema,
    proposed_change,
)
from directory.services.organisations import corrections
from directory.services.organisations.corrections import CorrectionError
from directory.services.organisations.profile_edits import StaleEdit

REFUSALS = {
    "already_decided": lazy_gettext("This suggestion was already decided; the list below is up to date."),
    "no_change": lazy_gettext("The profile already says this, so nothing was changed: dismiss the suggestion."),
    "stale": lazy_gettext("Someone saved this profile at the same moment. Look at the suggestion again and retry."),
}


@staff.get("/corrections", endpoint="corrections")
def corrections_queue():
    return _queue_page(CorrectionQueueQuerySchema().load(request.args))


def _queue_page(query, errors_for=None, errors=None, refusal=None, status=200):
    return render_template("staff/corrections.html", corrections=corrections.correction_queue(**query),
                           query=query, query_arguments=_query_arguments(query), errors_for=errors_for,
                           errors=errors or {}, refusal=REFUSALS.get(refusal), current_value=current_value,
                           status_choices=choices(CorrectionStatus) + [("all", gettext("All"))]), status


@staff.post("/corrections/<int:correction_id>/decision")
def decide_correction(correction_id):
    correction = db.session.get(Correction, correction_id) or abort(404)
    query = _query_or_default(request.args)
    if correction.status is not CorrectionStatus.PENDING:
        return _queue_page(query, refusal="already_decided", status=409)
    values, errors = load_form(CorrectionDecisionSchema())
    if not errors and values["decision"] == "apply":
        change, errors = proposed_change(correction.organisation, correction.field, correction.proposed_value)
    if errors:
        return _queue_page(query, errors_for=correction.id, errors=errors, status=400)
    by = current_user._get_current_object()
    try:
        if values["decision"] == "apply":
            corrections.apply_correction(correction, change, by=by, note=values["note"])
        else:
            corrections.dismiss_correction(correction, by=by, note=values["note"])
    except CorrectionError as refusal:
        db.session.rollback()
        return _queue_page(query, refusal=refusal.code, status=409)
    except StaleEdit:
        db.session.rollback()
        return _queue_page(query, refusal="stale", status=409)
    db.session.commit()
    name = localized(correction.organisation, "name")
    flash(gettext("Applied the correction to %(name)s; its editors are told by email.", name=name)
          if values["decision"] == "apply" else gettext("Dismissed the suggestion for %(name)s.", name=name),
          "success")
    return redirect(url_for("staff.corrections", **_query_arguments(query)))


def current_value(organisation, field):
    """What the profile says now, as its page shows it: places by name, one target group a line."""
    if field == "province_code":
        return localized(organisation.province, "name")
    if field == "district_code":
        return localized(organisation.district, "name") if organisation.district else None
    if field == "target_groups":
        return "\n".join(organisation.target_groups or []) or None
    value = getattr(organisation, field)
    return None if value is None else str(value)


def _query_arguments(query):
    """The queue's filter as query-string arguments: the decision forms post to the queue they came from."""
    if query["status"] is CorrectionStatus.PENDING:
        return {}
    return {"status": query["status"].value if query["status"] else "all"}


def _query_or_default(args):
    """The queue the decision was made from; a tampered query string falls back to the default queue."""
    try:
        return CorrectionQueueQuerySchema().load(args)
    except ValidationError:
        return CorrectionQueueQuerySchema().load({})
