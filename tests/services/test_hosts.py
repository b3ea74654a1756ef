"""Host organisations of an event: who may host, how many they take, and when they may be removed."""
from datetime import date

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import EventHost, OrganisationStatus
from directory.services.programme.hosts import (
    HostError,
    add_host,
    events_hosted_by,
    public_hosts,
    remove_host,
    update_host,
)
from tests.event_factories import make_application, make_event


@pytest.fixture
def event(app):
    return make_event(starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8))


def test_a_published_organisation_hosts_with_its_capacity_issues_and_activities(event, make_organisation):
    organisation = make_organisation(district="ละงู")
    host = add_host(event, organisation, capacity=6, minimum=2, issue_areas=["elderly-care", "environment"],
                    activities_th="เยี่ยมบ้านผู้สูงอายุ", activities_en="Home visits", wanted_skills=["photography"])
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(EventHost, host.id)
    assert (stored.capacity, stored.minimum) == (6, 2)
    assert {area.slug for area in stored.issue_areas} == {"elderly-care", "environment"}
    assert (stored.activities_th, stored.activities_en, stored.wanted_skills) == (
        "เยี่ยมบ้านผู้สูงอายุ", "Home visits", ["photography"])
    assert event.hosts == [stored]


@pytest.mark.parametrize("status", [OrganisationStatus.DRAFT, OrganisationStatus.ARCHIVED])
def test_only_a_published_organisation_can_host(event, make_organisation, status):
    organisation = make_organisation(status=status)
    with pytest.raises(HostError) as refused:
        add_host(event, organisation, capacity=5)
    assert refused.value.code == "not_published"
    assert db.session.scalar(sa.select(sa.func.count()).select_from(EventHost)) == 0


def test_an_organisation_hosts_an_event_once(event, make_organisation):
    organisation = make_organisation()
    add_host(event, organisation, capacity=5)
    with pytest.raises(HostError) as refused:
        add_host(event, organisation, capacity=3)
    assert refused.value.code == "already_hosting"


@pytest.mark.parametrize(("capacity", "minimum", "code"), [
    (-1, 0, "negative_capacity"),
    (True, 0, "negative_capacity"),
    ("5", 0, "negative_capacity"),
    (5, -1, "negative_minimum"),
    (3, 4, "minimum_above_capacity"),
])
def test_capacity_and_minimum_are_checked(event, make_organisation, capacity, minimum, code):
    with pytest.raises(HostError) as refused:
        add_host(event, make_organisation(), capacity=capacity, minimum=minimum)
    assert refused.value.code == code


def test_zero_capacity_is_allowed(event, make_organisation):
    assert add_host(event, make_organisation(), capacity=0).capacity == 0


def test_an_unknown_issue_area_is_refused(event, make_organisation):
    with pytest.raises(HostError) as refused:
        add_host(event, make_organisation(), capacity=2, issue_areas=["no-such-issue"])
    assert refused.value.code == "unknown_issue_area"


def test_an_unknown_media_skill_is_refused(event, make_organisation):
    with pytest.raises(HostError) as refused:
        add_host(event, make_organisation(), capacity=2, wanted_skills=["photography", "juggling"])
    assert refused.value.code == "unknown_skill"


def test_update_changes_only_what_is_given_and_a_refusal_changes_nothing(event, make_organisation):
    host = add_host(event, make_organisation(), capacity=5, minimum=1, issue_areas=["environment"],
                    activities_th="ปลูกป่า")
    update_host(host, {"capacity": 8, "activities_en": "Planting trees"})
    assert (host.capacity, host.minimum, host.activities_th, host.activities_en) == (8, 1, "ปลูกป่า", "Planting trees")
    assert [area.slug for area in host.issue_areas] == ["environment"]
    with pytest.raises(HostError) as refused:
        update_host(host, {"minimum": 9})
    assert refused.value.code == "minimum_above_capacity"
    with pytest.raises(HostError) as refused:
        update_host(host, {"capacity": 4, "issue_areas": ["no-such-issue"]})
    assert refused.value.code == "unknown_issue_area"
    assert (host.capacity, host.minimum, [a.slug for a in host.issue_areas]) == (8, 1, ["environment"])
    with pytest.raises(HostError) as refused:
        update_host(host, {"organisation_id": 1})
    assert refused.value.code == "unknown_field"


def test_a_host_with_placed_participants_cannot_be_removed_or_shrink_below_them(event, make_organisation):
    host = add_host(event, make_organisation(), capacity=3)
    other = add_host(event, make_organisation(), capacity=3)
    make_application(event, host_id=host.id)
    make_application(event, host_id=host.id)
    with pytest.raises(HostError) as refused:
        remove_host(host)
    assert refused.value.code == "has_participants"
    with pytest.raises(HostError) as refused:
        update_host(host, {"capacity": 1})
    assert refused.value.code == "below_placed"
    update_host(host, {"capacity": 2})
    remove_host(other)
    db.session.commit()
    assert [h.id for h in db.session.scalars(sa.select(EventHost))] == [host.id]


def test_events_hosted_by_lists_the_organisations_events_latest_first(app, make_organisation):
    organisation, bystander = make_organisation(), make_organisation()
    older = make_event(starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8))
    undated = make_event(period_starts_on=date(2019, 1, 1), period_ends_on=date(2019, 6, 30))
    newer = make_event(starts_on=date(2024, 1, 6))
    not_hosted = make_event(starts_on=date(2025, 1, 6))
    for event in (older, undated, newer):
        add_host(event, organisation, capacity=2)
    add_host(not_hosted, bystander, capacity=2)
    db.session.commit()
    assert [host.event for host in events_hosted_by(organisation)] == [newer, older, undated]


def test_public_hosts_leave_out_organisations_no_longer_published(event, make_organisation):
    shown, hidden = make_organisation(), make_organisation()
    add_host(event, shown, capacity=2)
    add_host(event, hidden, capacity=2)
    hidden.status = OrganisationStatus.ARCHIVED
    db.session.commit()
    assert [host.organisation for host in public_hosts(event)] == [shown]
