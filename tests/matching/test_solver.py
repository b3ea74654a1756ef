"""The exact solver against brute force, and the greedy baseline."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directory.matching.greedy import assign_greedy
from directory.matching.solver import assign_optimal, max_placeable
from tests.matching.brute_force import best_key, objective_key


@st.composite
def problems(draw):
    n = draw(st.integers(0, 6))
    host_count = draw(st.integers(0, 3))
    seed = draw(st.integers(0, 2 ** 32 - 1))
    rng = np.random.default_rng(seed)
    # coarse values make ties frequent, which is where slot bookkeeping goes wrong
    scores = rng.integers(-4, 9, size=(n, host_count)) / 4.0
    allowed = rng.random((n, host_count)) < draw(st.sampled_from([1.0, 0.8, 0.5]))
    capacity = rng.integers(0, 4, size=host_count)
    minimum = rng.integers(0, 3, size=host_count) * (rng.random(host_count) < 0.5)
    return scores, allowed, capacity, minimum


@settings(max_examples=600, deadline=None)
@given(problems())
def test_the_solver_finds_the_brute_force_optimum(problem):
    scores, allowed, capacity, minimum = problem
    assignment = assign_optimal(scores, allowed, capacity, minimum)

    placed = assignment >= 0
    assert allowed[np.nonzero(placed)[0], assignment[placed]].all()
    assert (np.bincount(assignment[placed], minlength=len(capacity)) <= capacity).all()
    placed_count, filled, total = objective_key(assignment, scores, minimum)
    best_placed, best_filled, best_total = best_key(scores, allowed, capacity, minimum, [-2] * len(scores))
    assert (placed_count, filled) == (best_placed, best_filled)
    assert total == pytest.approx(best_total, abs=1e-9)


@settings(max_examples=200, deadline=None)
@given(problems())
def test_max_placeable_is_the_largest_number_brute_force_places(problem):
    scores, allowed, capacity, _ = problem
    assert max_placeable(allowed, capacity) == best_key(scores, allowed, capacity, np.zeros_like(capacity),
                                                        [-2] * len(scores))[0]


def test_minimum_places_are_filled_before_a_better_total():
    scores = np.array([[5.0, 0.0], [5.0, 0.0], [5.0, -1.0]])
    allowed = np.ones_like(scores, dtype=bool)
    assignment = assign_optimal(scores, allowed, capacity=[3, 2], minimum=[0, 2])
    assert sorted(assignment.tolist()) == [0, 1, 1]
    assert assign_optimal(scores, allowed, capacity=[3, 2], minimum=[0, 0]).tolist() == [0, 0, 0]


def test_placing_more_people_outranks_a_better_total():
    # participant 0 prefers host 0 strongly, but only there can participant 1 go
    scores = np.array([[10.0, 1.0], [0.5, 0.0]])
    allowed = np.array([[True, True], [True, False]])
    assert assign_optimal(scores, allowed, capacity=[1, 1], minimum=[0, 0]).tolist() == [1, 0]


@settings(max_examples=200, deadline=None)
@given(problems())
def test_greedy_respects_places_and_never_beats_the_optimum_when_all_fit(problem):
    scores, allowed, capacity, minimum = problem
    greedy = assign_greedy(scores, allowed, capacity)
    placed = greedy >= 0
    assert allowed[np.nonzero(placed)[0], greedy[placed]].all()
    assert (np.bincount(greedy[placed], minlength=len(capacity)) <= capacity).all()
    optimal = assign_optimal(scores, allowed, capacity, np.zeros_like(capacity))
    greedy_key, optimal_key = (objective_key(a, scores, np.zeros_like(capacity)) for a in (greedy, optimal))
    assert greedy_key[0] <= optimal_key[0]
    if greedy_key[0] == optimal_key[0]:
        assert greedy_key[2] <= optimal_key[2] + 1e-9


def test_greedy_can_be_worse_than_optimal():
    scores = np.array([[10.0, 9.0], [9.0, 1.0]])
    allowed = np.ones_like(scores, dtype=bool)
    assert assign_greedy(scores, allowed, [1, 1]).tolist() == [0, 1]
    assert assign_optimal(scores, allowed, [1, 1], [0, 0]).tolist() == [1, 0]
