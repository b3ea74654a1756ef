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
    assert_solver_finds_the_brute_force_optimum(problem)


def assert_solver_finds_the_brute_force_optimum(problem):
    """The solver's assignment is feasible and as good as the best one enumeration finds."""
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


# -- the priority order, as fixed cases (each broke once in a way the random cases above may miss) -------

def test_two_hosts_needing_a_minimum_both_get_one_though_the_total_is_far_worse():
    # Host 0 (minimum 1) can only be filled by participant 0, whose place at host 1 (minimum 1) then only
    # participant 1 can take, leaving host 2 where both score best: two people move to fill one more minimum,
    # losing 2 x 10 in total score. A bonus per minimum place of 1 + (score range) would not pay for that.
    scores = np.array([[0.0, 10.0, 0.0],
                       [0.0, 0.0, 10.0]])
    allowed = np.array([[True, True, True],
                        [False, True, True]])
    assignment = assign_optimal(scores, allowed, capacity=[1, 1, 2], minimum=[1, 1, 0])
    assert assignment.tolist() == [0, 1]
    placed, filled, _total = objective_key(assignment, scores, np.array([1, 1, 0]))
    assert (placed, filled) == (2, 2)


def test_a_long_chain_of_moves_still_fills_the_minimum():
    # Filling host 0's one minimum place moves every participant one host along the chain.
    n = 5
    scores = np.zeros((n, n + 1))
    allowed = np.zeros((n, n + 1), dtype=bool)
    for row in range(n):
        allowed[row, row] = allowed[row, row + 1] = True
        scores[row, row + 1] = 100.0  # each prefers the next host along
    minimum = [1] * n + [0]
    assignment = assign_optimal(scores, allowed, capacity=[1] * (n + 1), minimum=minimum)
    assert assignment.tolist() == list(range(n))


def test_placing_more_people_outranks_filling_a_minimum():
    # Only participant 0 may fill host 0's minimum, but then participant 1 (who may go only to host 1)
    # would have no place: two placed with host 0 empty beats one placed with its minimum filled.
    scores = np.array([[0.0, 5.0], [0.0, 5.0]])
    allowed = np.array([[True, True], [False, True]])
    assignment = assign_optimal(scores, allowed, capacity=[1, 1], minimum=[1, 0])
    assert assignment.tolist() == [0, 1]
    allowed[0, 1] = True
    allowed[1, 0] = False
    scores[0, 0] = -50.0
    assert assign_optimal(scores, allowed, capacity=[1, 1], minimum=[1, 0]).tolist() == [0, 1]


def test_among_equal_placements_and_minimums_the_best_total_wins():
    # Filling host 0 costs participant 0 more than participant 1; without the minimum both go elsewhere.
    scores = np.array([[0.0, 5.0, 4.0], [1.0, 5.0, 0.0]])
    allowed = np.ones_like(scores, dtype=bool)
    assert assign_optimal(scores, allowed, capacity=[1, 1, 1], minimum=[1, 0, 0]).tolist() == [1, 0]
    assert assign_optimal(scores, allowed, capacity=[1, 1, 1], minimum=[0, 0, 0]).tolist() == [2, 1]


def test_a_minimum_above_the_capacity_counts_only_the_places_there_are():
    scores = np.array([[0.0, 1.0], [0.0, 1.0], [0.0, 1.0]])
    allowed = np.ones_like(scores, dtype=bool)
    assignment = assign_optimal(scores, allowed, capacity=[2, 3], minimum=[5, 0])
    assert sorted(assignment.tolist()) == [0, 0, 1]


@st.composite
def structured_problems(draw):
    """Problems drawn element by element (so Hypothesis can shrink them), with wide score ranges and
    forbids that force chains of moves, where a too-small minimum bonus shows."""
    n = draw(st.integers(1, 5))
    host_count = draw(st.integers(1, 4))
    value = st.sampled_from([-20.0, -1.0, 0.0, 0.25, 1.0, 3.0, 10.0, 40.0])
    scores = np.array([[draw(value) for _ in range(host_count)] for _ in range(n)]).reshape(n, host_count)
    allowed = np.array([[draw(st.booleans()) for _ in range(host_count)] for _ in range(n)],
                       dtype=bool).reshape(n, host_count)
    capacity = np.array([draw(st.integers(0, 3)) for _ in range(host_count)], dtype=np.int64)
    minimum = np.array([draw(st.integers(0, 2)) for _ in range(host_count)], dtype=np.int64)
    return scores, allowed, capacity, minimum


@settings(max_examples=500, deadline=None)
@given(structured_problems())
def test_the_solver_finds_the_brute_force_optimum_on_structured_problems(problem):
    assert_solver_finds_the_brute_force_optimum(problem)
