"""The back office's organisations: the dashboard, the list, one record with its actions, and merging.

Every change goes through services/organisations/moderation.py (a revision each time; the search index follows).
A value outside the form's choices is a 400 that changes nothing; a refusal is a flash message.
"""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from sqlalchemy.orm import selectinload

from directory.blueprints.lookups import organisation_or_404
from directory.blueprints.staff import staff
from directory.extensions import db
from directory.labels import label
from directory.models import (
    ClaimKind,
    ClaimStatus,
    Organisation,
    OrganisationClaim,
    OrganisationStatus,
    User,
)
from directory.services.organisations.claims import editors_of
from directory.services.organisations.corrections import count_pending_corrections
from directory.services.organisations.moderation import (
    ModerationError,
    check_merge,
    duplicates_of,
    merge_organisations,
    set_organisation_status,
    set_verified,
)
from directory.services.organisations.records import organisation_by_public_id

PER_PAGE = 50
FLAGS = {"1": True, "0": False}


def refusal_message(code):
    """A moderation refusal in the page's language."""
    return {
        "same_organisation": gettext("An organisation cannot be merged with itself."),
        "already_merged": gettext("One of these organisations has already been merged; merge into the "
                                  "organisation it was merged into instead."),
        "merged": gettext("This organisation was merged into another one and stays archived."),
        "forbidden": gettext("You may not do this."),
    }.get(code, gettext("The change was refused."))


@staff.get("/")
def home():
    pending = dict(db.session.execute(
        sa.select(OrganisationClaim.kind, sa.func.count())
        .where(OrganisationClaim.status == ClaimStatus.PENDING).group_by(OrganisationClaim.kind)).all())
    by_status = dict(db.session.execute(
        sa.select(Organisation.status, sa.func.count()).group_by(Organisation.status)).all())
    return render_template(
        "staff/home.html",
        pending_claims=[(kind, pending.get(kind, 0)) for kind in ClaimKind],
        pending_corrections=count_pending_corrections(),
        status_counts=[(status, by_status.get(status, 0)) for status in OrganisationStatus],
        user_count=db.session.scalar(sa.select(sa.func.count()).select_from(User)),
    )


@staff.get("/organisations")
def organisations():
    status = request.args.get("status", "").strip()
    q = request.args.get("q", "").replace("\x00", "").strip()[:200]
    query = (sa.select(Organisation)
             .options(selectinload(Organisation.province))
             .order_by(Organisation.updated_at.desc(), Organisation.id.desc()))
    if status:
        query = query.where(Organisation.status == _status_or_400(status))
    if q:
        query = query.where(sa.or_(Organisation.name_th.icontains(q, autoescape=True),
                                   Organisation.name_en.icontains(q, autoescape=True),
                                   Organisation.public_id == q))
    result = db.paginate(query, page=request.args.get("page", 1, type=int), per_page=PER_PAGE,
                         max_per_page=PER_PAGE, error_out=False)
    return render_template("staff/organisations.html", result=result, status=status, q=q,
                           statuses=list(OrganisationStatus))


@staff.get("/organisations/<public_id>")
def organisation(public_id):
    found = organisation_or_404(public_id)
    return render_template(
        "staff/organisation.html",
        organisation=found,
        memberships=editors_of(found),
        pending_claims=db.session.scalars(
            sa.select(OrganisationClaim)
            .where(OrganisationClaim.organisation_id == found.id, OrganisationClaim.status == ClaimStatus.PENDING)
            .options(selectinload(OrganisationClaim.requester)).order_by(OrganisationClaim.id)).all(),
        merged_into=db.session.get(Organisation, found.merged_into_id) if found.merged_into_id else None,
        duplicates=duplicates_of(found),
        statuses=list(OrganisationStatus),
    )


@staff.post("/organisations/<public_id>/status")
def set_status(public_id):
    found = organisation_or_404(public_id)
    status = _status_or_400(request.form.get("status", ""))
    try:
        changes = set_organisation_status(found, status, by=current_user._get_current_object())
    except ModerationError as refusal:
        flash(refusal_message(refusal.code), "error")
        return _back_to(found)
    db.session.commit()
    if changes:
        flash(gettext("The status is now: %(status)s.", status=label(found.status)), "success")
    return _back_to(found)


# The endpoint is staff.set_verified, as agreed; the function is named otherwise so as not to hide the
# service it calls.
@staff.post("/organisations/<public_id>/verified", endpoint="set_verified")
def set_verified_flag(public_id):
    found = organisation_or_404(public_id)
    flag = FLAGS.get(request.form.get("verified", ""))
    if flag is None:
        abort(400, description=lazy_gettext("The verified mark takes 1 (verified) or 0 (not verified)."))
    try:
        changes = set_verified(found, flag, by=current_user._get_current_object())
    except ModerationError as refusal:
        flash(refusal_message(refusal.code), "error")
        return _back_to(found)
    db.session.commit()
    if changes:
        flash(gettext("Marked as verified.") if flag else gettext("The verified mark was removed."), "success")
    return _back_to(found)


@staff.route("/organisations/<public_id>/merge", methods=["GET", "POST"])
def merge(public_id):
    """Choose the duplicate (GET ?duplicate=<public id>), see both side by side, then confirm (POST)."""
    keep = organisation_or_404(public_id)
    given = (request.form if request.method == "POST" else request.args).get("duplicate", "").strip()
    duplicate, error = None, None
    if given:
        duplicate = organisation_by_public_id(given)
        if duplicate is None:
            error = gettext("There is no organisation with the id “%(id)s”.", id=given)
        else:
            try:
                check_merge(keep, duplicate)
            except ModerationError as refusal:
                error = refusal_message(refusal.code)
    elif request.method == "POST":
        error = gettext("Enter the id of the duplicate organisation.")
    if request.method == "POST" and error is None:
        try:
            filled = merge_organisations(keep, duplicate, by=current_user._get_current_object())
        except ModerationError as refusal:
            db.session.rollback()
            error = refusal_message(refusal.code)
        else:
            db.session.commit()
            flash(gettext("“%(duplicate)s” was merged into this organisation; %(count)s empty fields were "
                          "filled from it.", duplicate=duplicate.name_th, count=len(filled)), "success")
            return _back_to(keep)
    return render_template("staff/merge.html", keep=keep, duplicate=duplicate if error is None else None,
                           given=given, error=error), 400 if error else 200


def _status_or_400(value):
    """A value outside the form's choices is a 400 that changes nothing."""
    try:
        return OrganisationStatus(value)
    except ValueError:
        abort(400, description=lazy_gettext(
            "Unknown status “%(status)s”: use draft, published or archived.", status=value))


def _back_to(organisation):
    return redirect(url_for("staff.organisation", public_id=organisation.public_id), 303)
