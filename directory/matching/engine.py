"""One run of the engine: check the request, fix pins, solve twice (pairwise, then with balance
penalties from the first pass), and explain the result."""
import math
from collections import defaultdict
from functools import cached_property

import numpy as np

from directory.matching.balance import Groups, balance_penalties, clumps
from directory.matching.explain import placements
from directory.matching.fit import pair_parts
from directory.matching.model import HostShortfall, MatchRequest, MatchResult, Notice, Unplaced, Weights
from directory.matching.solver import assign_optimal


def match(participants, hosts, weights=None, pins=(), forbids=(), *, assign=assign_optimal):
    """Place each participant with one host; see the package docstring for what is optimised."""
    request = MatchRequest(participants, hosts, weights or Weights(), pins, forbids)
    return _Run(request, assign).result()


class _Run:
    def __init__(self, request, assign):
        self.request = request
        self.assign = assign
        self.participants = request.participants
        self.hosts = request.hosts
        self.row_of = {p.id: i for i, p in enumerate(self.participants)}
        self.col_of = {h.id: j for j, h in enumerate(self.hosts)}
        self.notices = []
        self.unplaced = {}  # row -> Unplaced
        n, host_count = len(self.participants), len(self.hosts)
        self.capacity = np.array([h.capacity for h in self.hosts], dtype=np.int64)
        self.minimum = np.array([h.minimum for h in self.hosts], dtype=np.int64)
        self.allowed = np.ones((n, host_count), dtype=bool)
        self.pinned_to = np.full(n, -1, dtype=np.int64)

    def result(self):
        self._note_missing_data()
        self._apply_forbids()
        self._apply_pins()
        weights = self.request.weights
        parts = pair_parts(self.participants, self.hosts, weights)
        pairwise = parts.weighted_sum()

        first = self._solve(pairwise)
        weighted_balance = np.zeros_like(pairwise)
        if weights.balance > 0 and len(self.hosts) and (first >= 0).any():
            penalty = balance_penalties(self.participants, first, pairwise, self.groups)
            weighted_balance = -(weights.balance * penalty)
            scores = pairwise + weighted_balance
            final = self._solve(scores)
        else:
            scores, final = pairwise, first

        self._explain_unplaced(final)
        placed = final >= 0
        rows = np.nonzero(placed)[0]
        load = np.bincount(final[placed], minlength=len(self.hosts))
        return MatchResult(
            placements=placements(self.participants, self.hosts, final, self.pinned_to >= 0, parts,
                                  weighted_balance, scores, self.allowed, self.capacity),
            unplaced=[self.unplaced[row] for row in sorted(self.unplaced)],
            hosts_below_minimum=[HostShortfall(h.id, h.minimum, int(load[j]))
                                 for j, h in enumerate(self.hosts) if load[j] < h.minimum],
            total_score=math.fsum(scores[rows, final[rows]].tolist()),
            notices=self.notices,
            clumps=clumps(self.participants, self.hosts, final, self.groups) if len(self.hosts) else [],
            first_pass={self.participants[r].id: self.hosts[first[r]].id for r in np.nonzero(first >= 0)[0]},
            pairwise=pairwise,
        )

    @cached_property
    def groups(self):
        return Groups.of(self.participants)

    def _solve(self, scores):
        """Pins fixed, blocked participants out, the rest by `assign` into the places left."""
        assignment = self.pinned_to.copy()
        free = np.array([row for row in range(len(self.participants))
                         if self.pinned_to[row] < 0 and row not in self.unplaced], dtype=np.int64)
        if len(free) and len(self.hosts):
            pinned_load = np.bincount(self.pinned_to[self.pinned_to >= 0], minlength=len(self.hosts))
            room = self.capacity - pinned_load
            assignment[free] = self.assign(scores[free], self.allowed[free], room,
                                           np.maximum(self.minimum - pinned_load, 0))
        return assignment

    # -- checking the request ---------------------------------------------------------------------
    def _note_missing_data(self):
        for participant in self.participants:
            if not participant.interests:
                self._notice("no_interests", f"Participant {participant.id} named no issue areas of interest, "
                             "so shared issue areas count 0 at every host.", participant_id=participant.id)
            if not participant.has_location:
                self._notice("participant_without_location", f"Participant {participant.id} has no location, "
                             "so travel counts 0 at every host.", participant_id=participant.id)
        for host in self.hosts:
            if not host.has_location:
                self._notice("host_without_location", f"Host {host.id} has no location, so travel to it counts 0.",
                             host_id=host.id)
            if host.minimum > host.capacity:
                self._notice("minimum_above_capacity", f"Host {host.id} asks for at least {host.minimum} "
                             f"participants but has only {host.capacity} places.", host_id=host.id)

    def _apply_forbids(self):
        for participant_id, host_id in self.request.forbids:
            row, col = self.row_of.get(participant_id), self.col_of.get(host_id)
            if row is None:
                self._notice("forbid_unknown_participant", f"A forbidden pair names participant {participant_id}, "
                             "who is not in this run; it was ignored.", participant_id=participant_id, host_id=host_id)
            elif col is None:
                self._notice("forbid_unknown_host", f"A forbidden pair names host {host_id}, which is not in this "
                             "run; it was ignored.", participant_id=participant_id, host_id=host_id)
            else:
                self.allowed[row, col] = False

    def _apply_pins(self):
        """Pins are honoured in the order given; a pin that cannot be kept leaves its participant unplaced
        (never silently placed elsewhere), so staff see it and fix the pin."""
        hosts_of = defaultdict(list)
        for participant_id, host_id in self.request.pins:
            if participant_id not in self.row_of:
                self._notice("pin_unknown_participant", f"A pin names participant {participant_id}, who is not in "
                             "this run; it was ignored.", participant_id=participant_id, host_id=host_id)
            elif host_id not in hosts_of[participant_id]:
                hosts_of[participant_id].append(host_id)
        room = self.capacity.copy()
        for participant_id, host_ids in hosts_of.items():
            row = self.row_of[participant_id]
            if len(host_ids) > 1:
                names = ", ".join(str(h) for h in host_ids)
                self._unplace(row, "conflicting_pins", f"Participant {participant_id} is pinned to more than one "
                              f"host ({names}); keep one pin.")
                continue
            host_id = host_ids[0]
            col = self.col_of.get(host_id)
            if col is None:
                self._unplace(row, "pin_to_unknown_host", f"Participant {participant_id} is pinned to host "
                              f"{host_id}, which is not a host of this event.")
            elif not self.allowed[row, col]:
                self._unplace(row, "pin_forbidden", f"Participant {participant_id} is both pinned to and "
                              f"forbidden from host {host_id}; remove one of them.")
            elif room[col] <= 0:
                self._unplace(row, "pinned_host_full", f"Participant {participant_id} is pinned to host {host_id}, "
                              f"whose {self.capacity[col]} places are already taken by earlier pins.")
            else:
                self.pinned_to[row] = col
                room[col] -= 1

    def _explain_unplaced(self, assignment):
        """A reason for each participant the solve left without a host."""
        pinned_load = np.bincount(self.pinned_to[self.pinned_to >= 0], minlength=len(self.hosts))
        room = self.capacity - pinned_load
        free_rows = [row for row in np.nonzero(assignment < 0)[0].tolist() if row not in self.unplaced]
        open_places = int(room.sum())
        competing = sum(1 for row in range(len(self.participants))
                        if self.pinned_to[row] < 0 and row not in self.unplaced)
        for row in free_rows:
            participant_id = self.participants[row].id
            if not self.hosts:
                self._unplace(row, "no_hosts", "The event has no host organisations yet.")
            elif not self.allowed[row].any():
                self._unplace(row, "all_hosts_forbidden", f"Participant {participant_id} is forbidden from "
                              "every host.")
            elif int(self.capacity.sum()) == 0:
                self._unplace(row, "no_capacity", "The hosts offer no places (every capacity is 0).")
            elif open_places == 0:
                self._unplace(row, "no_capacity", "Every place is taken by a pinned participant.")
            elif not (self.allowed[row] & (room > 0)).any():
                self._unplace(row, "no_capacity", f"Every host participant {participant_id} may go to is full "
                              "with pinned participants.")
            else:
                self._unplace(row, "not_enough_places", f"Not enough places: {competing} participants for "
                              f"{open_places} open places. The places participant {participant_id} could take "
                              "went to others, so that as many people as possible are placed with the best "
                              "total fit.")

    def _unplace(self, row, code, message):
        self.unplaced[row] = Unplaced(self.participants[row].id, code, message)

    def _notice(self, code, message, participant_id=None, host_id=None):
        self.notices.append(Notice(code, message, participant_id, host_id))
