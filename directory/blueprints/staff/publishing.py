"""The back office's publishing of an event: the announcement, moderating media works, and who owes one.

The missing-works report shows names and contacts, so viewing it writes the audit log (services/privacy).
"""
from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext, ngettext

from directory.blueprints.audited import audited
from directory.blueprints.lookups import event_or_404
from directory.blueprints.staff import staff
from directory.extensions import db
from directory.links import public_url
from directory.models import MediaWork
from directory.presentation import format_date
from directory.services.platform import clock
from directory.services.programme.announcement import AnnouncementRefused
from directory.services.programme.announcement import publish_announcement as publish
from directory.services.programme.work_moderation import (
    event_works,
    participants_without_works,
    set_work_flags,
    works_are_due,
)
from directory.services.programme.works import FILE_TYPES, WORK_FILENAME, works_folder

TICKED = "yes"


def announcement_refusal_message(code, event):
    return {
        "too_early": gettext("The list can be published from %(date)s (Thailand time), not before.",
                             date=format_date(event.announce_on)),
        "no_date": gettext("Set the event's announcement date first."),
        "cancelled": gettext("This event is cancelled: there is nothing to announce."),
        "already_announced": gettext("The list has already been published."),
    }.get(code, gettext("The change was refused."))


@staff.post("/events/<public_id>/announcement")
def publish_announcement(public_id):
    """Publish the list of selected participants and mail every applicant their outcome, once the box is ticked."""
    event = event_or_404(public_id)
    if request.form.get("confirm") != TICKED:
        flash(gettext("Tick the box to confirm that the list is published and every applicant is emailed."), "error")
        return redirect(url_for("staff.event_dashboard", public_id=event.public_id) + "#publish-announcement")
    try:
        counts = publish(event, public_url("public.announcement", public_id=event.public_id))
    except AnnouncementRefused as refusal:
        flash(announcement_refusal_message(refusal.code, event), "error")
    else:
        db.session.commit()
        flash(ngettext("The list is published; %(num)d applicant was told by email.",
                       "The list is published; %(num)d applicants were told by email.", sum(counts.values())),
              "success")
    return redirect(url_for("staff.event_dashboard", public_id=event.public_id))


@staff.get("/events/<public_id>/works")
def works(public_id):
    event = event_or_404(public_id)
    return render_template("staff/works.html", event=event, works=event_works(event))


# The endpoint is staff.set_work_flags, as agreed; the function is named otherwise so as not to hide the service.
@staff.post("/works/<int:work_id>/flags", endpoint="set_work_flags")
def set_work_flags_view(work_id):
    work = db.session.get(MediaWork, work_id) or abort(404)
    set_work_flags(work, published=request.form.get("published") == TICKED,
                   featured=request.form.get("featured") == TICKED)
    db.session.commit()
    flash(gettext("Saved: “%(title)s”.", title=work.title), "success")
    return redirect(url_for("staff.works", public_id=work.application.event.public_id) + f"#work-{work.id}")


@staff.get("/works/<int:work_id>/file")
def work_file(work_id):
    """An uploaded work's file for staff to review, published or not."""
    work = db.session.get(MediaWork, work_id)
    if work is None or not WORK_FILENAME.fullmatch(work.file_name or ""):
        abort(404)
    path = works_folder() / work.file_name
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype=FILE_TYPES[work.file_name.rpartition(".")[2]], max_age=0)


@staff.get("/events/<public_id>/works/missing")
def missing_works(public_id):
    """Participants with no work once the due day has passed; names and contacts, so the view is audited."""
    event = event_or_404(public_id)
    is_due = works_are_due(event)
    missing = participants_without_works(event) if is_due else []
    page = render_template("staff/missing_works.html", event=event, is_due=is_due, missing=missing,
                           today=clock.today())
    return audited(page, "missing_works", event=event, detail=f"{len(missing)} participants") if is_due else page
