import numpy as np

from directory.matching import Host, Participant, Weights, match
from directory.matching.balance import Groups, _excess, balance_penalties
from directory.matching.fit import pair_parts

NORTH, SOUTH = (18.8, 99.0), (7.0, 100.5)


def two_provinces(per_province=3):
    """Each province's people live next to one host: travel alone clumps them."""
    people = [Participant(f"n{i}", {"x"}, {"video"}, *NORTH, home_province="north") for i in range(per_province)]
    people += [Participant(f"s{i}", {"x"}, {"photo"}, *SOUTH, home_province="south") for i in range(per_province)]
    hosts = [Host("north-host", per_province, 0, {"x"}, (), *NORTH),
             Host("south-host", per_province, 0, {"x"}, (), *SOUTH)]
    return people, hosts


def test_without_balance_travel_clumps_each_province_at_its_own_host():
    people, hosts = two_provinces()
    result = match(people, hosts, Weights(balance=0))
    assert {p.participant_id[0] + p.host_id[0] for p in result.placements} == {"nn", "ss"}
    assert {(c.host_id, c.kind, c.value, c.count) for c in result.clumps} == {
        ("north-host", "province", "north", 3), ("north-host", "skill", "video", 3),
        ("south-host", "province", "south", 3), ("south-host", "skill", "photo", 3)}


def test_enough_balance_moves_only_the_excess_and_leaves_no_clump():
    people, hosts = two_provinces()
    result = match(people, hosts, Weights(balance=5, travel_max_km=2000))
    by_host = {}
    for placement in result.placements:
        by_host.setdefault(placement.host_id, []).append(placement.participant_id[0])
    assert sorted(by_host["north-host"]) == ["n", "n", "s"] and sorted(by_host["south-host"]) == ["n", "s", "s"]
    assert result.clumps == []
    assert result.first_pass == {p.id: {"n": "north-host", "s": "south-host"}[p.id[0]] for p in people}


def test_a_weak_balance_does_not_outweigh_a_long_journey():
    people, hosts = two_provinces()
    result = match(people, hosts, Weights(balance=0.2))
    assert {p.participant_id[0] + p.host_id[0] for p in result.placements} == {"nn", "ss"}
    assert sorted(p.parts["balance"] for p in result.placements) == [-0.2, -0.2, 0, 0, 0, 0]


def test_penalties_of_a_clump_add_up_to_its_excess_at_the_first_pass():
    people, hosts = two_provinces(per_province=5)
    hosts = [Host(h.id, 5, 0, h.issue_areas, (), h.latitude, h.longitude) for h in hosts]
    pairwise = pair_parts(people, hosts, Weights()).weighted_sum()
    first = np.array([0] * 5 + [1] * 5)
    groups = Groups.of(people)
    penalty = balance_penalties(people, first, pairwise, groups)
    _, fair, excess = _excess(first, groups.province_of, len(hosts))
    assert fair[0].tolist() == [2.5, 2.5] and excess[0].tolist() == [2.0, 0.0]  # north: ceil(2.5) = 3 kept
    seated_north = penalty[:5, 0]
    assert sorted(seated_north.tolist()) == [0, 0, 0, 1, 1]  # province 1 and its one skill 1: (1 + 1) / 2
    assert penalty[5:, 1].sum() == 2  # the same at the south host
    assert (penalty[:5, 1] == 0).all() and (penalty[5:, 0] == 0).all()  # nobody is penalised for moving


def test_participants_without_province_or_skills_are_never_penalised():
    people = [Participant(i, {"x"}, latitude=NORTH[0], longitude=NORTH[1]) for i in range(4)]
    hosts = [Host("near", 4, 0, {"x"}, (), *NORTH), Host("far", 4, 0, {"x"}, (), *SOUTH)]
    result = match(people, hosts, Weights(balance=10))
    assert {p.host_id for p in result.placements} == {"near"} and result.clumps == []
