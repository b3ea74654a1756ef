"""Publishing and featuring media works, the gallery's order, and who has not sent a work."""
from datetime import date, datetime, timezone

import pytest

from directory.extensions import db
from directory.models import ApplicationStatus, ConsentPurpose
from directory.services.programme.work_moderation import (
    event_works,
    participants_without_works,
    public_author_name,
    published_works,
    set_work_flags,
    works_are_due,
)
from tests.event_factories import make_application, make_event

S = ApplicationStatus


@pytest.fixture
def event(app):
    return make_event(starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8), works_due_on=date(2019, 4, 21))


def test_publishing_stamps_the_time_and_featuring_implies_publishing(event, clock_at):
    clock_at(datetime(2019, 4, 25, 10, tzinfo=timezone.utc))
    work = make_application(event, status=S.ATTENDED, works=[{"title": "A", "url": "https://example.org/a"}]).works[0]
    set_work_flags(work, published=True)
    assert work.is_published and not work.is_featured
    assert work.published_at.replace(tzinfo=timezone.utc) == datetime(2019, 4, 25, 10, tzinfo=timezone.utc)
    set_work_flags(work, published=False, featured=True)
    assert work.is_published and work.is_featured
    set_work_flags(work, published=False, featured=False)
    db.session.commit()
    assert not work.is_published and not work.is_featured and work.published_at is None


def test_unpublishing_unfeatures(event):
    work = make_application(event, works=[{"title": "A", "url": "https://example.org/a", "is_published": True,
                                           "is_featured": True}]).works[0]
    set_work_flags(work, published=False)
    assert not work.is_featured


def test_the_gallery_lists_published_works_featured_first(event):
    application = make_application(event, status=S.COMPLETED, works=[
        {"title": "draft", "url": "https://example.org/1"},
        {"title": "plain", "url": "https://example.org/2", "is_published": True,
         "published_at": datetime(2019, 4, 22, tzinfo=timezone.utc)},
        {"title": "star", "url": "https://example.org/3", "is_published": True, "is_featured": True,
         "published_at": datetime(2019, 4, 23, tzinfo=timezone.utc)},
    ])
    make_application(make_event(), works=[{"title": "elsewhere", "url": "https://example.org/4", "is_published": True}])
    assert [w.title for w in published_works(event)] == ["star", "plain"]
    assert [w.title for w in event_works(event)] == ["draft", "plain", "star"]
    assert public_author_name(application.works[0]) == application.display_name


def test_the_author_is_named_only_with_the_publish_consent(event):
    silent = make_application(event, display_name="Quiet", works=[{"title": "t", "url": "https://example.org/q"}],
                              consents=(ConsentPurpose.PROCESSING,))
    assert public_author_name(silent.works[0]) is None


def test_works_are_due_after_the_due_day_in_bangkok(event, clock_at):
    clock_at(datetime(2019, 4, 21, 16, 59, tzinfo=timezone.utc))  # 23:59 on the due day in Bangkok
    assert not works_are_due(event)
    clock_at(datetime(2019, 4, 21, 17, 0, tzinfo=timezone.utc))
    assert works_are_due(event)
    assert not works_are_due(make_event())  # no due day


def test_participants_without_works_are_the_confirmed_attended_or_completed_with_none(event):
    missing = [make_application(event, status=status, display_name=f"m-{status.value}")
               for status in (S.CONFIRMED, S.ATTENDED, S.COMPLETED)]
    make_application(event, status=S.ATTENDED, works=[{"title": "sent", "url": "https://example.org/s"}])
    for status in (S.SELECTED, S.WAITLISTED, S.NO_SHOW, S.WITHDRAWN, S.REJECTED, S.SUBMITTED):
        make_application(event, status=status)
    make_application(make_event(), status=S.ATTENDED)
    assert {a.id for a in participants_without_works(event)} == {a.id for a in missing}
