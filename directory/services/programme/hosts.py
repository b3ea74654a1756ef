"""The organisations hosting an event's participants: adding, changing and removing them.

Only a published organisation can host: the event page links to its profile. A host that already has
participants placed with it cannot be removed, or their placement would silently vanish.
"""
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import (
    Application,
    Event,
    EventHost,
    IssueArea,
    OrganisationStatus,
)
from directory.services.platform.refusals import Refused
from directory.services.programme.applications import MEDIA_SKILLS

HOST_FIELDS = ("capacity", "minimum", "issue_areas", "activities_th", "activities_en", "wanted_skills")


class HostError(Refused):
    """A refusal: `code` names it for tests and for the staff screen's message."""


def add_host(event, organisation, *, capacity, minimum=0, issue_areas=(), activities_th=None,
             activities_en=None, wanted_skills=()):
    """The organisation hosts up to `capacity` participants of the event; flushes and returns the EventHost.

    `issue_areas` are IssueArea rows or their slugs.
    """
    if organisation.status is not OrganisationStatus.PUBLISHED:
        raise HostError("not_published", "Only a published organisation can host participants.")
    if db.session.scalar(sa.select(EventHost.id).where(EventHost.event_id == event.id,
                                                       EventHost.organisation_id == organisation.id)):
        raise HostError("already_hosting", "This organisation already hosts this event.")
    host = EventHost()
    _apply(host, {"capacity": capacity, "minimum": minimum, "issue_areas": issue_areas,
                  "activities_th": activities_th, "activities_en": activities_en,
                  "wanted_skills": wanted_skills})
    host.event, host.organisation = event, organisation
    db.session.add(host)
    db.session.flush()
    return host


def update_host(host, values):
    """Change some of HOST_FIELDS; the capacity may not fall below the participants already placed."""
    unknown = set(values) - set(HOST_FIELDS)
    if unknown:
        raise HostError("unknown_field", f"Not a host field: {', '.join(sorted(unknown))}.")
    capacity, placed = values.get("capacity", host.capacity), _placed_count(host)
    if _is_count(capacity) and capacity < placed:
        raise HostError("below_placed", f"{placed} participants are already placed with this host.")
    _apply(host, {field: values.get(field, getattr(host, field)) for field in HOST_FIELDS})
    db.session.flush()
    return host


def remove_host(host):
    """Refused while any participant is placed with the host; flushes."""
    if _placed_count(host):
        raise HostError("has_participants", "Participants are placed with this host; move them first.")
    host.event.hosts.remove(host)
    db.session.delete(host)
    db.session.flush()


def events_hosted_by(organisation):
    """[EventHost] of every event the organisation hosts or hosted, latest first, with their events loaded."""
    event_day = sa.func.coalesce(Event.starts_on, Event.period_starts_on)
    return db.session.scalars(
        sa.select(EventHost).join(EventHost.event)
        .where(EventHost.organisation_id == organisation.id)
        .order_by(event_day.desc().nulls_last(), Event.id.desc())
        .options(selectinload(EventHost.event).selectinload(Event.province),
                 selectinload(EventHost.event).selectinload(Event.district))
    ).all()


def _apply(host, values):
    """Checks everything first, so a refused change leaves the host as it was."""
    capacity, minimum = values["capacity"], values["minimum"]
    if not _is_count(capacity):
        raise HostError("negative_capacity", "The capacity must be a whole number, 0 or more.")
    if not _is_count(minimum):
        raise HostError("negative_minimum", "The minimum must be a whole number, 0 or more.")
    if minimum > capacity:
        raise HostError("minimum_above_capacity", "The minimum cannot be more than the capacity.")
    issue_areas = _issue_areas(values["issue_areas"])
    unknown_skills = [skill for skill in values["wanted_skills"] or () if skill not in MEDIA_SKILLS]
    if unknown_skills:
        raise HostError("unknown_skill", f"Unknown media skill: {', '.join(map(str, unknown_skills))}.")
    host.capacity, host.minimum, host.issue_areas = capacity, minimum, issue_areas
    host.activities_th = values["activities_th"] or None
    host.activities_en = values["activities_en"] or None
    host.wanted_skills = list(values["wanted_skills"] or [])


def _is_count(value):
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _issue_areas(areas):
    areas = list(areas or ())
    slugs = [area for area in areas if isinstance(area, str)]
    rows = {row.slug: row for row in db.session.scalars(sa.select(IssueArea).where(IssueArea.slug.in_(slugs)))}
    missing = [slug for slug in slugs if slug not in rows]
    if missing:
        raise HostError("unknown_issue_area", f"Unknown issue area: {', '.join(missing)}.")
    return [rows[area] if isinstance(area, str) else area for area in areas]


def _placed_count(host):
    if host.id is None:
        return 0
    return db.session.scalar(sa.select(sa.func.count()).select_from(Application)
                             .where(Application.host_id == host.id))


def public_hosts(event):
    """The event's hosts the public may see: those whose organisation is still published."""
    return [host for host in event.hosts if host.organisation.status is OrganisationStatus.PUBLISHED]
