"""The participant-to-host matching engine: plain Python, numpy and scipy; no Flask, no database.

    result = match(participants, hosts, Weights(...), pins=[(pid, hid)], forbids=[(pid, hid)])

Score of a pair (participant p, host h) = w_issues * issues + w_skills * skills + w_travel * travel
+ w_balance * balance, each part described in `fit` (issues, skills, travel: [0, 1]) and `balance`
(balance: [-1, 0]). `Placement.parts` holds the four weighted terms; they add up to `Placement.score`.

What "optimal" means
--------------------
Pins are kept first (in the order given; a pin that cannot be kept leaves its participant unplaced with
a reason) and forbidden pairs are never used. Then the engine runs two passes, each an exact solve:

1. First pass: the assignment of the remaining participants that (a) places as many participants as
   possible, (b) among those, fills as many minimum places as possible (the sum over hosts of
   min(placed, minimum), pinned participants included), and (c) among those, has the largest total of
   pair scores without the balance part. `MatchResult.first_pass` keeps it.
2. Balance penalties: every (host, home province) and (host, skill) group of the first pass that is
   larger than its fair share becomes a penalty on the pairs of that group's members at that host,
   except for the fair share's worth of members who fit there best (see `balance`); a pair's balance
   part is minus its penalty. The penalties are then frozen.
3. Second pass: the same exact solve, (a) then (b) then (c), where (c) now uses the full pair score
   including the frozen balance parts. This is the answer.

`MatchResult.total_score` is the sum of the full pair scores of every placement, pinned ones included:
exactly the quantity the second pass maximises (the pinned pairs add a constant). The answer is
therefore optimal for that objective, and the tests check it against brute-force enumeration. It is not
claimed optimal for clumping itself, which depends on the whole assignment (a quadratic objective):
moving people away from a first-pass clump may form a smaller one elsewhere; `MatchResult.clumps`
lists what remains. With `Weights(balance=0)` there is one pass and the objective is purely pairwise.

Each pass is a rectangular linear assignment over host places (`solver`, scipy's
linear_sum_assignment); `greedy` is the baseline the benchmark compares against.
"""
from directory.matching.engine import match
from directory.matching.model import (
    Alternative,
    Clump,
    Host,
    HostShortfall,
    MatchRequest,
    MatchResult,
    Notice,
    Participant,
    Placement,
    Unplaced,
    Weights,
)

__all__ = ["Alternative", "Clump", "Host", "HostShortfall", "MatchRequest", "MatchResult", "Notice",
           "Participant", "Placement", "Unplaced", "Weights", "match"]
