"""Placing an event's participants with its hosts through the models: who is matched, rules staff set,
accepting a suggestion, and the hosts' rosters."""
from datetime import date, datetime

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ApplicationStatus, ConsentPurpose, IssueArea, MatchRule
from directory.services.platform.clock import BANGKOK
from directory.services.programme.hosts import add_host
from directory.services.programme.placements import (
    PlacementError,
    accept_placements,
    accepted_by,
    clear_rule,
    host_roster,
    move_by_hand,
    set_rule,
    suggest_placements,
)
from tests.event_factories import make_application, make_event

S = ApplicationStatus
WITHOUT_SHARING = tuple(purpose for purpose in ConsentPurpose if purpose is not ConsentPurpose.SHARE_WITH_HOST)
# Each host sits on its province's centroid, so a participant from that province travels 0 km.
HOSTS = (
    # name, province (for the point), latitude, longitude, issue areas, wanted skills
    ("มูลนิธิรักษ์สตูล", "สตูล", 6.62382, 100.06737, ["elderly-care"], ["photography"]),
    ("สมาคมเด็กพะเยา", "พะเยา", 19.34167, 100.18545, ["children-youth"], ["writing"]),
    ("เครือข่ายกรุงเทพ", "กรุงเทพมหานคร", 13.75633, 100.50177, ["women-gender"], ["video"]),
)
# display name, home province, interests, skills: each fits one host clearly.
PEOPLE = (
    ("Ann", "91", ["elderly-care"], ["photography"]),
    ("Ben", "91", ["elderly-care"], ["photography"]),
    ("Cha", "56", ["children-youth"], ["writing"]),
    ("Dao", "56", ["children-youth"], ["writing"]),
    ("Eak", "10", ["women-gender"], ["video"]),
    ("Fon", "10", ["women-gender"], ["video"]),
    ("Gib", "91", ["elderly-care", "children-youth"], ["writing"]),
    ("Hom", "10", ["women-gender"], ["photography", "video"]),
)


def interests(*slugs):
    return list(db.session.scalars(sa.select(IssueArea).where(IssueArea.slug.in_(slugs))))


def make_scenario(make_organisation, capacities=(3, 3, 3), people=PEOPLE, **event_values):
    """An event with three hosts and selected participants who each fit one host; returns (event, hosts, apps)."""
    event = make_event(starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8), **event_values)
    hosts = []
    for (name, province, latitude, longitude, areas, skills), capacity in zip(HOSTS, capacities):
        organisation = make_organisation(name_th=name, province=province, latitude=latitude, longitude=longitude)
        hosts.append(add_host(event, organisation, capacity=capacity, issue_areas=areas, wanted_skills=skills))
    db.session.commit()
    applications = [make_participant(event, name, province, areas, skills)
                    for name, province, areas, skills in people]
    return event, hosts, applications


def make_participant(event, name, province="91", areas=("elderly-care",), skills=("photography",),
                     status=S.SELECTED, **values):
    return make_application(event, status=status, display_name=name, province_code=province,
                            interests=interests(*areas), media_skills=list(skills), **values)


@pytest.fixture
def scenario(app, make_organisation):
    return make_scenario(make_organisation)


def by_name(suggestion):
    """Display name -> suggested host's organisation name (None when unplaced)."""
    return {application.display_name: (suggestion.hosts[suggestion.placement_of[application.id].host_id]
                                       .organisation.name_th if application.id in suggestion.placement_of else None)
            for application in suggestion.applications.values()}


def test_each_participant_goes_to_the_host_that_fits_them(scenario):
    event, hosts, applications = scenario
    suggestion = suggest_placements(event)

    placed = by_name(suggestion)
    assert [placed[name] for name in ("Ann", "Ben", "Cha", "Dao", "Eak", "Fon")] == [
        "มูลนิธิรักษ์สตูล", "มูลนิธิรักษ์สตูล", "สมาคมเด็กพะเยา", "สมาคมเด็กพะเยา", "เครือข่ายกรุงเทพ",
        "เครือข่ายกรุงเทพ"]
    assert None not in placed.values() and suggestion.unplaced == []
    ann = suggestion.placement_of[applications[0].id]
    assert ann.distance_km == 0 and ann.parts["travel"] == 1  # home province centroid = the host's point
    assert ann.parts["issues"] == 1 and ann.parts["skills"] == 1
    assert ann.shared_issue_areas == {"elderly-care"} and ann.matched_skills == {"photography"}
    assert suggestion.fit[(applications[2].id, hosts[0].id)] == 0  # Satun is beyond 800 km from Phayao
    assert 0 < suggestion.fit[(applications[2].id, hosts[2].id)] < 1  # only travel counts: Bangkok, ~600 km
    assert len(ann.next_best) == 2 and {alt.host_id for alt in ann.next_best} == {hosts[1].id, hosts[2].id}
    assert suggestion.load == {hosts[0].id: 3, hosts[1].id: 2, hosts[2].id: 3}


def test_only_selected_and_confirmed_applicants_are_matched(app, make_organisation):
    event, hosts, applications = make_scenario(make_organisation, people=PEOPLE[:2])
    confirmed = make_participant(event, "Con", status=S.CONFIRMED)
    others = [make_participant(event, status.value, status=status)
              for status in (S.SUBMITTED, S.SHORTLISTED, S.WAITLISTED, S.REJECTED, S.ATTENDED, S.WITHDRAWN)]

    suggestion = suggest_placements(event)

    assert set(suggestion.applications) == {applications[0].id, applications[1].id, confirmed.id}
    assert not {other.id for other in others} & set(suggestion.placement_of)


def test_applicants_without_consent_to_share_are_left_out_with_a_reason(app, make_organisation):
    event, hosts, applications = make_scenario(make_organisation, people=PEOPLE[:2])
    private = make_application(event, status=S.SELECTED, display_name="Quiet", consents=WITHOUT_SHARING)

    suggestion = suggest_placements(event)

    assert private.id not in suggestion.placement_of
    assert [(u.participant_id, u.reason_code) for u in suggestion.unplaced] == [(private.id, "no_share_consent")]
    with pytest.raises(PlacementError) as refused:
        set_rule(event, private, hosts[0], "pin")
    assert refused.value.code == "no_share_consent"


def test_a_pin_holds_in_every_run_and_against_the_fit(scenario, make_user):
    event, hosts, applications = scenario
    ann, staff = applications[0], make_user(role="staff")
    assert suggest_placements(event).placement_of[ann.id].host_id == hosts[0].id

    rule = set_rule(event, ann, hosts[1], "pin", by=staff)
    db.session.commit()

    assert (rule.kind, rule.created_by_id, rule.event_id) == ("pin", staff.id, event.id)
    for _ in range(2):
        placement = suggest_placements(event).placement_of[ann.id]
        assert placement.host_id == hosts[1].id and placement.pinned


def test_a_forbidden_pair_is_never_used(scenario):
    event, hosts, applications = scenario
    ann = applications[0]
    set_rule(event, ann, hosts[0], "forbid")
    db.session.commit()

    suggestion = suggest_placements(event)

    assert suggestion.placement_of[ann.id].host_id != hosts[0].id
    assert hosts[0].id not in {alt.host_id for alt in suggestion.placement_of[ann.id].next_best}
    assert suggestion.rules == {(ann.id, hosts[0].id): "forbid"}


def rules():
    return {(rule.host_id, rule.kind) for rule in db.session.scalars(sa.select(MatchRule))}


def test_a_new_pin_replaces_the_old_and_a_rule_replaces_the_other_kind_on_its_pair(scenario):
    event, hosts, applications = scenario
    ann = applications[0]
    set_rule(event, ann, hosts[1], "pin")
    set_rule(event, ann, hosts[2], "forbid")
    set_rule(event, ann, hosts[0], "pin")
    db.session.commit()
    assert rules() == {(hosts[0].id, "pin"), (hosts[2].id, "forbid")}

    set_rule(event, ann, hosts[2], "pin")
    assert rules() == {(hosts[2].id, "pin")}


def test_moving_by_hand_is_a_pin_that_replaces_the_old_one(scenario, make_user):
    event, hosts, applications = scenario
    ann, staff = applications[0], make_user(role="staff")
    move_by_hand(ann, hosts[1], by=staff)
    move_by_hand(ann, hosts[2], by=staff)
    db.session.commit()

    assert [(r.host_id, r.kind, r.created_by_id) for r in db.session.scalars(sa.select(MatchRule))] == [
        (hosts[2].id, "pin", staff.id)]
    assert suggest_placements(event).placement_of[ann.id].host_id == hosts[2].id


def test_clearing_a_rule(scenario):
    event, hosts, applications = scenario
    ann = applications[0]
    set_rule(event, ann, hosts[1], "pin")
    assert clear_rule(event, ann, hosts[1]) is True
    assert clear_rule(event, ann, hosts[1]) is False
    db.session.commit()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MatchRule)) == 0
    assert suggest_placements(event).placement_of[ann.id].host_id == hosts[0].id


def test_rules_only_for_this_events_selected_applicants_and_hosts(scenario, make_organisation):
    event, hosts, applications = scenario
    other_event, other_hosts, other_applications = make_scenario(make_organisation, people=PEOPLE[:1])
    submitted = make_participant(event, "Sub", status=S.SUBMITTED)
    for application, host, code in ((applications[0], other_hosts[0], "not_a_host"),
                                    (other_applications[0], hosts[0], "not_this_event"),
                                    (submitted, hosts[0], "not_selected")):
        with pytest.raises(PlacementError) as refused:
            set_rule(event, application, host, "pin")
        assert refused.value.code == code
    with pytest.raises(PlacementError):
        set_rule(event, applications[0], hosts[0], "maybe")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MatchRule)) == 0


def test_accepting_saves_host_who_and_when_and_clears_the_unplaced(clock_at, make_organisation, make_user):
    clock_at(datetime(2019, 4, 3, 9, 30, tzinfo=BANGKOK))
    event, hosts, applications = make_scenario(make_organisation, capacities=(3, 3, 1))
    staff = make_user(role="staff", display_name="Khun Staff")
    private = make_application(event, status=S.CONFIRMED, display_name="Quiet", consents=WITHOUT_SHARING,
                               host_id=hosts[0].id)
    suggestion = suggest_placements(event)
    unplaced = [u.participant_id for u in suggestion.result.unplaced]
    assert len(unplaced) == 1 and suggestion.result.unplaced[0].reason_code == "not_enough_places"
    db.session.get(Application, unplaced[0]).host_id = hosts[2].id  # an earlier placement, now undone
    db.session.commit()
    assert accepted_by(suggestion) == (None, None)

    assert accept_placements(event, suggestion, staff) == 7
    db.session.commit()
    db.session.expire_all()

    for application in applications:
        stored = db.session.get(Application, application.id)
        if application.id in unplaced:
            assert (stored.host_id, stored.placed_by_id, stored.placed_at) == (None, None, None)
        else:
            assert stored.host_id == suggestion.placement_of[application.id].host_id
            assert stored.placed_by_id == staff.id
            assert stored.placed_at.replace(tzinfo=None) in (datetime(2019, 4, 3, 9, 30), datetime(2019, 4, 3, 2, 30))
    assert db.session.get(Application, private.id).host_id is None
    user, when = accepted_by(suggest_placements(event))
    assert user.display_name == "Khun Staff" and when is not None


def test_accepting_a_suggestion_of_another_event_is_refused(scenario, make_organisation, make_user):
    event, hosts, applications = scenario
    other_event = make_scenario(make_organisation, people=())[0]
    with pytest.raises(PlacementError):
        accept_placements(other_event, suggest_placements(event), make_user(role="staff"))


def test_the_fingerprint_follows_the_placement_pairs(scenario):
    event, hosts, applications = scenario
    first = suggest_placements(event).fingerprint
    assert suggest_placements(event).fingerprint == first
    set_rule(event, applications[0], hosts[1], "pin")
    db.session.commit()
    assert suggest_placements(event).fingerprint != first


def test_no_hosts_leaves_everyone_unplaced_with_a_reason(app, make_organisation):
    event, hosts, applications = make_scenario(make_organisation, capacities=(), people=PEOPLE[:3])
    suggestion = suggest_placements(event)
    assert suggestion.result.placements == [] and suggestion.hosts == {}
    assert {u.reason_code for u in suggestion.unplaced} == {"no_hosts"} and len(suggestion.unplaced) == 3


def test_hosts_without_places(app, make_organisation):
    event, hosts, applications = make_scenario(make_organisation, capacities=(0, 0, 0), people=PEOPLE[:2])
    assert {u.reason_code for u in suggest_placements(event).unplaced} == {"no_capacity"}


def test_a_participant_without_interests_or_province_is_placed_and_noticed(scenario):
    event, hosts, applications = scenario
    lost = make_participant(event, "Lost", province=None, areas=(), skills=())
    suggestion = suggest_placements(event)
    assert lost.id in suggestion.placement_of
    assert {(n.code, n.participant_id) for n in suggestion.result.notices} == {
        ("no_interests", lost.id), ("participant_without_location", lost.id)}


def test_no_participants_is_an_empty_suggestion(app, make_organisation):
    event, hosts, applications = make_scenario(make_organisation, people=())
    suggestion = suggest_placements(event)
    assert suggestion.applications == {} and suggestion.result.placements == [] and suggestion.unplaced == []


def test_a_roster_lists_only_that_hosts_participants(scenario):
    event, hosts, applications = scenario
    applications[0].host_id = applications[1].host_id = hosts[0].id
    applications[2].host_id = hosts[1].id
    withdrawn = make_participant(event, "Gone", status=S.WITHDRAWN, host_id=hosts[0].id)
    db.session.commit()
    assert [a.display_name for a in host_roster(hosts[0])] == ["Ann", "Ben"]
    assert [a.display_name for a in host_roster(hosts[1])] == ["Cha"]
    assert withdrawn not in host_roster(hosts[0])
