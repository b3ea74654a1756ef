"""We Are CSO events on the public site: the list, and each event's page with its hosts and application area.

Nothing personal is shown here: no applicant's name, contact or any other detail (the announcement
and the gallery, elsewhere, show display names of those who agreed).
"""
from datetime import date
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Response, current_app, render_template
from flask_babel import gettext
from sqlalchemy.orm import selectinload

from directory.blueprints.lookups import event_or_404
from directory.blueprints.public import public
from directory.extensions import db
from directory.links import public_url
from directory.map_features import event_features
from directory.models import Event, EventHost
from directory.presentation import localized
from directory.services.platform import clock
from directory.services.programme.applications import application_form_context
from directory.services.programme.event_calendar import event_calendar
from directory.services.programme.events import (
    ApplicationWindow,
    EventStatus,
    application_window,
    event_status,
)
from directory.services.programme.hosts import public_hosts
from directory.structured_data import event_json_ld

PAST = (EventStatus.FINISHED, EventStatus.CANCELLED)


@public.get("/events")
def events():
    """Current and coming events first (soonest first), then past and cancelled ones (latest first)."""
    today = clock.today()
    listed = [(event, event_status(event, today)) for event in db.session.scalars(
        sa.select(Event).options(selectinload(Event.province), selectinload(Event.district)))]
    current = sorted((row for row in listed if row[1] not in PAST), key=lambda row: _first_day(row[0]))
    past = sorted((row for row in listed if row[1] in PAST), key=lambda row: _first_day(row[0]), reverse=True)
    return render_template("public/events.html", current=current, past=past)


@public.get("/events/<public_id>")
@public.get("/events/<public_id>/<slug>")
def event(public_id, slug=None):
    """Any slug (or none) finds the event; the page names the canonical URL, which has the slug."""
    found = event_or_404(public_id, selectinload(Event.province), selectinload(Event.district),
                         selectinload(Event.hosts).selectinload(EventHost.organisation),
                         selectinload(Event.hosts).selectinload(EventHost.issue_areas))
    today = clock.today()
    window = application_window(found, today)
    hosts = public_hosts(found)
    return render_template(
        "public/event.html",
        event=found,
        status=event_status(found, today),
        window=window,
        hosts=hosts,
        json_ld=event_json_ld(found),
        map_features=event_features(found, hosts),
        **_application_form(found, window),
    )


@public.get("/events/<public_id>.ics")
def event_ics(public_id):
    """"Add to calendar": the event's days and deadlines, named in the page's language."""
    found = event_or_404(public_id, selectinload(Event.province), selectinload(Event.district))
    title = localized(found, "title")
    titles = {
        "event": title,
        "applications_close": gettext("Applications close: %(title)s", title=title),
        "announcement": gettext("Selected participants announced: %(title)s", title=title),
        "works_due": gettext("Media works due: %(title)s", title=title),
    }
    place = [localized(found, "venue"), found.district and localized(found.district, "name"),
             found.province and localized(found.province, "name")]
    body = event_calendar(
        found, titles=titles, location=", ".join(part for part in place if part),
        url=public_url("public.event", public_id=found.public_id, slug=found.slug),
        uid_domain=urlsplit(current_app.config["PUBLIC_BASE_URL"]).hostname)
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="we-are-cso-{found.public_id}.ics"'})


def _application_form(event, window):
    """What templates/public/_application_form.html needs, when applications are open."""
    return application_form_context(event) if window is ApplicationWindow.OPEN else {}


def _first_day(event):
    return event.starts_on or event.period_starts_on or date.max
