"""The status machine: every allowed move is made and logged; every other pair of the 10 x 10 is refused."""
from datetime import datetime, timedelta, timezone
from itertools import product

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ApplicationStatus, ApplicationStatusChange
from directory.services.platform.clock import BANGKOK
from directory.services.programme.application_status import ALLOWED_MOVES, FINAL_STATUSES, IllegalMove, move_application
from tests.event_factories import submit

S = ApplicationStatus
# Written out here, not read from ALLOWED_MOVES, so a change to the graph makes a test fail.
EXPECTED_MOVES = {
    (S.SUBMITTED, S.SHORTLISTED), (S.SUBMITTED, S.SELECTED), (S.SUBMITTED, S.WAITLISTED),
    (S.SUBMITTED, S.REJECTED), (S.SUBMITTED, S.WITHDRAWN),
    (S.SHORTLISTED, S.SELECTED), (S.SHORTLISTED, S.WAITLISTED), (S.SHORTLISTED, S.REJECTED),
    (S.SHORTLISTED, S.WITHDRAWN),
    (S.WAITLISTED, S.SELECTED), (S.WAITLISTED, S.REJECTED), (S.WAITLISTED, S.WITHDRAWN),
    (S.SELECTED, S.CONFIRMED), (S.SELECTED, S.WAITLISTED), (S.SELECTED, S.WITHDRAWN), (S.SELECTED, S.REJECTED),
    (S.CONFIRMED, S.ATTENDED), (S.CONFIRMED, S.NO_SHOW), (S.CONFIRMED, S.WITHDRAWN),
    (S.ATTENDED, S.COMPLETED), (S.ATTENDED, S.WITHDRAWN),
}
REFUSED_MOVES = set(product(S, S)) - EXPECTED_MOVES


def test_the_graph_is_the_documented_one():
    assert {(a, b) for a, targets in ALLOWED_MOVES.items() for b in targets} == EXPECTED_MOVES
    assert set(ALLOWED_MOVES) == set(S)
    assert FINAL_STATUSES == {S.REJECTED, S.COMPLETED, S.NO_SHOW, S.WITHDRAWN}
    assert len(REFUSED_MOVES) == 100 - 21


def _application_in(status, open_round):
    """An application brought to `status` directly (the path there is not what is tested)."""
    application, _token = submit(open_round)
    application.status = status
    db.session.commit()
    return application


@pytest.mark.parametrize(("start", "target"), sorted(EXPECTED_MOVES, key=lambda m: (m[0].value, m[1].value)),
                         ids=lambda s: s.value)
def test_every_allowed_move_is_made_and_logged(clock_at, open_round, make_user, start, target):
    staff = make_user(role="staff")
    application = _application_in(start, open_round)
    moment = datetime(2019, 3, 25, 10, 30, tzinfo=BANGKOK)
    clock_at(moment)
    move_application(application, target, by=staff, note="reviewed")
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(Application, application.id)
    assert stored.status is target
    last = stored.status_changes[-1]
    assert (last.from_status, last.to_status) == (start, target)
    assert last.changed_by_id == staff.id and last.by_applicant is False and last.note == "reviewed"
    assert abs(_as_utc(last.created_at) - moment) < timedelta(seconds=1)


def _as_utc(value):
    """SQLite gives naive timestamps, stored as UTC."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


@pytest.mark.parametrize(("start", "target"), sorted(REFUSED_MOVES, key=lambda m: (m[0].value, m[1].value)),
                         ids=lambda s: s.value)
def test_every_other_move_is_refused_and_not_logged(app, open_round, make_user, start, target):
    staff = make_user(role="staff")
    application = _application_in(start, open_round)
    logged = len(application.status_changes)
    with pytest.raises(IllegalMove):
        move_application(application, target, by=staff)
    db.session.rollback()
    stored = db.session.get(Application, application.id)
    assert stored.status is start
    assert len(stored.status_changes) == logged


def test_the_applicant_may_only_withdraw(app, open_round):
    application = _application_in(S.SUBMITTED, open_round)
    with pytest.raises(IllegalMove):
        move_application(application, S.SHORTLISTED, by_applicant=True)
    change = move_application(application, S.WITHDRAWN, by_applicant=True)
    db.session.commit()
    assert change.by_applicant and change.changed_by_id is None


def test_statuses_are_accepted_by_value(app, open_round):
    application = _application_in(S.SUBMITTED, open_round)
    move_application(application, "shortlisted")
    assert application.status is S.SHORTLISTED


def test_the_submission_starts_the_history(app, open_round):
    application, _token = submit(open_round)
    db.session.commit()
    changes = db.session.scalars(sa.select(ApplicationStatusChange).where(
        ApplicationStatusChange.application_id == application.id)).all()
    assert [(c.from_status, c.to_status, c.by_applicant) for c in changes] == [(None, S.SUBMITTED, True)]
