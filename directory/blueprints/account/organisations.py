"""Becoming an organisation's editor: claim a listing, register a new one, manage its editors.

Pages about one organisation's editors answer 404 to anyone who neither edits it nor is staff: an
outsider learns nothing, not even whether a draft exists.
"""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_required

from directory.blueprints.account import account
from directory.blueprints.forms import load_form
from directory.extensions import db
from directory.models import User
from directory.presentation import localized, sorted_by_name
from directory.schemas.organisations.claims import ClaimSchema, InvitationSchema, RegistrationSchema
from directory.services.accounts.users import normalise_email
from directory.services.organisations import claims
from directory.services.organisations.claims import ClaimError
from directory.services.organisations.duplicates import likely_duplicates
from directory.services.organisations.permissions import can_edit
from directory.services.organisations.records import organisation_by_public_id
from directory.services.places.gazetteer import gazetteer
from directory.services.places.reference import reference

# What each refusal tells the person (ClaimError.code -> message); the template adds links.
REFUSALS = {
    "unverified": lazy_gettext("Please confirm your email address first: open the link we sent you, "
                               "or ask for a new one on your account page."),
    "already_editor": lazy_gettext("You already edit this organisation."),
    "already_pending": lazy_gettext("You have already asked to edit this organisation; staff will reply by email."),
    "invalid_token": lazy_gettext("This invitation link is not valid: it has expired, was changed, or was "
                                  "withdrawn. Ask an editor of the organisation to invite you again."),
    "wrong_email": lazy_gettext("This invitation was sent to another email address. Sign in with the account "
                                "of the address that received it."),
    "last_editor": lazy_gettext("The last editor cannot be removed: invite another editor first, "
                                "or ask staff to remove them."),
    "archived": lazy_gettext("This organisation is archived: nobody can be invited to edit it."),
}
REFUSAL_STATUS = {"unverified": 403, "wrong_email": 403, "invalid_token": 400}


def _organisation(public_id, published=False):
    """A bare 404 when there is none: an outsider learns nothing from these pages."""
    found = organisation_by_public_id(public_id, published=published)
    if found is None:
        abort(404)
    return found


def managed_organisation(public_id):
    """An organisation the signed-in person may manage the editors of; 404 for anyone else."""
    organisation = _organisation(public_id)
    if not can_edit(current_user, organisation):
        abort(404)
    return organisation


@account.route("/organisations/<public_id>/claim", methods=["GET", "POST"])
@login_required
def claim(public_id):
    organisation = _organisation(public_id, published=True)
    refusal = claims.claim_refusal(current_user, organisation)
    errors = {}
    if request.method == "POST" and refusal is None:
        values, errors = load_form(ClaimSchema())
        if not errors:
            claims.claim_organisation(current_user, organisation, values)
            db.session.commit()
            flash(gettext("Thank you. Staff will review your request and reply by email."), "success")
            return redirect(url_for("public.organisation", public_id=organisation.public_id,
                                    slug=organisation.slug))
    status = 400 if errors else (REFUSAL_STATUS.get(refusal, 409) if refusal and request.method == "POST" else 200)
    return render_template("account/claim.html", organisation=organisation, refusal=refusal,
                           refusal_message=REFUSALS.get(refusal), errors=errors, form=request.form), status


@account.route("/organisations/new", methods=["GET", "POST"])
@login_required
def register_organisation():
    refusal = None if current_user.is_verified else "unverified"
    errors, duplicates = {}, []
    if request.method == "POST" and refusal is None:
        values, errors = load_form(RegistrationSchema())
        if not errors:
            organisation = values["organisation"]
            duplicates = likely_duplicates(organisation["name_th"], organisation["province_code"],
                                           organisation["district_code"])
            if not duplicates or values["not_a_duplicate"]:
                claim = claims.register_organisation(current_user, organisation, values["claim"],
                                                     possible_duplicate=duplicates[0] if duplicates else None)
                db.session.commit()
                flash(gettext("Thank you. “%(name)s” is saved as a draft; staff will review it and reply by email.",
                              name=localized(claim.organisation, "name")), "success")
                return redirect(url_for("account.home"))
    status = 400 if errors else (403 if refusal and request.method == "POST" else 200)
    return render_template(
        "account/register_organisation.html", refusal=refusal, refusal_message=REFUSALS.get(refusal),
        errors=errors, form=request.form, duplicates=duplicates,
        provinces=[(p.code, localized(p, "name")) for p in sorted_by_name(gazetteer().provinces.values())],
        district_provinces=sorted_by_name(reference().provinces),
        types=[(t.slug, localized(t, "name")) for t in reference().types],
    ), status


@account.get("/organisations/<public_id>/editors")
@login_required
def editors(public_id):
    return _editors_page(managed_organisation(public_id))


def _editors_page(organisation, errors=None, form=None, refusal=None, status=200):
    return render_template("account/editors.html", organisation=organisation,
                           memberships=claims.editors_of(organisation), errors=errors or {},
                           form=form or {}, refusal_message=REFUSALS.get(refusal)), status


@account.post("/organisations/<public_id>/editors/invite")
@login_required
def invite_editor(public_id):
    organisation = managed_organisation(public_id)
    values, errors = load_form(InvitationSchema())
    if errors:
        return _editors_page(organisation, errors=errors, form=request.form, status=400)
    try:
        claims.invite_editor(organisation, values["email"], by=current_user)
    except ClaimError as refusal:
        return _editors_page(organisation, form=request.form, refusal=refusal.code, status=409)
    db.session.commit()
    flash(gettext("Invitation sent to %(email)s.", email=normalise_email(values["email"])), "success")
    return redirect(url_for("account.editors", public_id=organisation.public_id))


@account.post("/organisations/<public_id>/editors/<int:user_id>/remove")
@login_required
def remove_editor(public_id, user_id):
    organisation = managed_organisation(public_id)
    editor = db.session.get(User, user_id)
    if editor is None or not editor.is_editor_of(organisation):
        abort(404)
    try:
        claims.remove_editor(organisation, editor, by=current_user)
    except ClaimError as refusal:
        return _editors_page(organisation, refusal=refusal.code, status=409)
    db.session.commit()
    if editor.id == current_user.id:
        flash(gettext("You no longer edit this organisation."), "success")
        if not current_user.is_staff:
            return redirect(url_for("account.home"))
    else:
        flash(gettext("%(name)s no longer edits this organisation.", name=editor.display_name), "success")
    return redirect(url_for("account.editors", public_id=organisation.public_id))


@account.route("/invitations/<token>", methods=["GET", "POST"])
@login_required
def accept_invitation(token):
    """Anyone signed in may open the link; only the invited, verified address may accept it."""
    try:
        organisation, inviter = claims.read_invitation(token, current_user)
    except ClaimError as refusal:
        status = 200 if refusal.code == "already_editor" else REFUSAL_STATUS.get(refusal.code, 409)
        return render_template("account/accept_invitation.html", refusal=refusal.code,
                               refusal_message=REFUSALS.get(refusal.code)), status
    if request.method == "POST":
        claims.accept_invitation(token, current_user)
        db.session.commit()
        flash(gettext("You now edit “%(name)s”.", name=localized(organisation, "name")), "success")
        return redirect(url_for("account.editors", public_id=organisation.public_id))
    return render_template("account/accept_invitation.html", organisation=organisation, inviter=inviter,
                           refusal=None, token=token)
