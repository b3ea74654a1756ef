"""Exhaustive enumeration of every feasible assignment, for checking the engine on small instances."""
import itertools
import math

import numpy as np


def objective_key(assignment, scores, minimum):
    """(placed, minimum places filled, total score) of a full assignment (host index or -1 per row)."""
    assignment = np.asarray(assignment)
    placed = assignment >= 0
    load = np.bincount(assignment[placed], minlength=scores.shape[1])
    filled = int(np.minimum(load, minimum).sum())
    total = math.fsum(scores[r, assignment[r]] for r in np.nonzero(placed)[0])
    return int(placed.sum()), filled, total


def best_key(scores, allowed, capacity, minimum, fixed):
    """The lexicographically best (placed, filled, total) over all assignments of the rows where
    `fixed` is -2; other rows keep `fixed` (a host index, or -1 for a participant kept out)."""
    scores = np.asarray(scores, dtype=float)
    n, host_count = scores.shape
    free = [r for r in range(n) if fixed[r] == -2]
    choices = [[-1] + [h for h in range(host_count) if allowed[r, h]] for r in free]
    best = None
    for combo in itertools.product(*choices):
        assignment = np.array(fixed, dtype=np.int64)
        assignment[free] = combo
        placed = assignment >= 0
        if (np.bincount(assignment[placed], minlength=host_count) > capacity).any():
            continue
        key = objective_key(assignment, scores, minimum)
        if best is None or _better(key, best):
            best = key
    return best


def _better(key, other):
    if key[:2] != other[:2]:
        return key[:2] > other[:2]
    return key[2] > other[2] + 1e-12
