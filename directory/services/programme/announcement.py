"""Announcing an event's selected participants: the public list of names, and telling every applicant.

The public list shows display names only, and only of people holding a place who agreed to have
their name published. Publishing is allowed from the event's announcement day (Bangkok) on, once.
"""
from __future__ import annotations

import sqlalchemy as sa
from pythainlp.util import collate

from directory.extensions import db
from directory.models import Application, ApplicationStatus, MediaWork
from directory.services.platform import clock
from directory.services.platform.mailer import queue_mail
from directory.services.programme.application_status import utc_now

S = ApplicationStatus
# Who the announcement names: everyone who holds, or held, a place.
ANNOUNCED_STATUSES = frozenset({S.SELECTED, S.CONFIRMED, S.ATTENDED, S.COMPLETED})
# The mail each applicant gets when the list is published (templates/mail/announcement_<outcome>.txt).
# Withdrawn applicants (and anyone past the event, who cannot exist yet) get none.
OUTCOMES = {
    S.SELECTED: "selected",
    S.CONFIRMED: "selected",
    S.WAITLISTED: "waitlisted",
    S.SUBMITTED: "not_selected",
    S.SHORTLISTED: "not_selected",
    S.REJECTED: "not_selected",
}


def applicants_to_tell(by_status):
    """How many applicants the announcement mails, from counts of applications by status."""
    return sum(count for status, count in by_status.items() if status in OUTCOMES)


class AnnouncementRefused(Exception):
    """`code`: "no_date" (the event has no announcement day), "too_early", "cancelled" or "already_announced"."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def announcement_refusal(event, today=None):
    """Why the list cannot be published now, or None when it can."""
    today = today or clock.today()
    if event.is_cancelled:
        return "cancelled"
    if event.announced_at is not None:
        return "already_announced"
    if event.announce_on is None:
        return "no_date"
    if today < event.announce_on:
        return "too_early"
    return None


def announced_names(event):
    """The display names the public announcement shows, in Thai dictionary order."""
    # Once anonymised, only a person with a published work keeps their name (services/anonymise).
    applications = db.session.scalars(
        sa.select(Application).where(Application.event_id == event.id,
                                     Application.status.in_(ANNOUNCED_STATUSES),
                                     Application.anonymised_at.is_(None)
                                     | Application.works.any(MediaWork.is_published))
    ).all()
    return collate([a.public_name.strip() for a in applications if a.public_name])


def publish_announcement(event, announcement_url):
    """Publish the list and queue every applicant's outcome mail; flushes. Returns {outcome: count}.

    The private link's token is not stored (only its hash), so the mails point people to the link
    in the mail they got when they applied. Raises AnnouncementRefused.
    """
    refusal = announcement_refusal(event)
    if refusal:
        raise AnnouncementRefused(refusal)
    event.announced_at = utc_now()
    counts = {"selected": 0, "waitlisted": 0, "not_selected": 0}
    applications = db.session.scalars(
        sa.select(Application).where(Application.event_id == event.id).order_by(Application.id)).all()
    for application in applications:
        outcome = OUTCOMES.get(application.status)
        if outcome is None or not application.email:
            continue
        queue_mail(application.email, f"announcement_{outcome}", application=application, event=event,
                   announcement_url=announcement_url)
        counts[outcome] += 1
    db.session.flush()
    return counts
