import numpy as np
import pytest
from geopy.distance import geodesic

from directory.matching import Host, Participant, Weights
from directory.matching.fit import distances_km, geodesic_km, pair_parts

BANGKOK, CHIANG_MAI, HAT_YAI = (13.75633, 100.50177), (18.78838, 98.98530), (7.00836, 100.47668)


def test_issue_and_skill_parts_are_the_shared_fractions():
    participant = Participant("p", {"children", "elderly", "labour", "environment"}, {"video", "photo"})
    hosts = [Host("h1", 1, issue_areas={"children", "labour"}, wanted_skills={"video", "writing", "radio", "photo"}),
             Host("h2", 1, issue_areas={"farming"}), Host("h3", 1, wanted_skills={"writing"})]
    parts = pair_parts([participant], hosts, Weights())
    assert parts.issues.tolist() == [[0.5, 0.0, 0.0]]
    assert parts.skills.tolist() == [[0.5, 0.0, 0.0]]  # a host that wants nothing gives 0, not 0/0


def test_travel_falls_linearly_with_geodesic_distance_and_is_zero_without_a_location():
    participants = [Participant("bkk", latitude=BANGKOK[0], longitude=BANGKOK[1]), Participant("nowhere")]
    hosts = [Host("bkk", 1, latitude=BANGKOK[0], longitude=BANGKOK[1]),
             Host("cm", 1, latitude=CHIANG_MAI[0], longitude=CHIANG_MAI[1]),
             Host("hy", 1, latitude=HAT_YAI[0], longitude=HAT_YAI[1]), Host("unknown", 1)]
    parts = pair_parts(participants, hosts, Weights(travel_max_km=700))
    to_chiang_mai = geodesic(BANGKOK, CHIANG_MAI).km
    assert parts.travel[0, :2] == pytest.approx([1.0, 1 - to_chiang_mai / 700])
    assert geodesic(BANGKOK, HAT_YAI).km > 700 and parts.travel[0, 2] == 0.0
    assert parts.travel[0, 3] == 0.0 and parts.travel[1].tolist() == [0.0] * 4
    assert np.isnan(parts.distance_km[1]).all() and np.isnan(parts.distance_km[0, 3])


def test_vectorised_geodesic_agrees_with_geopy_to_a_millimetre():
    rng = np.random.default_rng(7)
    thailand = rng.uniform([5.6, 97.3], [20.5, 105.7], size=(400, 2))
    world = rng.uniform([-85, -180], [85, 180], size=(400, 2))
    for points in (thailand, world):
        a, b = points[:200], points[200:]
        ours = geodesic_km(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
        theirs = [geodesic(x, y).km for x, y in zip(a, b)]
        assert np.abs(ours - theirs).max() < 1e-6  # km


def test_nearly_antipodal_points_fall_back_to_geopy():
    lat1, lon1, lat2, lon2 = np.array([0.5]), np.array([0.0]), np.array([-0.5]), np.array([179.7])
    assert geodesic_km(lat1, lon1, lat2, lon2)[0] == pytest.approx(geodesic((0.5, 0), (-0.5, 179.7)).km, abs=1e-6)


def test_distances_are_computed_once_per_distinct_place_and_spread_back():
    rng = np.random.default_rng(3)
    places = rng.uniform([6, 98], [20, 105], size=(4, 2))
    participants = [Participant(i, latitude=places[i % 4][0], longitude=places[i % 4][1]) for i in range(10)]
    hosts = [Host(j, 1, latitude=lat, longitude=lon)
             for j, (lat, lon) in enumerate(rng.uniform([6, 98], [20, 105], (3, 2)))]
    expected = [[geodesic((p.latitude, p.longitude), (h.latitude, h.longitude)).km for h in hosts]
                for p in participants]
    assert distances_km(participants, hosts) == pytest.approx(np.array(expected), abs=1e-6)
