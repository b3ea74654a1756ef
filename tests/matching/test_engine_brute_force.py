"""The whole engine on many small random events: both passes reach the brute-force optimum of the
objective they define, pins and forbids included, and total_score is exactly that objective."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directory.matching import Host, Participant, Weights, match
from directory.matching.balance import balance_penalties
from directory.matching.fit import pair_parts
from tests.matching.brute_force import best_key, objective_key

POINTS = [(13.75, 100.5), (18.79, 98.98), (7.0, 100.47), (14.97, 102.1), None]
AREAS = ["children", "elderly", "environment", "labour"]
SKILLS = ["video", "photo", "writing"]
PIN_PROBLEMS = {"conflicting_pins", "pin_to_unknown_host", "pin_forbidden", "pinned_host_full"}


@st.composite
def events(draw, participant_count=st.integers(0, 6), host_count=st.integers(0, 3), capacity=st.integers(0, 3),
           provinces=("A", "B", "C", None), points=POINTS, skills=SKILLS):
    """Random small events. The defaults cover the odd cases (no hosts, no places, no locations); the
    crowded variant makes the first pass clump so that the balance penalties matter."""
    subset = lambda items: st.frozensets(st.sampled_from(items), max_size=3)  # noqa: E731
    participants = []
    for i in range(draw(participant_count)):
        point = draw(st.sampled_from(points))
        participants.append(Participant(
            f"p{i}", draw(subset(AREAS)), draw(subset(skills)), *(point or (None, None)),
            home_province=draw(st.sampled_from(provinces))))
    hosts = []
    for j in range(draw(host_count)):
        point = draw(st.sampled_from(points))
        hosts.append(Host(f"h{j}", draw(capacity), draw(st.integers(0, 2)), draw(subset(AREAS)),
                          draw(subset(skills)), *(point or (None, None))))
    pair = st.tuples(st.sampled_from([p.id for p in participants] or ["nobody"]),
                     st.sampled_from([h.id for h in hosts] + ["h-unknown"]))
    pins = draw(st.lists(pair, max_size=3))
    forbids = draw(st.lists(pair, max_size=4))
    weights = Weights(*(draw(st.sampled_from([0.0, 0.5, 1.0, 2.0])) for _ in range(4)),
                      travel_max_km=draw(st.sampled_from([300.0, 800.0])))
    return participants, hosts, weights, pins, forbids


crowded_events = events(participant_count=st.integers(5, 6), host_count=st.integers(2, 3),
                        capacity=st.integers(2, 4), provinces=("A", "B"), points=POINTS[:2], skills=SKILLS[:2])


@settings(max_examples=300, deadline=None)
@given(events())
def test_both_passes_reach_the_brute_force_optimum(event):
    _check_against_brute_force(*event)


@settings(max_examples=150, deadline=None)
@given(crowded_events)
def test_both_passes_reach_the_brute_force_optimum_when_the_first_pass_clumps(event):
    _check_against_brute_force(*event)


def _check_against_brute_force(participants, hosts, weights, pins, forbids):
    result = match(participants, hosts, weights, pins, forbids)

    n, host_count = len(participants), len(hosts)
    row = {p.id: i for i, p in enumerate(participants)}
    col = {h.id: j for j, h in enumerate(hosts)}
    allowed = np.ones((n, host_count), dtype=bool)
    for participant_id, host_id in forbids:
        if participant_id in row and host_id in col:
            allowed[row[participant_id], col[host_id]] = False
    capacity = np.array([h.capacity for h in hosts], dtype=np.int64)
    minimum = np.array([h.minimum for h in hosts], dtype=np.int64)

    # what the engine kept fixed: valid pins at their host, bad pins out
    fixed = [-2] * n
    for placement in result.placements:
        if placement.pinned:
            assert (placement.participant_id, placement.host_id) in pins
            fixed[row[placement.participant_id]] = col[placement.host_id]
    for unplaced in result.unplaced:
        if unplaced.reason_code in PIN_PROBLEMS:
            assert unplaced.participant_id in {p for p, _ in pins}
            fixed[row[unplaced.participant_id]] = -1
    for participant_id, _ in pins:
        if participant_id in row:
            assert fixed[row[participant_id]] != -2, "every pin is either kept or reported"

    parts = pair_parts(participants, hosts, weights)
    pairwise = parts.weighted_sum()
    first = np.array([col[result.first_pass[p.id]] if p.id in result.first_pass else -1 for p in participants],
                     dtype=np.int64)
    _assert_optimal(first, pairwise, allowed, capacity, minimum, fixed)

    scores = pairwise
    if weights.balance > 0 and (first >= 0).any():
        scores = pairwise + -(weights.balance * balance_penalties(participants, first, pairwise))
    final = np.array([col[result.host_of(p.id)] if result.host_of(p.id) is not None else -1
                      for p in participants], dtype=np.int64)
    _assert_optimal(final, scores, allowed, capacity, minimum, fixed)
    assert result.total_score == pytest.approx(objective_key(final, scores, minimum)[2], abs=1e-12)

    for placement in result.placements:
        assert placement.score == scores[row[placement.participant_id], col[placement.host_id]]
        assert math.fsum(placement.parts.values()) == pytest.approx(placement.score, abs=1e-12)
    assert len(result.placements) + len(result.unplaced) == n


def _assert_optimal(assignment, scores, allowed, capacity, minimum, fixed):
    placed = assignment >= 0
    free_placed = [r for r in np.nonzero(placed)[0] if fixed[r] == -2]
    assert allowed[free_placed, assignment[free_placed]].all()
    assert (np.bincount(assignment[placed], minlength=len(capacity)) <= capacity).all()
    key = objective_key(assignment, scores, minimum)
    best = best_key(scores, allowed, capacity, minimum, fixed)
    assert key[:2] == best[:2]
    assert key[2] == pytest.approx(best[2], abs=1e-9)
