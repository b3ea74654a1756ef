"""Answering a search: text matches, filters, distance, facets and order, all on arrays."""
import math
import time
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from geopy.distance import geodesic

from search_index import ranking
from search_index.highlight import snippet
from search_index.matching import match

SORTS = ("relevance", "name", "distance", "updated")
EARTH_RADIUS_KM = 6371.0088
# Haversine and the geodesic differ by under 0.5%: only hits in that band get the exact check.
HAVERSINE_MARGIN = 0.006
HIGHLIGHT_FIELDS = ("name_th", "name_en", "description_th", "description_en")


@dataclass(frozen=True)
class PlaceTerm:
    """A place named in the query, as the application's place resolver read it: matched by its codes or
    as whole words, never as loose words or prefixes ("Chiang Mai" is not "mainly" or Chiang Rai)."""

    text: str  # as typed
    provinces: tuple = ()  # codes
    districts: tuple = ()


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""  # the words typed, without the place names in `places`
    typed: str = ""  # the whole query as typed, places included (for the exact-name rule); q if empty
    places: tuple[PlaceTerm, ...] = ()  # place names the application recognised in what was typed
    provinces: tuple = ()
    districts: tuple = ()
    regions: tuple = ()
    issues: tuple = ()
    types: tuple = ()
    near: tuple | None = None  # (latitude, longitude)
    radius_km: float | None = None
    sort: str = "relevance"
    name_language: str = "th"  # sort=name by the Thai names (Thai collation) or the English ones
    offset: int = 0
    limit: int = 20
    with_facets: bool = True
    with_details: bool = True  # each hit's distance and highlights (a map of the results needs only ids)
    budget_s: float | None = None  # past this long, text matching stops and the result says it is partial


@dataclass
class Hit:
    id: str
    score: float | None = None
    distance_km: float | None = None
    highlights: dict = field(default_factory=dict)


@dataclass
class SearchResult:
    hits: list
    total: int
    facets: dict
    matched_any_word: bool = False  # no document has every word: those with the most come first
    is_partial: bool = False  # the time budget ran out: some matching documents may be missing
    corrected_query: str | None = None  # a typo was corrected: the results include the corrected words


def run_search(searcher, snapshot, language, matches, request: SearchRequest) -> SearchResult:
    columns = snapshot.columns
    allowed = columns.is_live.copy()
    for field_name, codes in (("province", request.provinces), ("district", request.districts),
                              ("region", request.regions), ("issues", request.issues),
                              ("type", request.types)):
        if codes:
            allowed &= columns.codes_mask(field_name, codes)

    distances = None
    if request.near:
        distances = _distances(columns, request.near)
        allowed &= ~np.isnan(distances)
        if request.radius_km is not None:
            allowed &= _within(distances, columns, request.near, request.radius_km)

    found = None
    if request.q or request.places:
        deadline = Deadline(request.budget_s)
        found = matches.get((columns.state, request.q, request.typed, request.places),
                            lambda: match(snapshot, request.q, request.typed, request.places, language, deadline),
                            keep=lambda value: value is None or not value.is_partial)
        if found is not None:
            allowed &= found.is_match
    docnums = np.flatnonzero(allowed)

    facets = {}
    if request.with_facets:
        facets = {"province": columns.counts("province", docnums),
                  "issue_area": columns.counts("issues", docnums)}
    page = _page(columns, found, docnums, distances, request)
    hits = []
    for docnum in page:
        stored = searcher.stored_fields(int(docnum))
        hits.append(Hit(
            id=stored["id"],
            score=round(float(found.scores[docnum]), 4) if found is not None else None,
            distance_km=_exact_distance(columns, docnum, request.near) if request.near and request.with_details
            else None,
            highlights={f: s for f in HIGHLIGHT_FIELDS
                        if request.with_details and found is not None
                        and (s := snippet(stored.get(f), found.marks))},
        ))
    return SearchResult(hits=hits, total=len(docnums), facets=facets,
                        matched_any_word=bool(found and found.matched_some_words),
                        is_partial=bool(found and found.is_partial),
                        corrected_query=found.corrected_query if found is not None else None)


class Deadline:
    """A search's time budget: matching checks it between terms and stops once it has passed."""

    def __init__(self, budget_s):
        self.until = time.monotonic() + budget_s if budget_s else None
        self.passed = False

    def check(self):
        if self.until is not None and time.monotonic() > self.until:
            self.passed = True
        return self.passed


class MatchCache:
    """Recent text matches (docnums and scores over the whole index) per index state and query.

    People repeat common queries, so the last few hundred matches are kept until the index changes.
    """

    def __init__(self, size=256):
        self.size = size
        self._entries = OrderedDict()

    def get(self, key, compute, keep=lambda value: True):
        """The cached value for `key`, or compute() kept for next time when keep(value) says so."""
        if key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key]
        value = compute()
        if keep(value):
            self._entries[key] = value
            if len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value


def _page(columns, found, docnums, distances, request):
    end = request.offset + request.limit
    sort = request.sort
    if sort == "relevance" and found is None:
        sort = "distance" if distances is not None else "name"
    if sort == "relevance":
        ordered = ranking.order(docnums, found, columns.is_verified)
        return ordered[request.offset:end].tolist()
    if sort == "name":
        keys = columns.name_en_key if request.name_language == "en" else columns.name_key
        order = np.lexsort((docnums, keys[docnums]))
    elif sort == "updated":
        order = np.lexsort((docnums, -columns.updated[docnums]))
    else:
        order = np.lexsort((docnums, distances[docnums]))
    return docnums[order[request.offset:end]].tolist()


def _distances(columns, near):
    """Haversine km from `near` to every document; NaN where a document has no position."""
    lat1, lon1 = map(math.radians, near)
    lat2, lon2 = np.radians(columns.latitude), np.radians(columns.longitude)
    a = np.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))
    return km  # NaN where a document has no position


def _within(distances, columns, near, radius_km):
    inside = distances <= radius_km * (1 - HAVERSINE_MARGIN)
    for docnum in np.flatnonzero((distances > radius_km * (1 - HAVERSINE_MARGIN))
                                 & (distances <= radius_km * (1 + HAVERSINE_MARGIN))):
        inside[docnum] = _exact_distance(columns, docnum, near) <= radius_km
    return inside


def _exact_distance(columns, docnum, near):
    return round(geodesic(near, (columns.latitude[docnum], columns.longitude[docnum])).km, 3)
