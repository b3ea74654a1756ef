"""Placing an event's participants with its hosts: the adapter between the models and `directory.matching`.

Who is matched: applications of the event that are selected or confirmed. Being placed needs the
applicant's consent to share their name and contact with a host (ConsentPurpose.SHARE_WITH_HOST), so
those without it are left out of the run and listed as unplaced with the reason code "no_share_consent".

Every run starts fresh: a host offers its whole capacity, and staff decisions come in as rules
(MatchRule pins and forbids) that every run respects. Moving a participant by hand is a pin: it
replaces their pin, if any, so the next run keeps them where staff put them. A participant has at most
one pin (a new pin replaces the old), so the engine's "conflicting pins" cannot arise from here.

Nothing is saved by a suggestion; `accept_placements` writes it onto the applications (host, who
accepted it, when). A suggestion carries a fingerprint of its placement pairs so that staff accept
exactly what they were shown.
"""
import hashlib
import json
import time
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.matching import Host, Participant, Unplaced, Weights, match
from directory.models import (
    Application,
    ApplicationStatus,
    ConsentPurpose,
    EventHost,
    MatchRule,
)
from directory.services.places.gazetteer import gazetteer
from directory.services.platform import clock
from directory.services.platform.refusals import Refused

S = ApplicationStatus
MATCHED_STATUSES = (S.SELECTED, S.CONFIRMED)
# Who a host's roster lists: everyone placed there the host deals with on the day or after it.
ROSTER_STATUSES = (S.SELECTED, S.CONFIRMED, S.ATTENDED, S.COMPLETED, S.NO_SHOW)
RULE_KINDS = ("pin", "forbid")
NO_CONSENT = "no_share_consent"


class PlacementError(Refused):
    """A refusal: `code` names it for tests and for the staff screen's message."""


@dataclass
class Suggestion:
    """One run of the engine for an event, with what the screens need to show it."""

    event: object
    result: object  # directory.matching.MatchResult; participant ids are Application ids, host ids EventHost ids
    applications: dict  # Application id -> Application (the matched ones and those without consent)
    hosts: dict  # EventHost id -> EventHost, in the event's order
    without_consent: list  # Unplaced rows for the applicants left out for want of consent
    rules: dict  # (application id, host id) -> "pin" | "forbid"
    fit: dict  # (application id, host id) -> the pair's score without the balance part
    weights: Weights
    elapsed_ms: float
    placement_of: dict = field(default_factory=dict)  # Application id -> Placement

    def __post_init__(self):
        self.placement_of = {p.participant_id: p for p in self.result.placements}

    @property
    def unplaced(self):
        """The engine's unplaced participants, then those without consent."""
        return [*self.result.unplaced, *self.without_consent]

    @property
    def fingerprint(self):
        """A short hash of who goes where (and who goes nowhere): what staff saw is what they accept."""
        pairs = sorted([[p.participant_id, p.host_id] for p in self.result.placements]
                       + [[u.participant_id, None] for u in self.unplaced], key=lambda pair: pair[0])
        return hashlib.sha256(json.dumps(pairs).encode()).hexdigest()[:16]

    @property
    def load(self):
        """Host id -> how many participants this suggestion places there."""
        counts = dict.fromkeys(self.hosts, 0)
        for placement in self.result.placements:
            counts[placement.host_id] += 1
        return counts


def matched_applications(event):
    """The event's selected and confirmed applications, oldest first, with what matching reads."""
    return db.session.scalars(
        sa.select(Application)
        .where(Application.event_id == event.id, Application.status.in_(MATCHED_STATUSES))
        .options(selectinload(Application.interests), selectinload(Application.consents),
                 selectinload(Application.host), selectinload(Application.placed_by))
        .order_by(Application.id)).all()


def suggest_placements(event, weights=None):
    """Run the engine on the event's participants, hosts and rules; changes nothing."""
    started = time.perf_counter()
    weights = weights or Weights()
    found = matched_applications(event)
    consenting = [a for a in found if a.has_consent(ConsentPurpose.SHARE_WITH_HOST)]
    without_consent = [
        Unplaced(a.id, NO_CONSENT, "The applicant did not agree to share their name and contact with a host, "
                 "which being placed needs.")
        for a in found if not a.has_consent(ConsentPurpose.SHARE_WITH_HOST)]
    hosts = db.session.scalars(sa.select(EventHost).where(EventHost.event_id == event.id)
                               .options(selectinload(EventHost.issue_areas), selectinload(EventHost.organisation))
                               .order_by(EventHost.id)).all()
    matched_ids = {a.id for a in consenting}
    rules = {(rule.application_id, rule.host_id): rule.kind
             for rule in db.session.scalars(sa.select(MatchRule).where(MatchRule.event_id == event.id)
                                            .order_by(MatchRule.id))
             if rule.application_id in matched_ids}
    participants = [_participant(a) for a in consenting]
    engine_hosts = [_host(h) for h in hosts]
    result = match(participants, engine_hosts, weights,
                   pins=[pair for pair, kind in rules.items() if kind == "pin"],
                   forbids=[pair for pair, kind in rules.items() if kind == "forbid"])
    fit = {(p.id, h.id): float(result.pairwise[i, j])
           for i, p in enumerate(participants) for j, h in enumerate(engine_hosts)}
    return Suggestion(event=event, result=result, applications={a.id: a for a in found},
                      hosts={h.id: h for h in hosts}, without_consent=without_consent, rules=rules, fit=fit,
                      weights=weights, elapsed_ms=(time.perf_counter() - started) * 1000)


def _participant(application):
    place = gazetteer().provinces.get(application.province_code) if application.province_code else None
    return Participant(
        application.id,
        interests={area.slug for area in application.interests},
        skills=set(application.media_skills or ()),
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        home_province=application.province_code,
    )


def _host(host):
    organisation = host.organisation
    return Host(host.id, capacity=host.capacity, minimum=host.minimum or 0,
                issue_areas={area.slug for area in host.issue_areas}, wanted_skills=set(host.wanted_skills or ()),
                latitude=organisation.latitude, longitude=organisation.longitude)


# -- staff rules ----------------------------------------------------------------------------------

def set_rule(event, application, host, kind, by=None):
    """Pin the applicant to the host, or forbid the pair; flushes and returns the MatchRule.

    A pin replaces the applicant's other pin (a participant goes to one host). A rule replaces the
    other kind on the same pair: pinning a forbidden pair lifts the forbid, and the other way round.
    """
    if kind not in RULE_KINDS:
        raise PlacementError("unknown_kind", f"A rule is a pin or a forbid, not {kind!r}.")
    _check_pair(event, application, host)
    if kind == "pin" and not application.has_consent(ConsentPurpose.SHARE_WITH_HOST):
        raise PlacementError(NO_CONSENT, "The applicant did not agree to share their contact with a host.")
    by_id = by.id if by is not None else None
    existing = db.session.scalars(sa.select(MatchRule).where(MatchRule.application_id == application.id)).all()
    rule = None
    for other in existing:
        if other.host_id == host.id:
            rule = other
        elif kind == "pin" and other.kind == "pin":
            db.session.delete(other)
    if rule is None:
        rule = MatchRule(event_id=event.id, application_id=application.id, host_id=host.id, kind=kind)
        db.session.add(rule)
    rule.kind, rule.created_by_id = kind, by_id
    db.session.flush()
    return rule


def clear_rule(event, application, host):
    """Remove the pin or forbid on the pair; True when there was one. Flushes."""
    _check_pair(event, application, host)
    rule = db.session.scalar(sa.select(MatchRule).where(MatchRule.application_id == application.id,
                                                        MatchRule.host_id == host.id))
    if rule is None:
        return False
    db.session.delete(rule)
    db.session.flush()
    return True


def move_by_hand(application, host, by=None):
    """Put the participant with this host in every run from now on: moving by hand is a pin."""
    return set_rule(application.event, application, host, "pin", by)


def _check_pair(event, application, host):
    if application.event_id != event.id:
        raise PlacementError("not_this_event", "The application is not for this event.")
    if host.event_id != event.id:
        raise PlacementError("not_a_host", "The organisation does not host this event.")
    if application.status not in MATCHED_STATUSES:
        raise PlacementError("not_selected", "Only selected or confirmed applicants are placed.")


# -- accepting ------------------------------------------------------------------------------------

def accept_placements(event, suggestion, by):
    """Save the suggestion as the event's placement; flushes and returns how many were placed.

    Every placed participant gets the host, who accepted it and when; every participant the
    suggestion left unplaced (those without consent included) loses any earlier host.
    """
    if suggestion.event.id != event.id:
        raise PlacementError("not_this_event", "The suggestion is for another event.")
    now = clock.now()
    placed = 0
    for application_id, application in suggestion.applications.items():
        placement = suggestion.placement_of.get(application_id)
        if placement is not None:
            application.host_id, application.placed_by_id, application.placed_at = placement.host_id, by.id, now
            placed += 1
        else:
            application.host_id, application.placed_by_id, application.placed_at = None, None, None
    db.session.flush()
    return placed


def accepted_by(suggestion):
    """(user, time) of the latest accepted placement among the suggestion's applicants, or (None, None)."""
    placed = [a for a in suggestion.applications.values() if a.placed_at is not None]
    if not placed:
        return None, None
    latest = max(placed, key=lambda a: a.placed_at)
    return latest.placed_by, latest.placed_at


def host_roster(host):
    """The participants placed with the host (the accepted placement), by display name."""
    return db.session.scalars(
        sa.select(Application).where(Application.host_id == host.id, Application.status.in_(ROSTER_STATUSES))
        .options(selectinload(Application.consents))
        .order_by(Application.display_name, Application.id)).all()
