"""The back office's people: the list, role changes (admins only) and deactivation.

The rules (who may change whom) live in services/accounts/users.py; its refusals become flash messages.
"""
import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user

from directory.blueprints.staff import staff
from directory.extensions import db
from directory.labels import label
from directory.models import OrganisationMembership, User, UserRole
from directory.services.accounts.users import AccountError, set_active, set_role

PER_PAGE = 50
FLAGS = {"1": True, "0": False}


def refusal_message(code):
    return {
        "own_role": gettext("You cannot take the administrator role from yourself."),
        "own_account": gettext("You cannot deactivate your own account."),
        "forbidden": gettext("Only administrators may change the roles or accounts of staff."),
    }.get(code, gettext("The change was refused."))


@staff.get("/users")
def users():
    role = request.args.get("role", "").strip()
    q = request.args.get("q", "").replace("\x00", "").strip()[:200]
    query = sa.select(User).order_by(User.email)
    if role:
        query = query.where(User.role == _role_or_400(role))
    if q:
        query = query.where(sa.or_(User.email.icontains(q, autoescape=True),
                                   User.display_name.icontains(q, autoescape=True)))
    result = db.paginate(query, page=request.args.get("page", 1, type=int), per_page=PER_PAGE,
                         max_per_page=PER_PAGE, error_out=False)
    organisation_counts = dict(db.session.execute(
        sa.select(OrganisationMembership.user_id, sa.func.count())
        .where(OrganisationMembership.user_id.in_([user.id for user in result.items]))
        .group_by(OrganisationMembership.user_id)).all())
    return render_template("staff/users.html", result=result, q=q, role=role, roles=list(UserRole),
                           organisation_counts=organisation_counts)


# Endpoints staff.set_role and staff.set_active, as agreed; the functions are named otherwise so as not
# to hide the services they call.
@staff.post("/users/<int:user_id>/role", endpoint="set_role")
def set_role_of(user_id):
    if not current_user.is_admin:
        abort(403, description=lazy_gettext("Only administrators may change roles."))
    user = _user_or_404(user_id)
    role = _role_or_400(request.form.get("role", ""))
    try:
        set_role(user, role, by=current_user._get_current_object())
    except AccountError as refusal:
        flash(refusal_message(refusal.code), "error")
        return _back()
    db.session.commit()
    flash(gettext("%(email)s is now: %(role)s.", email=user.email, role=label(user.role)), "success")
    return _back()


@staff.post("/users/<int:user_id>/active", endpoint="set_active")
def set_active_of(user_id):
    user = _user_or_404(user_id)
    active = FLAGS.get(request.form.get("active", ""))
    if active is None:
        abort(400, description=lazy_gettext("The account state takes 1 (active) or 0 (deactivated)."))
    try:
        set_active(user, active, by=current_user._get_current_object())
    except AccountError as refusal:
        flash(refusal_message(refusal.code), "error")
        return _back()
    db.session.commit()
    flash(gettext("%(email)s can sign in again.", email=user.email) if active else
          gettext("%(email)s is deactivated and signed out everywhere.", email=user.email), "success")
    return _back()


def _role_or_400(value):
    try:
        return UserRole(value)
    except ValueError:
        abort(400, description=lazy_gettext("Unknown role “%(role)s”: use member, staff or admin.", role=value))


def _user_or_404(user_id):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404, description=lazy_gettext("There is no user with this number."))
    return user


def _back():
    """To the list the form was sent from (its filters kept), else the plain list."""
    back = request.form.get("next", "")
    if back.startswith("/staff/users") and "//" not in back and "\\" not in back:
        return redirect(back, 303)
    return redirect(url_for("staff.users"), 303)
