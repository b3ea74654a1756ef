"""'Suggest a correction' on every published profile: no account needed; staff decide (staff/corrections.py).

The form is limited per client address (CORRECTION_LIMIT), counting the suggestions sent, and carries a
honeypot: a robot that fills it in is thanked like anyone else, and nothing is stored. The suggester's
contact goes to staff only: it is never put in a flash message, a log or a URL.
"""
from flask import current_app, redirect, render_template, request, url_for
from flask_babel import lazy_gettext

from directory.blueprints.attempt_limits import client_address
from directory.blueprints.forms import load_form
from directory.blueprints.lookups import organisation_or_404
from directory.blueprints.public import public
from directory.extensions import db, limiter
from directory.presentation import field_label
from directory.schemas.organisations.corrections import CORRECTABLE_FIELDS, HONEYPOT, CorrectionSchema
from directory.services.organisations.corrections import suggest_correction

TOO_MANY_CORRECTIONS = lazy_gettext("Too many suggestions from this address. Please try again later.")


def _sent(response):
    """Only suggestions sent (and the robots thanked) use up the limit, not a form sent back to be corrected."""
    return response.status_code == 303


@public.route("/organisations/<public_id>/correction", methods=["GET", "POST"], endpoint="suggest_correction")
@limiter.limit(lambda: current_app.config["CORRECTION_LIMIT"], key_func=client_address, methods=["POST"],
               error_message=TOO_MANY_CORRECTIONS, deduct_when=_sent)
def suggest_correction_page(public_id):
    organisation = organisation_or_404(public_id, published=True)
    errors = {}
    if request.method == "POST":
        thanks = redirect(url_for("public.correction_sent", public_id=organisation.public_id), 303)
        if request.form.get(HONEYPOT, "").strip():
            return thanks
        values, errors = load_form(CorrectionSchema(organisation))
        if not errors:
            suggest_correction(organisation, values)
            db.session.commit()
            return thanks  # post-redirect-get: a reload shows the thanks, never sends the suggestion again
    return render_template("public/correction.html", organisation=organisation, errors=errors,
                           form=request.form if errors else {},
                           field_choices=[(field, field_label(field)) for field in CORRECTABLE_FIELDS]), \
        400 if errors else 200


@public.get("/organisations/<public_id>/correction/sent")
def correction_sent(public_id):
    return render_template("public/correction_sent.html", organisation=organisation_or_404(public_id, published=True))
