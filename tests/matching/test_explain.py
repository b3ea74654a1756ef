import math

from directory.matching import Host, Participant, Weights, match

BKK, CNX = (13.75, 100.5), (18.79, 98.98)


def test_each_placement_breaks_its_score_down_and_names_the_next_best_hosts():
    participant = Participant("p", {"children", "elderly"}, {"video"}, *BKK, home_province="Bangkok")
    hosts = [Host("best", 1, 0, {"children", "elderly"}, {"video"}, *BKK),
             Host("second", 1, 0, {"children"}, {"video"}, *BKK),
             Host("third", 1, 0, {"children"}, (), *CNX),
             Host("forbidden", 1, 0, {"children", "elderly"}, {"video"}, *BKK),
             Host("last", 1, 0, (), (), *CNX)]
    result = match([participant], hosts, Weights(issues=2, skills=1, travel=1, balance=1),
                   forbids=[("p", "forbidden")])
    (placement,) = result.placements
    assert placement.host_id == "best" and not placement.pinned
    assert placement.parts == {"issues": 2.0, "skills": 1.0, "travel": 1.0, "balance": 0.0}
    assert math.fsum(placement.parts.values()) == placement.score == result.total_score == 4.0
    assert placement.shared_issue_areas == {"children", "elderly"} and placement.matched_skills == {"video"}
    assert placement.distance_km == 0
    assert [a.host_id for a in placement.next_best] == ["second", "third", "last"]
    assert [a.score for a in placement.next_best] == sorted((a.score for a in placement.next_best), reverse=True)
    assert placement.next_best[0].score == 3.0 and all(a.has_room for a in placement.next_best)


def test_next_best_hosts_say_whether_they_still_have_room():
    people = [Participant(i, {"x"}, (), *BKK) for i in range(2)]
    hosts = [Host("a", 1, 0, {"x"}, (), *BKK), Host("b", 2, 0, {"x"}, (), *CNX)]
    result = match(people, hosts, Weights(balance=0))
    room = {a.host_id: a.has_room for p in result.placements for a in p.next_best}
    assert room == {"a": False, "b": True}


def test_fewer_hosts_than_the_list_gives_what_there_is():
    result = match([Participant("p")], [Host("only", 1)])
    assert result.placements[0].next_best == []
