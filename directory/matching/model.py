"""What the engine is given and what it answers: frozen dataclasses, no behaviour beyond checking."""
import math
from dataclasses import dataclass, field
from typing import Hashable, NamedTuple

PARTS = ("issues", "skills", "travel", "balance")


def _frozen(obj, name):
    value = getattr(obj, name)
    if isinstance(value, str):  # a bare string would become a set of its letters
        value = (value,)
    object.__setattr__(obj, name, frozenset(value or ()))


def _location(obj):
    for name in ("latitude", "longitude"):
        value = getattr(obj, name)
        if value is not None:
            value = float(value)
            if not math.isfinite(value):
                value = None
            object.__setattr__(obj, name, value)
    if obj.latitude is None or obj.longitude is None:
        object.__setattr__(obj, "latitude", None)
        object.__setattr__(obj, "longitude", None)


@dataclass(frozen=True)
class Participant:
    """A selected participant. The location is their home district's or province's point."""

    id: Hashable
    interests: frozenset = frozenset()  # issue-area slugs
    skills: frozenset = frozenset()  # media skills
    latitude: float | None = None
    longitude: float | None = None
    home_province: str | None = None

    def __post_init__(self):
        _frozen(self, "interests")
        _frozen(self, "skills")
        _location(self)

    @property
    def has_location(self):
        return self.latitude is not None


@dataclass(frozen=True)
class Host:
    """A host organisation of the event with its places (capacity) and an optional minimum."""

    id: Hashable
    capacity: int
    minimum: int = 0
    issue_areas: frozenset = frozenset()
    wanted_skills: frozenset = frozenset()
    latitude: float | None = None
    longitude: float | None = None

    def __post_init__(self):
        for name in ("capacity", "minimum"):
            value = getattr(self, name)
            if isinstance(value, bool) or int(value) != value or value < 0:
                raise ValueError(f"Host {self.id!r}: {name} must be a whole number of at least 0, not {value!r}.")
            object.__setattr__(self, name, int(value))
        _frozen(self, "issue_areas")
        _frozen(self, "wanted_skills")
        _location(self)

    @property
    def has_location(self):
        return self.latitude is not None


@dataclass(frozen=True)
class Weights:
    """How much each part of a pair's fit counts. Every part is in [0, 1] before weighting
    (balance in [-1, 0]); travel falls linearly from 1 at 0 km to 0 at `travel_max_km`."""

    issues: float = 1.0
    skills: float = 1.0
    travel: float = 1.0
    balance: float = 1.0
    travel_max_km: float = 800.0

    def __post_init__(self):
        for name in (*PARTS, "travel_max_km"):
            value = float(getattr(self, name))
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"Weight {name} must be a finite number of at least 0, not {value!r}.")
            object.__setattr__(self, name, value)
        if self.travel_max_km == 0:
            raise ValueError("Weight travel_max_km must be more than 0.")


@dataclass(frozen=True)
class MatchRequest:
    """Everything one run needs. Pins and forbids are (participant id, host id) pairs."""

    participants: tuple
    hosts: tuple
    weights: Weights = Weights()
    pins: tuple = ()
    forbids: tuple = ()

    def __post_init__(self):
        object.__setattr__(self, "participants", tuple(self.participants))
        object.__setattr__(self, "hosts", tuple(self.hosts))
        object.__setattr__(self, "pins", tuple(tuple(pair) for pair in self.pins))
        object.__setattr__(self, "forbids", tuple(tuple(pair) for pair in self.forbids))
        for kind, items in (("participant", self.participants), ("host", self.hosts)):
            ids = [item.id for item in items]
            if len(set(ids)) != len(ids):
                duplicates = sorted({repr(i) for i in ids if ids.count(i) > 1})
                raise ValueError(f"Each {kind} may appear once; repeated ids: {', '.join(duplicates)}.")
        for kind, pairs in (("pin", self.pins), ("forbid", self.forbids)):
            if any(len(pair) != 2 for pair in pairs):
                raise ValueError(f"Each {kind} must be a (participant id, host id) pair.")


class Alternative(NamedTuple):
    """Another host the participant could have gone to, with the pair's score there."""

    host_id: Hashable
    score: float
    has_room: bool  # the host has a free place in this result


@dataclass(frozen=True)
class Placement:
    """One participant at one host, with the score broken down by part (weighted; they sum to it)."""

    participant_id: Hashable
    host_id: Hashable
    score: float
    parts: dict
    next_best: list
    pinned: bool = False
    shared_issue_areas: frozenset = frozenset()
    matched_skills: frozenset = frozenset()
    distance_km: float | None = None


@dataclass(frozen=True)
class Unplaced:
    """A participant without a host, and why. `reason_code` is stable; the UI translates by it."""

    participant_id: Hashable
    reason_code: str
    message: str


@dataclass(frozen=True)
class Notice:
    """Something staff should know that did not stop a placement (missing data, ignored pins)."""

    code: str
    message: str
    participant_id: Hashable = None
    host_id: Hashable = None


@dataclass(frozen=True)
class HostShortfall:
    """A host that ended with fewer participants than its minimum."""

    host_id: Hashable
    minimum: int
    placed: int


@dataclass(frozen=True)
class Clump:
    """A group (home province or skill) at one host beyond its fair share in the final result."""

    host_id: Hashable
    kind: str  # "province" or "skill"
    value: str
    count: int
    fair_share: float


@dataclass(frozen=True)
class MatchResult:
    placements: list
    unplaced: list
    hosts_below_minimum: list
    total_score: float
    notices: list = field(default_factory=list)
    clumps: list = field(default_factory=list)
    # participant id -> host id after the first pass; the balance penalties were derived from it
    first_pass: dict = field(default_factory=dict)
    # participants x hosts (input order) pair scores without the balance part, for screens that show them
    pairwise: object = field(default=None, compare=False, repr=False)

    def host_of(self, participant_id):
        for placement in self.placements:
            if placement.participant_id == participant_id:
                return placement.host_id
        return None
