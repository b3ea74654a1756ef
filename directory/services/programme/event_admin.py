"""The back office's side of events: creating and changing them, and the numbers staff steer by.

services/programme/events.py owns an event's status and the seeded rounds; this module adds what only staff
screens need: a new event's slug, edits, counts of applications by status, and the applications
matching the review filters.
"""
from dataclasses import dataclass

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ApplicationStatus, Event, IssueArea
from directory.services.organisations.records import slugify
from directory.services.programme.events import create_event

# Applicants who hold a place: counted against the event's minimum and maximum.
TAKING_PART = (ApplicationStatus.SELECTED, ApplicationStatus.CONFIRMED, ApplicationStatus.ATTENDED,
               ApplicationStatus.COMPLETED)
# Fields staff may set through the event form; the slug is set once (links stay stable) and the
# cancellation and announcement have their own actions.
EDITABLE_FIELDS = (
    "round_number", "title_th", "title_en", "description_th", "description_en", "province_code", "district_code",
    "venue_th", "venue_en", "starts_on", "ends_on", "applications_open_on", "applications_close_on", "announce_on",
    "works_due_on", "period_starts_on", "period_ends_on", "min_participants", "max_participants",
    "what_to_bring_th", "what_to_bring_en", "organiser_email", "organiser_phone", "organiser_line_id", "is_demo",
)


def new_event(values):
    """An event from the staff form's values, with a readable slug that no other event has; flushes."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not event form fields: {', '.join(sorted(unknown))}")
    return create_event({**values, "slug": _free_slug(values)})


def update_event(event, values):
    """Apply the form's values; returns {field: (before, after)} of what changed. Flushes."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not event form fields: {', '.join(sorted(unknown))}")
    changes = {}
    for field, value in values.items():
        before = getattr(event, field)
        if before != value:
            changes[field] = (before, value)
            setattr(event, field, value)
    db.session.flush()
    return changes


def _free_slug(values):
    base = slugify(values.get("title_en")) or (f"round-{values['round_number']}" if values.get("round_number")
                                               else "event")
    taken = set(db.session.scalars(sa.select(Event.slug).where(Event.slug.startswith(base, autoescape=True))))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def status_counts(event_ids):
    """{event_id: {ApplicationStatus: count}} for the given events (statuses without applications absent)."""
    counts = {event_id: {} for event_id in event_ids}
    rows = db.session.execute(
        sa.select(Application.event_id, Application.status, sa.func.count())
        .where(Application.event_id.in_(list(event_ids))).group_by(Application.event_id, Application.status))
    for event_id, status, count in rows:
        counts[event_id][status] = count
    return counts


def taking_part_count(event):
    return db.session.scalar(sa.select(sa.func.count()).select_from(Application).where(
        Application.event_id == event.id, Application.status.in_(TAKING_PART)))


@dataclass(frozen=True)
class EventNumbers:
    """What the event dashboard shows: applications by status, places taken, and the hosts' room."""

    by_status: dict
    total: int
    taking_part: int
    host_capacity: int
    host_minimum: int
    below_minimum: bool
    above_maximum: bool


def event_numbers(event):
    by_status = status_counts([event.id])[event.id]
    taking_part = sum(by_status.get(status, 0) for status in TAKING_PART)
    return EventNumbers(
        by_status=by_status, total=sum(by_status.values()), taking_part=taking_part,
        host_capacity=sum(host.capacity for host in event.hosts),
        host_minimum=sum(host.minimum for host in event.hosts),
        below_minimum=event.min_participants is not None and taking_part < event.min_participants,
        above_maximum=event.max_participants is not None and taking_part > event.max_participants,
    )


def is_over_maximum(event):
    """More applicants hold a place than the event's maximum (selecting beyond it is allowed, with a warning)."""
    return event.max_participants is not None and taking_part_count(event) > event.max_participants


def review_query(event, *, status=None, province=None, interest=None, skill=None, q=None):
    """The event's applications matching the review filters, newest first.

    `status` an ApplicationStatus, `province` a province code, `interest` an issue area slug, `skill`
    a media skill code, `q` text found in the names, email or phone.
    """
    query = sa.select(Application).where(Application.event_id == event.id)
    if status is not None:
        query = query.where(Application.status == status)
    if province:
        query = query.where(Application.province_code == province)
    if interest:
        query = query.where(Application.interests.any(IssueArea.slug == interest))
    if skill:
        # The JSON list as text, on SQLite and PostgreSQL alike: '["writing", "video"]'.
        query = query.where(sa.cast(Application.media_skills, sa.Text).contains(f'"{skill}"', autoescape=True))
    if q:
        query = query.where(sa.or_(*(column.icontains(q, autoescape=True) for column in (
            Application.display_name, Application.full_name, Application.nickname, Application.email,
            Application.phone, Application.line_id))))
    return query.order_by(Application.created_at.desc(), Application.id.desc())
