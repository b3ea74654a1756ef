"""Bad or awkward input: clear reasons, partial placement where possible, never a crash."""
import pytest

from directory.matching import Host, MatchRequest, Participant, Weights, match


def people(count, **values):
    return [Participant(f"p{i}", values.get("interests", {"x"}), latitude=13.7, longitude=100.5,
                        home_province=f"P{i}") for i in range(count)]


def reasons(result):
    return {u.participant_id: u.reason_code for u in result.unplaced}


def test_no_hosts_leaves_everyone_unplaced_with_a_reason():
    result = match(people(2), [])
    assert result.placements == [] and result.total_score == 0
    assert reasons(result) == {"p0": "no_hosts", "p1": "no_hosts"}
    assert result.unplaced[0].message == "The event has no host organisations yet."


def test_no_participants_is_an_empty_result():
    result = match([], [Host("h", 2, minimum=1)])
    assert result.placements == [] and result.unplaced == []
    assert [(s.host_id, s.minimum, s.placed) for s in result.hosts_below_minimum] == [("h", 1, 0)]


def test_hosts_without_places():
    result = match(people(2), [Host("h1", 0), Host("h2", 0)])
    assert reasons(result) == {"p0": "no_capacity", "p1": "no_capacity"}
    assert "no places" in result.unplaced[0].message


def test_more_participants_than_places_places_as_many_as_fit():
    result = match(people(5), [Host("h1", 2, issue_areas={"x"}), Host("h2", 1)])
    assert len(result.placements) == 3
    assert set(reasons(result).values()) == {"not_enough_places"}
    assert "5 participants for 3 open places" in result.unplaced[0].message


def test_places_taken_by_pins_leave_no_capacity():
    result = match(people(3), [Host("h", 1)], pins=[("p2", "h")])
    assert result.host_of("p2") == "h" and reasons(result) == {"p0": "no_capacity", "p1": "no_capacity"}
    assert "pinned" in result.unplaced[0].message


def test_a_participant_with_no_interests_is_still_placed_and_noticed():
    somebody = Participant("lost", interests=(), latitude=13.7, longitude=100.5)
    result = match([somebody], [Host("h", 1, issue_areas={"x"}, latitude=14, longitude=100)])
    assert result.host_of("lost") == "h" and result.placements[0].parts["issues"] == 0
    assert [(n.code, n.participant_id) for n in result.notices] == [("no_interests", "lost")]


def test_missing_locations_are_noticed():
    result = match([Participant("p", {"x"})], [Host("h", 1)])
    assert {n.code for n in result.notices} == {"participant_without_location", "host_without_location"}
    assert result.placements[0].distance_km is None and result.placements[0].parts["travel"] == 0


def test_forbidden_everywhere():
    result = match(people(2), [Host("h1", 2), Host("h2", 2)], forbids=[("p0", "h1"), ("p0", "h2")])
    assert reasons(result) == {"p0": "all_hosts_forbidden"} and result.host_of("p1") is not None


def test_forbids_are_never_used_even_when_that_leaves_someone_out():
    result = match(people(2), [Host("h1", 1), Host("h2", 1)], forbids=[("p0", "h2"), ("p1", "h2")])
    assert len(result.placements) == 1 and result.placements[0].host_id == "h1"
    assert list(reasons(result).values()) == ["not_enough_places"]


def test_pins_are_kept_even_against_the_fit():
    hosts = [Host("good", 1, issue_areas={"x"}, latitude=13.7, longitude=100.5), Host("poor", 1)]
    assert match(people(1), hosts).host_of("p0") == "good"
    result = match(people(1), hosts, pins=[("p0", "poor")])
    assert result.host_of("p0") == "poor" and result.placements[0].pinned


@pytest.mark.parametrize("pins, forbids, code", [
    ([("p0", "ghost")], [], "pin_to_unknown_host"),
    ([("p0", "h1"), ("p0", "h2")], [], "conflicting_pins"),
    ([("p0", "h1")], [("p0", "h1")], "pin_forbidden"),
    ([("p1", "h1"), ("p0", "h1")], [], "pinned_host_full"),
])
def test_pins_that_cannot_be_kept_leave_their_participant_unplaced_with_a_reason(pins, forbids, code):
    result = match(people(2), [Host("h1", 1), Host("h2", 1)], pins=pins, forbids=forbids)
    assert reasons(result) == {"p0": code}
    assert result.host_of("p1") is not None


def test_the_same_pin_twice_is_one_pin():
    result = match(people(1), [Host("h1", 1), Host("h2", 1)], pins=[("p0", "h2"), ("p0", "h2")])
    assert result.host_of("p0") == "h2" and result.unplaced == []


def test_unknown_ids_in_pins_and_forbids_are_noticed_and_ignored():
    result = match(people(1), [Host("h", 1)], pins=[("ghost", "h")], forbids=[("ghost", "h"), ("p0", "nowhere")])
    assert {n.code for n in result.notices} >= {"pin_unknown_participant", "forbid_unknown_participant",
                                                "forbid_unknown_host"}
    assert result.host_of("p0") == "h"


def test_a_host_below_its_minimum_is_reported_after_filling_what_it_can():
    result = match(people(3), [Host("h1", 5, issue_areas={"x"}), Host("h2", 5, minimum=2),
                               Host("h3", 5, minimum=4)])
    count = [p.host_id for p in result.placements].count
    assert count("h1") == 0 and count("h2") + count("h3") == 3  # minimums first, though h1 fits better
    below = [("h2", 2, count("h2"))] * (count("h2") < 2) + [("h3", 4, count("h3"))]
    assert [(s.host_id, s.minimum, s.placed) for s in result.hosts_below_minimum] == below


def test_minimum_above_capacity_is_noticed():
    result = match(people(1), [Host("h", 1, minimum=3, latitude=13.7, longitude=100.5)])
    assert [n.code for n in result.notices] == ["minimum_above_capacity"]
    assert [(s.host_id, s.placed) for s in result.hosts_below_minimum] == [("h", 1)]


@pytest.mark.parametrize("make", [
    lambda: Host("h", -1),
    lambda: Host("h", 1.5),
    lambda: Host("h", 2, minimum=-1),
    lambda: Weights(travel=-1),
    lambda: Weights(issues=float("nan")),
    lambda: Weights(travel_max_km=0),
    lambda: MatchRequest([Participant(1), Participant(1)], []),
    lambda: MatchRequest([], [Host("h", 1), Host("h", 2)]),
    lambda: MatchRequest([], [], pins=[("p", "h", "x")]),
])
def test_impossible_values_are_refused_when_built(make):
    with pytest.raises(ValueError):
        make()


def test_a_single_string_is_one_interest_not_its_letters():
    assert Participant("p", interests="children").interests == frozenset({"children"})
    assert Participant("p", latitude=13.0).latitude is None  # half a location is none
