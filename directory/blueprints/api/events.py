"""We Are CSO events in the read API: the list, and one event with its hosts and published media works."""
from dataclasses import dataclass

import sqlalchemy as sa
from flask import abort, request
from sqlalchemy.orm import selectinload

from directory.blueprints.api import api
from directory.blueprints.api.openapi import documented
from directory.blueprints.api.views import _load_path
from directory.extensions import db
from directory.models import Event, EventHost
from directory.schemas.common import NoQuerySchema
from directory.schemas.programme.events import (
    EventDetailSchema,
    EventListSchema,
    EventPathSchema,
    EventQuerySchema,
)
from directory.services.programme.events import event_by_public_id, event_status
from directory.services.programme.hosts import public_hosts
from directory.services.programme.work_moderation import published_works


@dataclass
class PublicEvent:
    """An event as the API shows it: its own columns, with only the public hosts and published works."""

    event: Event
    hosts: list
    works: list

    def __getattr__(self, name):
        return getattr(self.event, name)


@api.get("/events")
@documented("We Are CSO events, earliest first", EventListSchema, query=EventQuerySchema)
def list_events():
    """Events whose days are unknown are placed by the period they fall in."""
    status = EventQuerySchema().load(request.args).get("status")
    events = db.session.scalars(
        sa.select(Event)
        .order_by(sa.func.coalesce(Event.starts_on, Event.period_starts_on).nulls_last(), Event.id)
        .options(selectinload(Event.province), selectinload(Event.district))
    ).all()
    if status:
        events = [event for event in events if event_status(event).value == status]
    return EventListSchema().dump({"items": events})


@api.get("/events/<public_id>")
@documented("One event, with its host organisations and published media works", EventDetailSchema,
            path=EventPathSchema)
def get_event(public_id):
    NoQuerySchema().load(request.args)
    public_id = _load_path(EventPathSchema, public_id=public_id)["public_id"]
    event = event_by_public_id(public_id, selectinload(Event.province), selectinload(Event.district),
                               selectinload(Event.hosts).selectinload(EventHost.organisation),
                               selectinload(Event.hosts).selectinload(EventHost.issue_areas))
    if event is None:
        abort(404, description="There is no event with this id.")
    return EventDetailSchema().dump(PublicEvent(event, public_hosts(event), published_works(event)))
