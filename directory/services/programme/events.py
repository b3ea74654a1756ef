"""Events of the We Are CSO programme: their status by date, creation, cancellation and the seeded rounds."""
import enum
import json
from datetime import date

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Event
from directory.models.public_ids import is_public_id
from directory.services.organisations.records import new_public_id
from directory.services.places.reference_data import SEEDS_DIR
from directory.services.platform import clock

PROGRAMME_FILE = SEEDS_DIR / "we_are_cso_events.json"
DATE_FIELDS = ("starts_on", "ends_on", "applications_open_on", "applications_close_on", "announce_on",
               "works_due_on", "period_starts_on", "period_ends_on")


class EventStatus(enum.Enum):
    UPCOMING = "upcoming"
    OPEN = "open"  # for applications
    CLOSED = "closed"  # applications closed, list not yet announced
    ANNOUNCED = "announced"
    RUNNING = "running"
    AWAITING_WORKS = "awaiting_works"
    FINISHED = "finished"
    CANCELLED = "cancelled"


class ApplicationWindow(enum.Enum):
    NOT_YET = "not_yet"
    OPEN = "open"
    CLOSED = "closed"


def event_status(event, today=None):
    """The status the dates give on `today` (Bangkok); every boundary day belongs to the later phase's start.

    Applications are open from the opening day to the closing day inclusive; the event runs from its
    first to its last day inclusive; works are awaited until the due day inclusive.
    """
    today = today or clock.today()
    if event.is_cancelled:
        return EventStatus.CANCELLED
    if event.starts_on is None:
        if event.period_ends_on and today > event.period_ends_on:
            return EventStatus.FINISHED
        return EventStatus.UPCOMING
    phases = (
        (event.applications_open_on, EventStatus.UPCOMING, "before"),
        (event.applications_close_on, EventStatus.OPEN, "through"),
        (event.announce_on, EventStatus.CLOSED, "before"),
        (event.starts_on, _before_start(event), "before"),
        (event.ends_on or event.starts_on, EventStatus.RUNNING, "through"),
        (event.works_due_on, EventStatus.AWAITING_WORKS, "through"),
    )
    for boundary, status, kind in phases:
        if boundary is None:
            continue
        if (kind == "before" and today < boundary) or (kind == "through" and today <= boundary):
            return status
    return EventStatus.FINISHED


def _before_start(event):
    """The last days before the event: announced if it has an announcement date, else as the window left it."""
    if event.announce_on:
        return EventStatus.ANNOUNCED
    return EventStatus.CLOSED if event.applications_close_on else EventStatus.UPCOMING


def application_window(event, today=None):
    """Before, inside or after the application window; a cancelled or finished event is closed, whatever
    dates it lacks (the programme's past rounds are known only by their months)."""
    today = today or clock.today()
    if event.is_cancelled or event_status(event, today) is EventStatus.FINISHED:
        return ApplicationWindow.CLOSED
    if event.applications_open_on is None or event.applications_close_on is None:
        return ApplicationWindow.CLOSED if event.starts_on else ApplicationWindow.NOT_YET
    if today < event.applications_open_on:
        return ApplicationWindow.NOT_YET
    if today <= event.applications_close_on:
        return ApplicationWindow.OPEN
    return ApplicationWindow.CLOSED


def open_for_applications(today=None):
    """The events taking applications on `today` (Bangkok), closing soonest first: the home page shows them."""
    today = today or clock.today()
    return db.session.scalars(
        sa.select(Event).where(Event.is_cancelled.is_(False), Event.applications_open_on <= today,
                               Event.applications_close_on >= today)
        .order_by(Event.applications_close_on, Event.id)).all()


def event_by_public_id(public_id, *options):
    """The event with this public id, or None; `options` are loader options for what the caller shows.
    Text that cannot be a public id is not looked up."""
    if not is_public_id(public_id):
        return None
    return db.session.scalar(sa.select(Event).where(Event.public_id == public_id).options(*options))


def create_event(values):
    """An event from validated values; flushes."""
    event = Event(public_id=new_public_id(), **values)
    db.session.add(event)
    db.session.flush()
    return event


def cancel_event(event):
    event.is_cancelled = True
    db.session.flush()


def seed_programme_events():
    """The programme's real rounds from seeds/we_are_cso_events.json, added when missing (matched by
    slug). A round already there is left as staff may have edited it."""
    programme = json.loads(PROGRAMME_FILE.read_text(encoding="utf-8"))
    created = 0
    for record in programme["events"]:
        values = {**(programme["shared"] if "starts_on" not in record else {}), **record}
        for field in DATE_FIELDS:
            if values.get(field):
                values[field] = date.fromisoformat(values[field])
        if db.session.scalar(sa.select(Event.id).where(Event.slug == values["slug"])) is None:
            create_event(values)
            created += 1
    db.session.flush()
    return {"events": created}
