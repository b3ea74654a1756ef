"""Staff moderation of participants' media works, the public gallery's list, and who still owes a work.

A featured work is always a published one: featuring publishes it, unpublishing unfeatures it.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Application, MediaWork
from directory.services.platform import clock
from directory.services.programme.application_status import PARTICIPANT_STATUSES, utc_now


def event_works(event):
    """Every work sent for the event, oldest first, with its application and consents loaded."""
    return db.session.scalars(
        sa.select(MediaWork).join(MediaWork.application).where(Application.event_id == event.id)
        .order_by(MediaWork.submitted_at, MediaWork.id)
        .options(selectinload(MediaWork.application).selectinload(Application.consents))
    ).all()


def published_works(event):
    """The gallery: published works, featured first, then in the order they were published."""
    return db.session.scalars(
        sa.select(MediaWork).join(MediaWork.application)
        .where(Application.event_id == event.id, MediaWork.is_published)
        .order_by(MediaWork.is_featured.desc(), MediaWork.published_at, MediaWork.id)
        .options(selectinload(MediaWork.application).selectinload(Application.consents))
    ).all()


def public_author_name(work):
    """The author's display name, only when they agreed to have it published; else None."""
    return work.application.public_name


def set_work_flags(work, *, published=None, featured=None):
    """Publish or unpublish, feature or unfeature a work (None leaves a flag as it is); flushes."""
    if featured:
        published = True
    if published is not None and published != work.is_published:
        work.is_published = published
        work.published_at = utc_now() if published else None
    if not work.is_published:
        work.is_featured = False
    elif featured is not None:
        work.is_featured = featured
    db.session.flush()
    return work


def works_are_due(event, today=None):
    """True once the works-due day (Bangkok) has passed; never for an event without one."""
    return event.works_due_on is not None and (today or clock.today()) > event.works_due_on


def participants_without_works(event):
    """Confirmed, attended or completed participants who have sent no work, by display name."""
    applications = db.session.scalars(
        sa.select(Application).where(Application.event_id == event.id,
                                     Application.status.in_(PARTICIPANT_STATUSES),
                                     ~Application.works.any())
        .order_by(Application.display_name, Application.id)
    ).all()
    return applications
