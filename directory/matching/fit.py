"""The pairwise parts of a participant-host fit, as numpy matrices (participants x hosts).

issues  shared issue areas / the participant's interests (0 when they named none)
skills  the host's wanted skills the participant has / the skills the host wants (0 when it wants none)
travel  1 - distance / travel_max_km, floored at 0 (0 when either side has no location)

Distances are geodesic (WGS-84). geopy's `geodesic` costs ~90 µs a pair: 2,000 participants x 200
hosts would take 14 s even after removing repeated places. So the distinct (participant place, host
place) pairs -- participants share district or province points -- go through a vectorised Vincenty
inverse on the same ellipsoid, which agrees with geopy's Karney geodesic to well under a millimetre for
points that are not nearly antipodal (tests check this against geopy). The few pairs where Vincenty
does not converge (nearly antipodal, never within Thailand) are handed to geopy itself.
"""
from dataclasses import dataclass

import numpy as np
from geopy.distance import geodesic

WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563
WGS84_B = WGS84_A * (1 - WGS84_F)


@dataclass
class PairParts:
    """Unweighted parts per pair, and the distances behind travel."""

    issues: np.ndarray
    skills: np.ndarray
    travel: np.ndarray
    distance_km: np.ndarray  # nan where a location is missing
    weights: object

    def weighted_sum(self):
        """Pairwise score without balance (the first pass's objective)."""
        w = self.weights
        return w.issues * self.issues + w.skills * self.skills + w.travel * self.travel


def pair_parts(participants, hosts, weights):
    shared_issues, interests = _overlap([p.interests for p in participants], [h.issue_areas for h in hosts])
    shared_skills, _ = _overlap([p.skills for p in participants], [h.wanted_skills for h in hosts])
    wanted = np.array([len(h.wanted_skills) for h in hosts], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        issues = np.where(interests[:, None] > 0, shared_issues / interests[:, None], 0.0)
        skills = np.where(wanted[None, :] > 0, shared_skills / wanted[None, :], 0.0)
    distance_km = distances_km(participants, hosts)
    travel = np.clip(1.0 - distance_km / weights.travel_max_km, 0.0, 1.0)
    travel = np.where(np.isnan(travel), 0.0, travel)
    return PairParts(issues, skills, travel, distance_km, weights)


def _overlap(left_sets, right_sets):
    """Counts of common elements for every (left, right) pair, and the size of each left set."""
    vocabulary = {item: i for i, item in enumerate(sorted(set().union(*left_sets, *right_sets), key=str))}
    left = _incidence(left_sets, vocabulary)
    right = _incidence(right_sets, vocabulary)
    return left @ right.T, left.sum(axis=1)


def _incidence(sets, vocabulary):
    matrix = np.zeros((len(sets), len(vocabulary)), dtype=float)
    for row, items in enumerate(sets):
        matrix[row, [vocabulary[item] for item in items]] = 1.0
    return matrix


def distances_km(participants, hosts):
    """Geodesic km for every pair, computed once per distinct pair of points; nan without a location."""
    result = np.full((len(participants), len(hosts)), np.nan)
    p_rows = [i for i, p in enumerate(participants) if p.has_location]
    h_cols = [j for j, h in enumerate(hosts) if h.has_location]
    if not p_rows or not h_cols:
        return result
    p_points, p_index = np.unique([(participants[i].latitude, participants[i].longitude) for i in p_rows],
                                  axis=0, return_inverse=True)
    h_points, h_index = np.unique([(hosts[j].latitude, hosts[j].longitude) for j in h_cols],
                                  axis=0, return_inverse=True)
    lat1, lat2 = np.meshgrid(p_points[:, 0], h_points[:, 0], indexing="ij")
    lon1, lon2 = np.meshgrid(p_points[:, 1], h_points[:, 1], indexing="ij")
    distinct = geodesic_km(lat1, lon1, lat2, lon2)
    result[np.ix_(p_rows, h_cols)] = distinct[np.ix_(p_index.ravel(), h_index.ravel())]
    return result


def geodesic_km(lat1, lon1, lat2, lon2, tolerance=1e-12, max_iterations=200):
    """Vectorised Vincenty inverse on WGS-84, in km; geopy's geodesic where it does not converge."""
    lat1, lon1, lat2, lon2 = (np.asarray(a, dtype=float) for a in (lat1, lon1, lat2, lon2))
    f, a, b = WGS84_F, WGS84_A, WGS84_B
    L = np.radians(lon2 - lon1)
    U1 = np.arctan((1 - f) * np.tan(np.radians(lat1)))
    U2 = np.arctan((1 - f) * np.tan(np.radians(lat2)))
    sinU1, cosU1, sinU2, cosU2 = np.sin(U1), np.cos(U1), np.sin(U2), np.cos(U2)
    lam = L.copy()
    converged = np.zeros(L.shape, dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for _ in range(max_iterations):
            sin_lam, cos_lam = np.sin(lam), np.cos(lam)
            sin_sigma = np.hypot(cosU2 * sin_lam, cosU1 * sinU2 - sinU1 * cosU2 * cos_lam)
            cos_sigma = sinU1 * sinU2 + cosU1 * cosU2 * cos_lam
            sigma = np.arctan2(sin_sigma, cos_sigma)
            sin_alpha = np.where(sin_sigma > 0, cosU1 * cosU2 * sin_lam / sin_sigma, 0.0)
            cos2_alpha = 1 - sin_alpha ** 2
            cos_2sigma_m = np.where(cos2_alpha > 0, cos_sigma - 2 * sinU1 * sinU2 / cos2_alpha, 0.0)
            C = f / 16 * cos2_alpha * (4 + f * (4 - 3 * cos2_alpha))
            previous = lam
            lam = L + (1 - C) * f * sin_alpha * (
                sigma + C * sin_sigma * (cos_2sigma_m + C * cos_sigma * (-1 + 2 * cos_2sigma_m ** 2)))
            converged = np.abs(lam - previous) <= tolerance
            if converged.all():
                break
        u2 = cos2_alpha * (a ** 2 - b ** 2) / b ** 2
        A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
        B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
        delta_sigma = B * sin_sigma * (cos_2sigma_m + B / 4 * (
            cos_sigma * (-1 + 2 * cos_2sigma_m ** 2)
            - B / 6 * cos_2sigma_m * (-3 + 4 * sin_sigma ** 2) * (-3 + 4 * cos_2sigma_m ** 2)))
        km = b * A * (sigma - delta_sigma) / 1000.0
    km = np.where(sin_sigma == 0, 0.0, km)
    for index in zip(*np.nonzero(~converged | ~np.isfinite(km))):
        km[index] = geodesic((lat1[index], lon1[index]), (lat2[index], lon2[index])).km
    return km
