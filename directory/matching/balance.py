"""Balance: spreading home provinces and skills across hosts instead of clumping them.

Clumping is a property of a whole assignment, not of a pair, so no assignment solver can price it
exactly. We measure it against a fair share and turn the first pass's clumps into pair penalties:

- a group is a home province or a skill (someone with several skills is in several skill groups);
- allowance(h, g) = ceil(load(h) * placed(g) / placed): the group's fair share of the host's places;
- a clump is a (host, group) whose first-pass count exceeds its allowance; its excess is the difference;
- in a clump, the `allowance` members with the best first-pass pair score keep their seats; every other
  member of the group pays 1 for the group at that host -- whether it sat there in the first pass or
  not, so that the re-solve neither keeps the excess nor refills it with others of the same group;
- a participant's penalty at h = (province penalty + mean skill penalty over its skills) / 2, in [0, 1];
  the pair's balance part is minus that (times the balance weight).

At the first-pass assignment the penalties of a clump's members add up to its excess, so the linear
penalty is exactly the clump size there. Penalising only the members beyond the allowance (rather than
the whole group) is what keeps the re-solve from moving the whole group elsewhere and forming a mirror
clump.
"""
from dataclasses import dataclass

import numpy as np

from directory.matching.model import Clump


@dataclass
class Groups:
    """Participants' province and skill memberships as incidence matrices."""

    provinces: list
    province_of: np.ndarray  # n x P, one 1 per row at most
    skills: list
    skill_of: np.ndarray  # n x S

    @classmethod
    def of(cls, participants):
        provinces = sorted({p.home_province for p in participants if p.home_province is not None}, key=str)
        skills = sorted(set().union(*(p.skills for p in participants)), key=str)
        province_index = {value: i for i, value in enumerate(provinces)}
        skill_index = {value: i for i, value in enumerate(skills)}
        province_of = np.zeros((len(participants), len(provinces)))
        skill_of = np.zeros((len(participants), len(skills)))
        for row, participant in enumerate(participants):
            if participant.home_province is not None:
                province_of[row, province_index[participant.home_province]] = 1.0
            skill_of[row, [skill_index[s] for s in participant.skills]] = 1.0
        return cls(provinces, province_of, skills, skill_of)


def _excess(assignment, members, host_count):
    """(counts, fair shares, excess) per host x group for an assignment (host index, -1 unplaced)."""
    placed = assignment >= 0
    counts = np.zeros((host_count, members.shape[1]))
    np.add.at(counts, assignment[placed], members[placed])
    load = np.bincount(assignment[placed], minlength=host_count).astype(np.int64)
    group_total = members[placed].sum(axis=0).astype(np.int64)
    total = max(int(placed.sum()), 1)
    product = load[:, None] * group_total[None, :]
    allowance = -(-product // total)  # integer ceiling, no rounding surprises
    return counts, product / total, np.maximum(counts - allowance, 0.0)


def _group_penalties(assignment, members, pairwise, host_count):
    """Participants x hosts sum of the group penalties (0 or 1 per group) described above."""
    counts, _, excess = _excess(assignment, members, host_count)
    penalty = np.zeros((members.shape[0], host_count))
    for h, g in zip(*np.nonzero(excess > 0)):
        in_group = members[:, g] > 0
        seated = np.nonzero(in_group & (assignment == h))[0]
        order = np.argsort(-pairwise[seated, h], kind="stable")
        kept = seated[order[: int(counts[h, g] - excess[h, g])]]
        penalty[in_group, h] += 1.0
        penalty[kept, h] -= 1.0
    return penalty


def balance_penalties(participants, assignment, pairwise, groups=None):
    """Participants x hosts penalties in [0, 1] from the clumps of `assignment` (host index, -1 for
    unplaced); `pairwise` (the first pass's scores) decides who keeps the seats of a clump."""
    groups = groups or Groups.of(participants)
    assignment = np.asarray(assignment)
    host_count = pairwise.shape[1]
    province = _group_penalties(assignment, groups.province_of, pairwise, host_count)
    skill_sum = _group_penalties(assignment, groups.skill_of, pairwise, host_count)
    skill_count = groups.skill_of.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        skill = np.where(skill_count > 0, skill_sum / skill_count, 0.0)
    return (province + skill) / 2.0


def clumps(participants, hosts, assignment, groups=None):
    """Every (host, province or skill) beyond its fair share in `assignment`, largest first."""
    groups = groups or Groups.of(participants)
    assignment = np.asarray(assignment)
    found = []
    for kind, values, members in (("province", groups.provinces, groups.province_of),
                                  ("skill", groups.skills, groups.skill_of)):
        counts, fair, excess = _excess(assignment, members, len(hosts))
        for h, g in zip(*np.nonzero(excess > 0)):
            found.append(Clump(hosts[h].id, kind, values[g], int(counts[h, g]), round(float(fair[h, g]), 3)))
    found.sort(key=lambda c: (c.fair_share - c.count, str(c.host_id), c.kind, str(c.value)))
    return found
