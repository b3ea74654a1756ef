"""The whole engine against a brute force that shares none of its code: pair scores from the documented
formula (sets and geopy's geodesic), pins kept or refused by the documented rules, every assignment of
the rest enumerated. test_engine_brute_force.py takes scores and kept pins from the engine itself; this
one would notice if both were wrong in the same way. Balance is off, so the objective is pairwise."""
import itertools
import math

import pytest
from geopy.distance import geodesic
from hypothesis import given, settings
from hypothesis import strategies as st

from directory.matching import Host, Participant, Weights, match

POINTS = [(13.75, 100.5), (18.79, 98.98), (7.0, 100.47), None]
AREAS = ["children", "elderly", "environment"]
SKILLS = ["video", "photo", "writing"]
UNKNOWN = "unknown"


def pair_score(participant, host, weights):
    """The package docstring's score of a pair, balance left out, written out plainly."""
    issues = (len(participant.interests & host.issue_areas) / len(participant.interests)
              if participant.interests else 0.0)
    skills = (len(participant.skills & host.wanted_skills) / len(host.wanted_skills)
              if host.wanted_skills else 0.0)
    travel = 0.0
    if participant.has_location and host.has_location:
        km = geodesic((participant.latitude, participant.longitude), (host.latitude, host.longitude)).km
        travel = max(0.0, 1.0 - km / weights.travel_max_km)
    return weights.issues * issues + weights.skills * skills + weights.travel * travel


def kept_pins(participants, hosts, pins, forbids):
    """{participant id: host id} of the pins the engine must keep: in the order given, a participant's
    repeated pin counts once; pinned to two hosts, to an unknown or forbidden host, or to one whose places
    earlier pins took, the participant stays out."""
    known = {p.id for p in participants}
    capacity = {h.id: h.capacity for h in hosts}
    hosts_of = {}
    for participant_id, host_id in pins:
        if participant_id in known and host_id not in hosts_of.setdefault(participant_id, []):
            hosts_of[participant_id].append(host_id)
    kept, refused = {}, set()
    for participant_id, host_ids in hosts_of.items():
        host_id = host_ids[0]
        if len(host_ids) > 1 or host_id not in capacity or (participant_id, host_id) in forbids \
                or capacity[host_id] == 0:
            refused.add(participant_id)
        else:
            kept[participant_id] = host_id
            capacity[host_id] -= 1
    return kept, refused


def key_of(assignment, hosts, score):
    """(placed, minimum places filled, total score) of {participant id: host id}."""
    load = {h.id: 0 for h in hosts}
    for host_id in assignment.values():
        load[host_id] += 1
    filled = sum(min(load[h.id], h.minimum) for h in hosts)
    return len(assignment), filled, math.fsum(score[pair] for pair in assignment.items())


def best_key(participants, hosts, forbids, kept, refused, score):
    free = [p.id for p in participants if p.id not in kept and p.id not in refused]
    choices = [[None] + [h.id for h in hosts if (p, h.id) not in forbids] for p in free]
    capacity = {h.id: h.capacity for h in hosts}
    best = None
    for combo in itertools.product(*choices):
        assignment = dict(kept)
        assignment.update((p, h) for p, h in zip(free, combo) if h is not None)
        load = {}
        for host_id in assignment.values():
            load[host_id] = load.get(host_id, 0) + 1
        if any(count > capacity[host_id] for host_id, count in load.items()):
            continue
        key = key_of(assignment, hosts, score)
        if best is None or key[:2] > best[:2] or (key[:2] == best[:2] and key[2] > best[2]):
            best = key
    return best


@st.composite
def events(draw):
    subset = lambda items: frozenset(draw(st.sets(st.sampled_from(items), max_size=2)))  # noqa: E731
    participants = []
    for i in range(draw(st.integers(0, 5))):
        point = draw(st.sampled_from(POINTS))
        participants.append(Participant(f"p{i}", subset(AREAS), subset(SKILLS), *(point or (None, None))))
    hosts = []
    for j in range(draw(st.integers(0, 3))):
        point = draw(st.sampled_from(POINTS))
        hosts.append(Host(f"h{j}", draw(st.integers(0, 3)), draw(st.integers(0, 2)), subset(AREAS), subset(SKILLS),
                          *(point or (None, None))))
    pair = st.tuples(st.sampled_from([p.id for p in participants] + [UNKNOWN]),
                     st.sampled_from([h.id for h in hosts] + [UNKNOWN]))
    pins = draw(st.lists(pair, max_size=3))
    forbids = draw(st.lists(pair, max_size=5))
    weight = st.sampled_from([0.0, 1.0, 3.0, 10.0])
    weights = Weights(issues=draw(weight), skills=draw(weight), travel=draw(weight), balance=0.0,
                      travel_max_km=draw(st.sampled_from([300.0, 1000.0])))
    return participants, hosts, weights, pins, forbids


@settings(max_examples=400, deadline=None)
@given(events())
def test_the_engine_reaches_the_optimum_computed_from_first_principles(event):
    participants, hosts, weights, pins, forbids = event
    result = match(participants, hosts, weights, pins, forbids)

    forbidden = set(forbids)
    score = {(p.id, h.id): pair_score(p, h, weights) for p in participants for h in hosts}
    kept, refused = kept_pins(participants, hosts, pins, forbidden)
    assignment = {placement.participant_id: placement.host_id for placement in result.placements}

    assert {p.participant_id: p.host_id for p in result.placements if p.pinned} == kept
    assert refused.isdisjoint(assignment)
    assert not forbidden & {pair for pair in assignment.items() if pair[0] not in kept}
    for host in hosts:
        assert sum(host_id == host.id for host_id in assignment.values()) <= host.capacity
    for placement in result.placements:
        assert placement.score == pytest.approx(score[placement.participant_id, placement.host_id], abs=1e-9)
    assert len(result.placements) + len(result.unplaced) == len(participants)

    placed, filled, total = key_of(assignment, hosts, score)
    best = best_key(participants, hosts, forbidden, kept, refused, score)
    assert (placed, filled) == best[:2]
    assert total == pytest.approx(best[2], abs=1e-9)
    assert result.total_score == pytest.approx(total, abs=1e-9)


def test_two_hosts_needing_one_each_both_get_one_though_everyone_fits_a_third_better():
    # Only Nok may go to the school; the river group then needs Pim, who fits the youth centre best.
    nok = Participant("nok", interests={"environment"})
    pim = Participant("pim", interests={"children"})
    school = Host("school", capacity=1, minimum=1)
    river = Host("river", capacity=1, minimum=1, issue_areas={"environment"})
    youth = Host("youth", capacity=2, issue_areas={"children"})
    result = match([nok, pim], [school, river, youth], Weights(issues=10, skills=0, travel=0, balance=0),
                   forbids=[("pim", "school")])
    assert (result.host_of("nok"), result.host_of("pim")) == ("school", "river")
    assert result.hosts_below_minimum == []


def test_a_pinned_participant_counts_towards_the_minimum_of_their_host():
    people = [Participant(f"p{i}", interests={"children"}) for i in range(3)]
    small = Host("small", capacity=2, minimum=1)
    best = Host("best", capacity=3, issue_areas={"children"})
    result = match(people, [small, best], Weights(issues=1, skills=0, travel=0, balance=0), pins=[("p0", "small")])
    assert [result.host_of(p.id) for p in people] == ["small", "best", "best"]
