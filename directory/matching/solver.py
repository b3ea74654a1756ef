"""The exact assignment: participants to host places, as a rectangular linear assignment problem.

`assign_optimal` returns, among all assignments that respect `allowed` and `capacity`:
  1. one that places as many participants as possible;
  2. among those, one that fills as many minimum places as possible (sum over hosts of
     min(placed there, minimum));
  3. among those, one with the largest total score.

Each host with c free places becomes c columns ("slots") whose costs are the pair's negated score,
identical for all its slots; its first `minimum` slots get a bonus B larger than any possible
difference in total score, so (2) outranks (3) exactly. Forbidden pairs cost +inf (scipy treats them
as impossible). For (1) we add exactly n - m "unplaced" columns of cost 0, where m is the size of a
maximum matching: then every complete row assignment places exactly m participants. m = min(n, places)
when every participant may use at least that many places, and otherwise comes from a maximum flow
(scipy.sparse.csgraph).
"""
import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_array
from scipy.sparse.csgraph import maximum_flow


def assign_optimal(scores, allowed, capacity, minimum):
    """Host index per participant row (-1: unplaced). See the module docstring for the objective."""
    scores = np.asarray(scores, dtype=float)
    n, host_count = scores.shape
    capacity = np.asarray(capacity, dtype=np.int64)
    minimum = np.minimum(np.asarray(minimum, dtype=np.int64), capacity)
    assignment = np.full(n, -1, dtype=np.int64)
    if n == 0 or capacity.sum() == 0:
        return assignment
    placeable = max_placeable(allowed, capacity)
    if placeable == 0:
        return assignment

    cost = np.where(allowed, -scores, np.inf)
    has_minimum = minimum > 0
    if has_minimum.any():
        finite = scores[allowed]
        bonus = 1.0 + n * float(finite.max() - finite.min())
        minimum_cost = cost[:, has_minimum] - bonus
        blocks = np.hstack([minimum_cost, cost])
        repeats = np.concatenate([minimum[has_minimum], capacity - minimum])
        block_host = np.concatenate([np.nonzero(has_minimum)[0], np.arange(host_count)])
    else:
        blocks, repeats, block_host = cost, capacity, np.arange(host_count)
    slots = np.repeat(blocks, repeats, axis=1)
    slot_host = np.repeat(block_host, repeats)
    unplaced_columns = n - placeable
    if unplaced_columns:
        slots = np.hstack([slots, np.zeros((n, unplaced_columns))])
    rows, columns = linear_sum_assignment(slots)
    real = columns < len(slot_host)
    assignment[rows[real]] = slot_host[columns[real]]
    return assignment


def max_placeable(allowed, capacity):
    """How many participants can be placed at all (maximum matching into the places)."""
    capacity = np.asarray(capacity, dtype=np.int64)
    allowed = np.asarray(allowed, dtype=bool) & (capacity > 0)[None, :]
    n, host_count = allowed.shape
    target = min(n, int(capacity.sum()))
    # Hall's condition, cheaply: if each participant alone may use `target` places, any k <= target of
    # them may too, so `target` are placeable. Only when forbids break that does a flow decide.
    if n == 0 or (allowed @ capacity).min() >= target:
        return target
    # source 0, participants 1..n, hosts n+1..n+H, sink n+H+1
    p_rows, h_cols = np.nonzero(allowed)
    sink = n + host_count + 1
    tails = np.concatenate([np.zeros(n, dtype=np.int64), p_rows + 1, n + 1 + np.arange(host_count)])
    heads = np.concatenate([np.arange(1, n + 1), n + 1 + h_cols, np.full(host_count, sink)])
    caps = np.concatenate([np.ones(n + len(p_rows), dtype=np.int64), np.asarray(capacity, dtype=np.int64)])
    graph = csr_array((caps.astype(np.int32), (tails, heads)), shape=(sink + 1, sink + 1))
    return int(maximum_flow(graph, 0, sink).flow_value)
