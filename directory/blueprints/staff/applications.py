"""The back office's review of an event's applications: the filtered list, one application, status
moves (one or several at once) and the CSV export.

These pages show personal data (names, contacts, birth year, health notes), so each view and each
export writes one row to the audit log (services/privacy). Nothing personal goes into a log line, a
flash message or a URL made here.
"""
import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext, ngettext
from flask_login import current_user
from sqlalchemy.orm import selectinload

from directory.blueprints.audited import audited
from directory.blueprints.lookups import event_or_404
from directory.blueprints.staff import staff
from directory.blueprints.staff.downloads import spreadsheet_download
from directory.blueprints.staff.history import revision_time
from directory.extensions import db
from directory.labels import label
from directory.models import (
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    ConsentPurpose,
)
from directory.schemas.programme.application_review import (
    ApplicationFilterSchema,
    describe_filters,
)
from directory.services.places.reference import reference
from directory.services.programme.application_status import ALLOWED_MOVES, IllegalMove
from directory.services.programme.application_status import move_application as move
from directory.services.programme.applications import MEDIA_SKILLS, reference_year
from directory.services.programme.event_admin import is_over_maximum, review_query

CSV_COLUMNS = ("id", "status", "display_name", "full_name", "nickname", "email", "phone", "line_id", "birth_year",
               "province", "occupation", "interests", "media_skills", "other_skill", "guardian_name",
               "guardian_contact", "host", "applied_at")


@staff.get("/events/<public_id>/applications")
def applications(public_id):
    event = event_or_404(public_id)
    filters = ApplicationFilterSchema().load(request.args)
    found = db.session.scalars(review_query(event, **filters).options(
        selectinload(Application.interests), selectinload(Application.province))).all()
    return audited(render_template(
        "staff/applications.html", event=event, applications=found, filters=filters,
        provinces=reference().provinces,
        issue_areas=reference().issue_areas,
        media_skills=MEDIA_SKILLS, over_maximum=is_over_maximum(event),
        export_url=url_for("staff.export_applications", public_id=event.public_id,
                           **{key: getattr(value, "value", value) for key, value in filters.items()}),
    ), "list_applications", event=event, detail=describe_filters(filters))


@staff.get("/events/<public_id>/applications.csv")
def export_applications(public_id):
    """The filtered applicants with their contacts, as UTF-8 with a BOM (Excel then reads Thai right)."""
    event = event_or_404(public_id)
    filters = ApplicationFilterSchema().load(request.args)
    found = db.session.scalars(review_query(event, **filters).options(
        selectinload(Application.interests), selectinload(Application.host))).all()
    download = spreadsheet_download(CSV_COLUMNS, map(_csv_row, found), f"applications-{event.public_id}.csv")
    return audited(download, "export_applications", event=event,
                   detail=f"{describe_filters(filters)} rows={len(found)}")


def _csv_row(application):
    return (application.id, application.status.value, application.display_name, application.full_name,
            application.nickname, application.email, application.phone, application.line_id,
            application.birth_year, application.province_code, application.occupation,
            ";".join(area.slug for area in application.interests), ";".join(application.media_skills or ()),
            application.other_skill, application.guardian_name, application.guardian_contact,
            application.host.organisation.public_id if application.host else None,
            application.created_at.date().isoformat() if application.created_at else None)


@staff.get("/applications/<int:application_id>")
def application(application_id):
    found = _application_or_404(application_id, load_all=True)
    year = reference_year(found.event)
    return audited(render_template(
        "staff/application.html", application=found, event=found.event,
        moves=sorted(ALLOWED_MOVES[found.status], key=list(ApplicationStatus).index),
        age=year - found.birth_year if found.birth_year else None, reference_year=year,
        shows_health_notes=found.has_consent(ConsentPurpose.HEALTH_NOTES), revision_time=revision_time,
    ), "view_application", application=found)


# Endpoint staff.move_application; the function is named otherwise so as not to hide the service.
@staff.post("/applications/<int:application_id>/move", endpoint="move_application")
def move_one(application_id):
    found = _application_or_404(application_id)
    to = _status_or_400(request.form.get("to", ""))
    note = request.form.get("note", "").strip()[:1000] or None
    try:
        move(found, to, by=current_user._get_current_object(), note=note)
    except IllegalMove:
        db.session.rollback()
        flash(gettext("An application cannot move from “%(from)s” to “%(to)s”. Nothing was changed.",
                      **{"from": label(found.status), "to": label(to)}),
              "error")
        return redirect(url_for("staff.application", application_id=found.id), 303)
    db.session.commit()
    flash(gettext("The application is now: %(status)s.", status=label(to)), "success")
    _warn_if_over_maximum(found.event, to)
    return redirect(url_for("staff.application", application_id=found.id), 303)


@staff.post("/events/<public_id>/applications/move")
def move_applications(public_id):
    """The ticked applications to one status; those that cannot make that move stay as they are."""
    event = event_or_404(public_id)
    to = _status_or_400(request.form.get("to", ""))
    ids = [int(value) for value in request.form.getlist("application") if value.isdigit()]
    chosen = db.session.scalars(sa.select(Application).where(Application.event_id == event.id,
                                                             Application.id.in_(ids))).all() if ids else []
    if not chosen:
        flash(gettext("Tick the applications to move first."), "error")
        return _back_to_list(event)
    by, refused = current_user._get_current_object(), {}
    for application in chosen:
        try:
            move(application, to, by=by)
        except IllegalMove:
            refused.setdefault(application.status, []).append(application.display_name or "–")
    moved = len(chosen) - sum(len(names) for names in refused.values())
    db.session.commit()
    if moved:
        flash(ngettext("%(num)d application is now: %(status)s.", "%(num)d applications are now: %(status)s.",
                       moved, status=label(to)), "success")
    for from_status, names in refused.items():
        flash(_why_left_as_it_was(from_status, to, names), "error")
    _warn_if_over_maximum(event, to)
    return _back_to_list(event)


def _why_left_as_it_was(from_status, to, names):
    """Which ticked applications did not move, and why: where their status can lead, or that it is final."""
    current = label(from_status)
    reason = (gettext("“%(from)s” is final: it cannot change any more.", **{"from": current})
              if not ALLOWED_MOVES[from_status] else
              gettext("From “%(from)s” an application can only become: %(allowed)s.",
                      **{"from": current,
                         "allowed": ", ".join(label(status) for status in ApplicationStatus
                                              if status in ALLOWED_MOVES[from_status])}))
    return ngettext("%(num)d application was left as it was (%(names)s): it cannot become “%(to)s”.",
                    "%(num)d applications were left as they were (%(names)s): they cannot become “%(to)s”.",
                    len(names), names=", ".join(names), to=label(to)) + " " + reason


def _warn_if_over_maximum(event, to):
    if to is ApplicationStatus.SELECTED and is_over_maximum(event):
        flash(gettext("More applicants now hold a place than the event's maximum of %(max)d participants.",
                      max=event.max_participants), "warning")


def _back_to_list(event):
    """To the list the form was sent from (its filters kept), else the plain list."""
    back = request.form.get("next", "")
    prefix = url_for("staff.applications", public_id=event.public_id)
    if back.startswith(prefix) and "//" not in back and "\\" not in back:
        return redirect(back, 303)
    return redirect(prefix, 303)


def _status_or_400(value):
    try:
        return ApplicationStatus(value)
    except ValueError:
        abort(400, description=lazy_gettext("Unknown application status."))


def _application_or_404(application_id, load_all=False):
    query = sa.select(Application).where(Application.id == application_id)
    if load_all:
        query = query.options(
            selectinload(Application.consents), selectinload(Application.interests),
            selectinload(Application.works), selectinload(Application.province),
            selectinload(Application.status_changes).selectinload(ApplicationStatusChange.changed_by))
    found = db.session.scalar(query)
    if found is None:
        abort(404, description=lazy_gettext("There is no application with this number."))
    return found
