"""Explanations: each placement's score broken down by part, and the next-best hosts."""
import numpy as np

from directory.matching.model import Alternative, Placement

NEXT_BEST = 3


def placements(participants, hosts, assignment, pinned, parts, weighted_balance, scores, allowed, capacity):
    """One Placement per placed participant, in input order. `weighted_balance` is the pair's balance
    part after weighting; the other parts are weighted here the same way the score was built."""
    weights = parts.weights
    load = np.bincount(assignment[assignment >= 0], minlength=len(hosts))
    has_room = load < np.asarray(capacity)
    alternatives = _next_best(scores, allowed, assignment)
    result = []
    for row in np.nonzero(assignment >= 0)[0].tolist():
        col = int(assignment[row])
        participant, host = participants[row], hosts[col]
        pair_parts = {
            "issues": float(weights.issues * parts.issues[row, col]),
            "skills": float(weights.skills * parts.skills[row, col]),
            "travel": float(weights.travel * parts.travel[row, col]),
            "balance": float(weighted_balance[row, col]) + 0.0,  # no "-0.0"
        }
        distance = parts.distance_km[row, col]
        result.append(Placement(
            participant_id=participant.id,
            host_id=host.id,
            score=float(scores[row, col]),
            parts=pair_parts,
            next_best=[Alternative(hosts[j].id, float(scores[row, j]), bool(has_room[j])) for j in alternatives[row]],
            pinned=bool(pinned[row]),
            shared_issue_areas=participant.interests & host.issue_areas,
            matched_skills=participant.skills & host.wanted_skills,
            distance_km=None if np.isnan(distance) else round(float(distance), 3),
        ))
    return result


def _next_best(scores, allowed, assignment, top=NEXT_BEST):
    """Per row, up to `top` other allowed hosts by score, best first."""
    n, host_count = scores.shape
    if host_count == 0:
        return [[] for _ in range(n)]
    candidates = np.where(allowed, scores, -np.inf)
    placed = assignment >= 0
    candidates[np.nonzero(placed)[0], assignment[placed]] = -np.inf
    k = min(top, host_count)
    best = np.argpartition(-candidates, k - 1, axis=1)[:, :k]
    best_scores = np.take_along_axis(candidates, best, axis=1)
    order = np.lexsort((best, -best_scores), axis=1)
    best = np.take_along_axis(best, order, axis=1)
    best_scores = np.take_along_axis(best_scores, order, axis=1)
    return [[int(j) for j, s in zip(cols, vals) if s > -np.inf] for cols, vals in zip(best, best_scores)]
