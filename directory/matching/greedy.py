"""The baseline: global greedy. Take the best-scoring allowed pair whose participant is still free and
whose host still has room, again and again. Fast and common, but neither places the most people nor
reaches the best total, and it ignores host minimums. Used by the benchmark and for comparison."""
import numpy as np

from directory.matching.engine import match


def assign_greedy(scores, allowed, capacity, minimum=None):
    """Host index per participant row (-1: unplaced); same signature as solver.assign_optimal."""
    scores = np.asarray(scores, dtype=float)
    n, host_count = scores.shape
    room = np.array(capacity, dtype=np.int64)
    assignment = np.full(n, -1, dtype=np.int64)
    if n == 0 or room.sum() == 0:
        return assignment
    rows, cols = np.nonzero(allowed)
    order = np.argsort(-scores[rows, cols], kind="stable")
    remaining, places = n, int(room.sum())
    for row, col in zip(rows[order].tolist(), cols[order].tolist()):
        if assignment[row] < 0 and room[col] > 0:
            assignment[row] = col
            room[col] -= 1
            remaining -= 1
            places -= 1
            if not remaining or not places:
                break
    return assignment


def greedy_match(participants, hosts, weights=None, pins=(), forbids=()):
    """The whole engine (pins, forbids, both balance passes, explanations) with greedy assignment."""
    return match(participants, hosts, weights, pins, forbids, assign=assign_greedy)
