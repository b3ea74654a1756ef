"""Removing applicants' personal data once an event is long finished (`flask events anonymise`).

Kept: every application row with its status and history (so counts stay right), its placement, its
consents (they hold no personal data, only purpose, wording version and times) and published works
with their author's display name. Cleared: every personal field; the display name too, unless the
person has a published work, replaced then by a neutral "participant #n". Works never published are
removed with their files. Anonymised applications are skipped, so running it again changes nothing.
"""
from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, Event
from directory.services.platform import clock
from directory.services.programme.application_status import utc_now
from directory.services.programme.events import EventStatus, event_status
from directory.services.programme.privacy import PERSONAL_FIELDS
from directory.services.programme.works import delete_work

NEUTRAL_NAME = "ผู้เข้าร่วม / participant #{number}"


def last_relevant_day(event):
    """The day after which nothing more is expected of the event's participants."""
    return event.works_due_on or event.ends_on or event.starts_on or event.period_ends_on


def events_to_anonymise(older_than_days, today=None):
    """Finished or cancelled events whose last relevant day is more than `older_than_days` days ago
    (Bangkok): a cancelled event's applicants have no more reason to be kept than a finished one's."""
    today = today or clock.today()
    limit = today - timedelta(days=older_than_days)
    found = []
    for event in db.session.scalars(sa.select(Event).order_by(Event.id)):
        last = last_relevant_day(event)
        if last is not None and last < limit and event_status(event, today) in (EventStatus.FINISHED,
                                                                                 EventStatus.CANCELLED):
            found.append(event)
    return found


def clear_personal_data(application, nameless_as):
    """Remove the unpublished works and empty every personal field; shared by the anonymisation and the
    applicant's own deletion request. The display name stays only beside a published work, else becomes
    `nameless_as`. Returns how many works were removed; does not flush."""
    unpublished = [work for work in application.works if not work.is_published]
    for work in unpublished:
        delete_work(work)
    if not any(work.is_published for work in application.works):
        application.display_name = nameless_as
    for field in PERSONAL_FIELDS:
        setattr(application, field, None)
    application.media_skills = []
    application.interests = []
    return len(unpublished)


def anonymise_application(application, number):
    """Clear one application's personal data; `number` names it neutrally if it keeps no name. Flushes."""
    removed = clear_personal_data(application, nameless_as=NEUTRAL_NAME.format(number=number))
    application.anonymised_at = utc_now()
    db.session.flush()
    return removed


def anonymise_finished_events(older_than_days):
    """Anonymise every application of the events events_to_anonymise finds; flushes.

    Returns {"events": events with applications changed, "applications": applications anonymised,
    "works_removed": unpublished works deleted}.
    """
    counts = {"events": 0, "applications": 0, "works_removed": 0}
    for event in events_to_anonymise(older_than_days):
        applications = db.session.scalars(
            sa.select(Application).where(Application.event_id == event.id).order_by(Application.id)).all()
        changed = 0
        for number, application in enumerate(applications, start=1):
            if application.anonymised_at is not None:
                continue
            counts["works_removed"] += anonymise_application(application, number)
            changed += 1
        counts["applications"] += changed
        counts["events"] += bool(changed)
    return counts
