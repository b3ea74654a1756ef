"""The back office's events: the list, creating and editing, cancelling, the dashboard and the hosts.

Changes go through services (event_admin, events, hosts); a refusal is a flash message or a form
shown again with its errors (400). No personal data is shown here: the applications' screens, which
show it, are in staff/applications.py and write the audit log.
"""
import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from sqlalchemy.orm import selectinload

from directory.blueprints.forms import load_form
from directory.blueprints.lookups import event_or_404
from directory.blueprints.staff import staff
from directory.extensions import db
from directory.models import (
    ApplicationStatus,
    Event,
    EventHost,
    Organisation,
    OrganisationStatus,
)
from directory.schemas.programme.event_form import EventFormSchema, HostFormSchema
from directory.services.organisations.records import organisation_by_public_id
from directory.services.places.reference import reference
from directory.services.platform import clock
from directory.services.programme.announcement import applicants_to_tell
from directory.services.programme.applications import MEDIA_SKILLS
from directory.services.programme.event_admin import (
    EDITABLE_FIELDS,
    event_numbers,
    new_event,
    status_counts,
    update_event,
)
from directory.services.programme.events import cancel_event as cancel
from directory.services.programme.events import event_status
from directory.services.programme.hosts import HostError, add_host, remove_host, update_host

# How many organisations outside the event's province the host form's list offers (the id field takes any).
OTHER_ORGANISATIONS_LISTED = 1000
DATE_INPUTS = ("starts_on", "ends_on", "applications_open_on", "applications_close_on", "announce_on",
               "works_due_on", "period_starts_on", "period_ends_on")


@staff.context_processor
def event_labels():
    return {"application_statuses": list(ApplicationStatus)}


def host_refusal_message(code):
    return {
        "not_published": gettext("Only a published organisation can host participants."),
        "already_hosting": gettext("This organisation already hosts this event."),
        "below_placed": gettext("More participants are already placed with this host than that capacity."),
        "has_participants": gettext("Participants are placed with this host; move them first."),
        "minimum_above_capacity": gettext("The minimum cannot be more than the capacity."),
    }.get(code, gettext("The change was refused."))


@staff.get("/events")
def events():
    """Every event, newest first, with its status and its applications counted by status."""
    listed = db.session.scalars(
        sa.select(Event).options(selectinload(Event.province), selectinload(Event.district))
        .order_by(sa.func.coalesce(Event.starts_on, Event.period_starts_on).desc().nulls_last(), Event.id.desc())
    ).all()
    today = clock.today()
    return render_template("staff/events.html", events=[(event, event_status(event, today)) for event in listed],
                           counts=status_counts([event.id for event in listed]))


@staff.route("/events/new", methods=["GET", "POST"], endpoint="new_event")
def new_event_form():
    values, errors = {}, {}
    if request.method == "POST":
        loaded, errors = load_form(EventFormSchema())
        if not errors:
            event = new_event(loaded)
            db.session.commit()
            flash(gettext("The event was created."), "success")
            return redirect(url_for("staff.event_dashboard", public_id=event.public_id), 303)
        values = request.form.to_dict()
    return _event_form(None, values, errors)


@staff.route("/events/<public_id>/edit", methods=["GET", "POST"])
def edit_event(public_id):
    event = event_or_404(public_id)
    if request.method == "POST":
        loaded, errors = load_form(EventFormSchema())
        if not errors:
            changes = update_event(event, loaded)
            db.session.commit()
            flash(gettext("The event was saved.") if changes else gettext("Nothing was changed."), "success")
            return redirect(url_for("staff.event_dashboard", public_id=event.public_id), 303)
        return _event_form(event, request.form.to_dict(), errors)
    return _event_form(event, _form_values(event), {})


def _event_form(event, values, errors):
    return render_template(
        "staff/event_form.html", event=event, values=values, errors=errors,
        provinces=reference().provinces,
    ), 400 if errors else 200


def _form_values(event):
    values = {field: getattr(event, field) for field in EDITABLE_FIELDS}
    values["province"], values["district"] = values.pop("province_code"), values.pop("district_code")
    for field in DATE_INPUTS:
        values[field] = values[field].isoformat() if values[field] else ""
    return values


# Endpoint staff.cancel_event; the function is named otherwise so as not to hide the service it calls.
@staff.post("/events/<public_id>/cancel", endpoint="cancel_event")
def cancel_event_view(public_id):
    event = event_or_404(public_id)
    if request.form.get("confirm") != "yes":
        flash(gettext("Tick the box to confirm that the event is cancelled."), "error")
    elif event.is_cancelled:
        flash(gettext("This event is already cancelled."), "error")
    else:
        cancel(event)
        db.session.commit()
        flash(gettext("The event is cancelled. Its public page says so."), "success")
    return redirect(url_for("staff.event_dashboard", public_id=event.public_id), 303)


@staff.get("/events/<public_id>")
def event_dashboard(public_id):
    event = event_or_404(public_id)
    numbers = event_numbers(event)
    return render_template("staff/event_dashboard.html", event=event, status=event_status(event),
                           numbers=numbers, to_tell=applicants_to_tell(numbers.by_status))


@staff.route("/events/<public_id>/hosts", methods=["GET", "POST"])
def event_hosts(public_id):
    """The list of hosts, and one form: adding a host, or (?edit=<host id>) changing one.

    A POST says what it does in `action`: add, update (with host_id) or remove (with host_id).
    """
    event = event_or_404(public_id)
    chosen = request.values.get("host_id") or request.args.get("edit")
    editing = host_or_404(event, chosen) if chosen else None
    values, errors = {}, {}
    if request.method == "POST":
        action = request.form.get("action", "")
        if action == "remove" and editing is not None:
            return _remove_host(event, editing)
        if action not in ("add", "update") or (action == "update") != (editing is not None):
            abort(400, description=lazy_gettext("Unknown host action."))
        form = request.form.copy()
        for name in ("action", "host_id"):
            form.pop(name, None)
        loaded, errors = load_form(HostFormSchema(adding=action == "add"), form)
        if not errors:
            error = _save_host(event, editing, loaded)
            if error is None:
                db.session.commit()
                return redirect(url_for("staff.event_hosts", public_id=event.public_id), 303)
            db.session.rollback()
            errors = {"_schema": [error]}
        values = {key: (form.getlist(key) if key in ("issue_areas", "wanted_skills") else form[key]) for key in form}
    elif editing is not None:
        values = {"capacity": editing.capacity, "minimum": editing.minimum,
                  "issue_areas": [area.slug for area in editing.issue_areas], "activities_th": editing.activities_th,
                  "activities_en": editing.activities_en, "wanted_skills": editing.wanted_skills}
    hosting = {host.organisation_id for host in event.hosts}
    return render_template(
        "staff/event_hosts.html", event=event, editing=editing, values=values, errors=errors,
        issue_areas=reference().issue_areas,
        media_skills=MEDIA_SKILLS, organisation_choices=_organisation_choices(event, hosting),
    ), 400 if errors else 200


def _save_host(event, host, values):
    """None when saved, else the refusal's message."""
    try:
        if host is None:
            organisation = organisation_by_public_id(values.pop("organisation"))
            if organisation is None:
                return gettext("There is no organisation with this id.")
            add_host(event, organisation, **values)
            flash(gettext("“%(name)s” now hosts participants of this event.", name=organisation.name_th), "success")
        else:
            update_host(host, values)
            flash(gettext("The host was saved."), "success")
    except HostError as refusal:
        return host_refusal_message(refusal.code)
    return None


def _remove_host(event, host):
    try:
        remove_host(host)
    except HostError as refusal:
        db.session.rollback()
        flash(host_refusal_message(refusal.code), "error")
    else:
        db.session.commit()
        flash(gettext("The host was removed."), "success")
    return redirect(url_for("staff.event_hosts", public_id=event.public_id), 303)


def _organisation_choices(event, hosting):
    """Published organisations not yet hosting: those in the event's province first, then the others."""
    query = (sa.select(Organisation.public_id, Organisation.name_th, Organisation.province_code)
             .where(Organisation.status == OrganisationStatus.PUBLISHED, Organisation.id.notin_(hosting or [0]))
             .order_by(Organisation.name_th))
    nearby = db.session.execute(query.where(Organisation.province_code == event.province_code)).all()
    others = db.session.execute(query.where(Organisation.province_code != event.province_code)
                                .limit(OTHER_ORGANISATIONS_LISTED)).all()
    return {"nearby": [(row.public_id, row.name_th) for row in nearby],
            "others": [(row.public_id, row.name_th) for row in others]}


def host_or_404(event, host_id):
    """The event's host by its id (a route value or a form's text), or a 404 page."""
    host = db.session.get(EventHost, int(host_id)) if str(host_id).isdigit() else None
    if host is None or host.event_id != event.id:
        abort(404, description=lazy_gettext("This organisation does not host this event."))
    return host
