"""`flask seed --demo` adds one demo event, open for applications today, with demo hosts and applicants."""
from collections import Counter
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ApplicationStatus, ConsentPurpose, Event, EventHost
from directory.services.programme.events import ApplicationWindow, EventStatus, application_window, event_status

TODAY = date(2031, 5, 12)


@pytest.fixture
def seeded(set_clock, runner):
    set_clock(TODAY.year, TODAY.month, TODAY.day, 9)
    result = runner.invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    return result


def demo_event():
    return db.session.scalar(sa.select(Event).where(Event.is_demo))


def test_the_demo_event_is_open_today_with_dates_relative_to_it(seeded):
    event = demo_event()
    assert "demo event: 1 events" in seeded.output
    assert "ตัวอย่าง" in event.title_th and "demo" in event.title_th.lower() and "Demo" in event.title_en
    assert event.applications_open_on == TODAY - timedelta(days=7)
    assert event.applications_close_on == TODAY + timedelta(days=14)
    assert event.announce_on == TODAY + timedelta(days=17)
    assert (event.starts_on, event.ends_on) == (TODAY + timedelta(days=21), TODAY + timedelta(days=23))
    assert event.works_due_on == TODAY + timedelta(days=37)
    assert event_status(event) is EventStatus.OPEN and application_window(event) is ApplicationWindow.OPEN


def test_its_hosts_are_published_demo_organisations_of_its_province(seeded):
    event = demo_event()
    hosts = event.hosts
    assert 4 <= len(hosts) <= 6
    assert sum(host.capacity for host in hosts) >= 20
    for host in hosts:
        assert host.organisation.is_demo and host.organisation.is_published
        assert host.organisation.province_code == event.province_code
        assert host.issue_areas and host.activities_th and host.activities_en and host.wanted_skills
        assert host.minimum <= host.capacity


def test_its_applicants_came_through_the_application_service_with_varied_statuses(seeded):
    event = demo_event()
    applications = db.session.scalars(sa.select(Application).where(Application.event_id == event.id)).all()
    assert 20 <= len(applications) <= 30
    assert len({a.email for a in applications}) == len(applications)
    assert all(a.email.endswith("@example.org") for a in applications)
    assert all(a.has_consent(ConsentPurpose.PROCESSING) and a.display_name for a in applications)
    assert all(a.status_changes for a in applications)  # the service logged each submission
    statuses = Counter(a.status for a in applications)
    assert statuses[ApplicationStatus.SELECTED] and statuses[ApplicationStatus.SHORTLISTED]
    assert statuses[ApplicationStatus.SUBMITTED] and len(statuses) >= 4
    # Minors have a guardian; health notes are kept only with their consent.
    minors = [a for a in applications if event.starts_on.year - a.birth_year < 20]
    assert minors and all(a.guardian_name and a.has_consent(ConsentPurpose.GUARDIAN) for a in minors)
    assert all(a.has_consent(ConsentPurpose.HEALTH_NOTES) for a in applications if a.health_notes)


def test_seeding_again_adds_nothing(seeded, runner):
    counts = {model: db.session.scalar(sa.select(sa.func.count()).select_from(model))
              for model in (Event, EventHost, Application)}
    result = runner.invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    assert "demo event: 0 events, 0 hosts, 0 applications" in result.output
    assert {model: db.session.scalar(sa.select(sa.func.count()).select_from(model))
            for model in (Event, EventHost, Application)} == counts


def test_the_demo_event_page_shows_the_form_and_its_hosts(seeded, client):
    event = demo_event()
    html = client.get(f"/events/{event.public_id}?lang=en").get_data(as_text=True)
    assert 'class="application-form"' in html
    assert all(host.organisation.name_en in html for host in event.hosts)
    assert "This is demo data" in html
