"""The path an application takes, from submitted to completed, and the log of every step.

Staff move applications along ALLOWED_MOVES; the applicant can only withdraw (from any state that is
not final). Every move writes an ApplicationStatusChange: who (a staff user or the applicant), when
(services/clock), from and to.
"""
from datetime import timezone

from directory.extensions import db
from directory.models import ApplicationStatus, ApplicationStatusChange
from directory.services.platform import clock

S = ApplicationStatus

ALLOWED_MOVES = {
    S.SUBMITTED: frozenset({S.SHORTLISTED, S.SELECTED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.SHORTLISTED: frozenset({S.SELECTED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.WAITLISTED: frozenset({S.SELECTED, S.REJECTED, S.WITHDRAWN}),
    S.SELECTED: frozenset({S.CONFIRMED, S.WAITLISTED, S.REJECTED, S.WITHDRAWN}),
    S.CONFIRMED: frozenset({S.ATTENDED, S.NO_SHOW, S.WITHDRAWN}),
    # Someone who came may still leave before the programme (and its media work) is complete.
    S.ATTENDED: frozenset({S.COMPLETED, S.WITHDRAWN}),
    S.REJECTED: frozenset(),
    S.COMPLETED: frozenset(),
    S.NO_SHOW: frozenset(),
    S.WITHDRAWN: frozenset(),
}
FINAL_STATUSES = frozenset(status for status, moves in ALLOWED_MOVES.items() if not moves)
# Who may send a media work through the private link.
PARTICIPANT_STATUSES = frozenset({S.CONFIRMED, S.ATTENDED, S.COMPLETED})


class IllegalMove(ValueError):
    """A move the graph does not allow (e.g. rejected to attended), or one the applicant may not make."""

    def __init__(self, from_status, to_status):
        super().__init__(f"an application cannot move from {from_status.value} to {to_status.value}")
        self.from_status = from_status
        self.to_status = to_status


def utc_now():
    """The clock's now (services/clock, so tests can set it) in UTC: SQLite keeps no offset, so stored
    timestamps are UTC, as the database's own server defaults are."""
    return clock.now().astimezone(timezone.utc)


def can_move(from_status, to_status):
    return to_status in ALLOWED_MOVES[from_status]


def is_final(status):
    return status in FINAL_STATUSES


def move_application(application, to, *, by=None, by_applicant=False, note=None):
    """Move `application` to status `to` (an ApplicationStatus or its value) and log it; flushes.

    `by` is the staff user making the move; `by_applicant` marks the applicant's own move through
    the private link, and the only one they may make is withdrawing.
    """
    to = ApplicationStatus(to)
    current = application.status
    if not can_move(current, to) or (by_applicant and to is not S.WITHDRAWN):
        raise IllegalMove(current, to)
    application.status = to
    change = ApplicationStatusChange(from_status=current, to_status=to, changed_by=by,
                                     by_applicant=by_applicant, note=note, created_at=utc_now())
    application.status_changes.append(change)
    db.session.flush()
    return change


def log_submission(application):
    """The first entry of the history: the applicant submitted (there is no state before it)."""
    change = ApplicationStatusChange(from_status=None, to_status=application.status, by_applicant=True,
                                     created_at=utc_now())
    application.status_changes.append(change)
    return change
