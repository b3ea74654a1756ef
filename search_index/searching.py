"""Answering a search: text match in Whoosh, filters, distance, facets and order on arrays."""
import math
import time
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from geopy.distance import geodesic

from search_index.highlight import needles, snippet
from search_index.query import PlaceTerm, build_query, parse_units

SORTS = ("relevance", "name", "distance", "updated")
EARTH_RADIUS_KM = 6371.0088
# Haversine and the geodesic differ by under 0.5%: only hits in that band get the exact check.
HAVERSINE_MARGIN = 0.006
HIGHLIGHT_FIELDS = ("name_th", "name_en", "description_th", "description_en")


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""  # the words typed, without the place names in `places`
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
    matched_any_word: bool = False  # all words found nothing, so any word was used
    is_partial: bool = False  # the time budget ran out: some matching documents may be missing


def run_search(searcher, columns, thai_lexicon, matches, request: SearchRequest) -> SearchResult:
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

    scores, any_word, partial = None, False, False
    if request.q or request.places:
        deadline = Deadline(request.budget_s)
        matched = _text_matches(searcher, columns, thai_lexicon, request.q, request.places, matches, deadline)
        if matched is not None:
            matched_docnums, scores, any_word = matched
            partial = deadline.passed
            text_mask = np.zeros(len(allowed), dtype=bool)
            text_mask[matched_docnums] = True
            allowed &= text_mask
    docnums = np.flatnonzero(allowed)

    facets = {}
    if request.with_facets:
        facets = {"province": columns.counts("province", docnums),
                  "issue_area": columns.counts("issues", docnums)}
    page = _page(columns, scores, docnums, distances, request)
    marks = needles(request.q, request.places)
    hits = []
    for docnum in page:
        stored = searcher.stored_fields(int(docnum))
        hits.append(Hit(
            id=stored["id"],
            score=round(float(scores[docnum]), 4) if scores is not None else None,
            distance_km=_exact_distance(columns, docnum, request.near) if request.near else None,
            highlights={f: s for f in HIGHLIGHT_FIELDS if (s := snippet(stored.get(f), marks))},
        ))
    return SearchResult(hits=hits, total=len(docnums), facets=facets, matched_any_word=any_word,
                        is_partial=partial)


class Deadline:
    """A search's time budget: matching checks it now and then and stops once it has passed."""

    CHECK_EVERY = 512  # documents between two looks at the clock

    def __init__(self, budget_s):
        self.until = time.monotonic() + budget_s if budget_s else None
        self.passed = False

    def check(self):
        if self.until is not None and time.monotonic() > self.until:
            self.passed = True
        return self.passed


class MatchCache:
    """Recent text matches (docnums and scores over the whole index) per index state and query.

    Matching and scoring walk Whoosh's posting lists in Python, which is what a search costs; the
    filters, facets, distances and sorting after it run on arrays. People repeat common queries,
    so the last few hundred matches are kept until the index changes.
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


def _text_matches(searcher, columns, thai_lexicon, q, places, matches, deadline):
    """(docnums, scores by docnum, matched_any_word) for `q` and `places`, or None when they hold nothing.

    Every word must match; when that finds nothing in the whole index, any word will do. (A filter
    that leaves nothing is not a reason to loosen the words.) A match cut short by the deadline is
    not cached.
    """
    key = (columns.state, q, places)

    def compute():
        query = build_query(q, thai_lexicon=thai_lexicon, places=places)
        if query is None:
            return None
        docnums, scores = _scored_matches(searcher, query, columns.size, deadline)
        if not len(docnums) and len(parse_units(q)) + len(places) > 1 and not deadline.passed:
            any_word = build_query(q, any_word=True, thai_lexicon=thai_lexicon, places=places)
            docnums, scores = _scored_matches(searcher, any_word, columns.size, deadline)
            return docnums, scores, True
        return docnums, scores, False

    return matches.get(key, compute, keep=lambda _value: not deadline.passed)


def _scored_matches(searcher, query, size, deadline):
    """Every matching document with its BM25F score, in one pass over each segment (until the deadline)."""
    docnums, scored = [], []
    context = searcher.context()
    for subsearcher, offset in searcher.leaf_searchers():
        matcher = query.matcher(subsearcher, context)
        while matcher.is_active():
            docnums.append(matcher.id() + offset)
            scored.append(matcher.score())
            if len(docnums) % Deadline.CHECK_EVERY == 0 and deadline.check():
                break
            matcher.next()
        if deadline.passed:
            break
    docnums = np.array(docnums, dtype=np.int64)
    scores = np.zeros(size)
    inside = docnums < size
    scores[docnums[inside]] = np.array(scored)[inside] if scored else 0
    return docnums[inside], scores


def _page(columns, scores, docnums, distances, request):
    end = request.offset + request.limit
    sort = request.sort
    if sort == "relevance" and scores is None:
        sort = "distance" if distances is not None else "name"
    if sort == "relevance":
        order = np.lexsort((docnums, -scores[docnums]))
    elif sort == "name":
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
    km[(columns.latitude == 0) & (columns.longitude == 0)] = np.nan
    return km


def _within(distances, columns, near, radius_km):
    inside = distances <= radius_km * (1 - HAVERSINE_MARGIN)
    for docnum in np.flatnonzero((distances > radius_km * (1 - HAVERSINE_MARGIN))
                                 & (distances <= radius_km * (1 + HAVERSINE_MARGIN))):
        inside[docnum] = _exact_distance(columns, docnum, near) <= radius_km
    return inside


def _exact_distance(columns, docnum, near):
    return round(geodesic(near, (columns.latitude[docnum], columns.longitude[docnum])).km, 3)
