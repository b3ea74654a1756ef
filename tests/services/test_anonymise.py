"""`flask events anonymise --older-than DAYS`: personal data of long-finished events goes; counts,
statuses, consents and published works stay; a second run changes nothing."""
import secrets
from datetime import date, datetime, timezone

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ApplicationStatus, Consent, MediaWork
from directory.services.programme.anonymise import anonymise_finished_events, events_to_anonymise
from directory.services.programme.privacy import PERSONAL_FIELDS
from directory.services.programme.works import works_folder
from tests.event_factories import PERSONAL_VALUES, make_application, make_event

S = ApplicationStatus
# Round 3: works due 21 April 2019.
ROUND_3 = dict(starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8), works_due_on=date(2019, 4, 21))


@pytest.fixture
def today(clock_at):
    """The clock on 22 May 2019 (Bangkok): round 3's works were due 31 days before."""
    clock_at(datetime(2019, 5, 22, 12, tzinfo=timezone.utc))
    return date(2019, 5, 22)


def personal(**extra):
    return {**PERSONAL_VALUES, "nickname": "Nok", "other_skill": "Kite photography", "province_code": "91",
            "media_skills": ["photography"], **extra}


def stored_file():
    folder = works_folder()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.pdf"
    (folder / name).write_bytes(b"%PDF-1.4 draft")
    return name


def reload(application):
    db.session.expire_all()
    return db.session.get(Application, application.id)


def test_only_finished_events_older_than_the_limit_are_chosen(today):
    old = make_event(**ROUND_3)
    make_event(starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8), works_due_on=date(2019, 5, 1))  # 21 days
    make_event(starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8))  # ended 44 days ago, no works date
    make_event(period_starts_on=date(2019, 1, 1), period_ends_on=date(2019, 3, 31))  # only a period
    make_event(starts_on=date(2019, 6, 1))  # upcoming
    cancelled = make_event(**ROUND_3, is_cancelled=True)  # cancelled: its applicants are not kept either
    chosen = events_to_anonymise(30)
    assert old in chosen and cancelled in chosen and len(chosen) == 4
    assert [e.works_due_on for e in events_to_anonymise(30) if e.works_due_on] == [date(2019, 4, 21)] * 2
    assert events_to_anonymise(29) and len(events_to_anonymise(29)) == 4
    assert len(events_to_anonymise(50)) == 1  # only the period ending 31 March
    assert old not in events_to_anonymise(31)  # exactly 31 days is not older than 31


def test_personal_data_goes_counts_statuses_consents_and_published_works_stay(today):
    event = make_event(**ROUND_3)
    draft_file = stored_file()
    author = make_application(event, status=S.COMPLETED, display_name="Nok", **personal(), works=[
        {"title": "Published", "url": "https://example.org/p", "is_published": True},
        {"title": "Draft", "file_name": draft_file},
    ])
    quiet = make_application(event, status=S.REJECTED, display_name="Quiet", **personal(email="quiet@example.org"))
    recent = make_event(starts_on=date(2019, 5, 1), ends_on=date(2019, 5, 2), works_due_on=date(2019, 5, 10))
    kept = make_application(recent, status=S.ATTENDED, **personal(email="recent@example.org"))

    assert anonymise_finished_events(30) == {"events": 1, "applications": 2, "works_removed": 1}
    db.session.commit()

    author, quiet, kept = reload(author), reload(quiet), reload(kept)
    for application in (author, quiet):
        assert all(getattr(application, field) is None for field in PERSONAL_FIELDS)
        assert application.media_skills == [] and application.interests == []
        assert application.anonymised_at is not None
    assert author.display_name == "Nok"  # kept beside the published work
    assert quiet.display_name == "ผู้เข้าร่วม / participant #2"
    assert (author.status, quiet.status) == (S.COMPLETED, S.REJECTED)
    assert [w.title for w in author.works] == ["Published"]
    assert not (works_folder() / draft_file).exists()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Application)
                             .where(Application.event_id == event.id)) == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Consent)
                             .where(Consent.application_id == quiet.id)) == len(quiet.consents) > 0
    assert kept.email == "recent@example.org" and kept.anonymised_at is None


def test_a_second_run_changes_nothing(today):
    event = make_event(**ROUND_3)
    make_application(event, status=S.REJECTED, **personal())
    make_application(event, status=S.COMPLETED, **personal(email="b@example.org"))
    anonymise_finished_events(30)
    db.session.commit()
    before = [(a.id, a.display_name, a.anonymised_at) for a in db.session.scalars(
        sa.select(Application).order_by(Application.id))]
    assert anonymise_finished_events(30) == {"events": 0, "applications": 0, "works_removed": 0}
    db.session.commit()
    db.session.expire_all()
    after = [(a.id, a.display_name, a.anonymised_at) for a in db.session.scalars(
        sa.select(Application).order_by(Application.id))]
    assert after == before


def test_the_command_commits_and_prints_counts(app, runner, today):
    event = make_event(**ROUND_3)
    application = make_application(event, status=S.COMPLETED, **personal(), works=[
        {"title": "Published", "url": "https://example.org/p", "is_published": True}])
    result = runner.invoke(args=["events", "anonymise", "--older-than", "30"])
    assert result.exit_code == 0, result.output
    assert "anonymised 1 applications in 1 events" in result.output
    assert reload(application).email is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MediaWork)) == 1
    assert runner.invoke(args=["events", "anonymise", "--older-than", "30"]).output.startswith("anonymised 0")
    assert runner.invoke(args=["events", "anonymise"]).exit_code != 0  # the age is required
