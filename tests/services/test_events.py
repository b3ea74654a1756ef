"""An event's status and application window follow from its dates, judged on Bangkok's calendar."""
from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Event
from directory.services.platform import clock
from directory.services.programme.events import (
    ApplicationWindow,
    EventStatus,
    application_window,
    cancel_event,
    event_status,
    seed_programme_events,
)
from tests.event_factories import make_event

SATUN_SLUG = "we-are-cso-3-satun-la-ngu-2019"


@pytest.fixture
def satun(app):
    seed_programme_events()
    db.session.commit()
    return db.session.scalar(sa.select(Event).where(Event.slug == SATUN_SLUG))


# Every boundary of the Satun round: applications 14-31 March, announced 2 April, held 6-8 April,
# works due 21 April 2019.
@pytest.mark.parametrize(("day", "status", "window"), [
    (date(2019, 1, 1), EventStatus.UPCOMING, ApplicationWindow.NOT_YET),
    (date(2019, 3, 13), EventStatus.UPCOMING, ApplicationWindow.NOT_YET),
    (date(2019, 3, 14), EventStatus.OPEN, ApplicationWindow.OPEN),
    (date(2019, 3, 31), EventStatus.OPEN, ApplicationWindow.OPEN),
    (date(2019, 4, 1), EventStatus.CLOSED, ApplicationWindow.CLOSED),
    (date(2019, 4, 2), EventStatus.ANNOUNCED, ApplicationWindow.CLOSED),
    (date(2019, 4, 5), EventStatus.ANNOUNCED, ApplicationWindow.CLOSED),
    (date(2019, 4, 6), EventStatus.RUNNING, ApplicationWindow.CLOSED),
    (date(2019, 4, 8), EventStatus.RUNNING, ApplicationWindow.CLOSED),
    (date(2019, 4, 9), EventStatus.AWAITING_WORKS, ApplicationWindow.CLOSED),
    (date(2019, 4, 21), EventStatus.AWAITING_WORKS, ApplicationWindow.CLOSED),
    (date(2019, 4, 22), EventStatus.FINISHED, ApplicationWindow.CLOSED),
    (date(2020, 1, 1), EventStatus.FINISHED, ApplicationWindow.CLOSED),
])
def test_every_boundary_day_of_the_satun_round(satun, set_clock, day, status, window):
    set_clock(day.year, day.month, day.day)
    assert event_status(satun) is status
    assert application_window(satun) is window
    # An explicit day gives the same answer as the clock.
    assert event_status(satun, day) is status
    assert application_window(satun, day) is window


@pytest.mark.parametrize(("moment", "window"), [
    # 31 March 23:59 in Bangkok is 16:59 UTC: still open.
    (datetime(2019, 3, 31, 16, 59, 59, tzinfo=timezone.utc), ApplicationWindow.OPEN),
    # 17:30 UTC on 31 March is 00:30 on 1 April in Bangkok: closed, though it is still March in UTC.
    (datetime(2019, 3, 31, 17, 30, tzinfo=timezone.utc), ApplicationWindow.CLOSED),
    # The window opens at midnight Bangkok time on 14 March, 17:00 UTC on the 13th.
    (datetime(2019, 3, 13, 16, 59, 59, tzinfo=timezone.utc), ApplicationWindow.NOT_YET),
    (datetime(2019, 3, 13, 17, 0, tzinfo=timezone.utc), ApplicationWindow.OPEN),
])
def test_deadlines_fall_at_midnight_in_bangkok(satun, clock_at, moment, window):
    clock_at(moment)
    assert application_window(satun) is window
    assert clock.today() == (moment + timedelta(hours=7)).date()


def test_a_cancelled_event_is_cancelled_and_takes_no_applications(satun):
    cancel_event(satun)
    db.session.commit()
    assert event_status(satun, date(2019, 3, 20)) is EventStatus.CANCELLED
    assert application_window(satun, date(2019, 3, 20)) is ApplicationWindow.CLOSED


def test_rounds_without_days_are_upcoming_until_their_period_ends(app):
    seed_programme_events()
    db.session.commit()
    phayao = db.session.scalar(sa.select(Event).where(Event.slug == "we-are-cso-phayao-2019"))
    assert event_status(phayao, date(2019, 6, 30)) is EventStatus.UPCOMING
    assert event_status(phayao, date(2019, 7, 1)) is EventStatus.FINISHED
    assert application_window(phayao, date(2019, 3, 20)) is ApplicationWindow.NOT_YET


def test_without_a_works_deadline_the_event_finishes_after_its_last_day(app):
    event = make_event(starts_on=date(2024, 5, 10), ends_on=date(2024, 5, 11),
                       applications_open_on=date(2024, 4, 1), applications_close_on=date(2024, 4, 30))
    assert event_status(event, date(2024, 5, 11)) is EventStatus.RUNNING
    assert event_status(event, date(2024, 5, 12)) is EventStatus.FINISHED
