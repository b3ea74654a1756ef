"""Matching a query's terms against every document at once, on the segments' arrays.

For each term, each of its alternatives is looked up in every segment's suffix array; its occurrences
become, per document, the best match weight (ranking.py), the number of matches and whether one was in
the name. Tags (place, type and issue-area names) are matched against the few thousand names there are
and reach the documents through the columns. Nothing here walks documents one by one.
"""
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from search_index import fuzzy, ranking
from search_index.analysis import stem_latin
from search_index.literal import BODY, NAME_EN, NAME_TH, encode, fold
from search_index.terms import Alternative, Term, plan

MIN_STEM = 4


@dataclass
class Snapshot:
    """What one state of the index holds, for matching: (docnum offset, SegmentArrays) in docnum order,
    the joined columns, and the tag names."""

    segments: list
    columns: object
    places: dict  # {field: {code: [names]}}

    @cached_property
    def literals(self):
        return [arrays.literal for _offset, arrays in self.segments]

    @cached_property
    def tag_names(self):
        """[(field, code, folded name)] of every tag."""
        return [(name_field, code, fold(name)) for name_field, codes in self.places.items()
                for code, names in codes.items() for name in names if name]

    @cached_property
    def latin_forms(self):
        """{stem: (indexed Latin words with that stem)}."""
        forms = {}
        for _offset, arrays in self.segments:
            for word in arrays.latin_words:
                forms.setdefault(stem_latin(word), set()).add(word)
        return {stem: tuple(sorted(words)) for stem, words in forms.items()}


class IndexWords:
    """What the index holds, as the query planner asks it (terms.plan)."""

    def __init__(self, snapshot):
        self.snapshot = snapshot
        self._counts = {}
        self._corrections = {}

    def count(self, text):
        if text not in self._counts:
            needle = encode(text)
            self._counts[text] = sum(literal.count(needle) for literal in self.snapshot.literals)
        return self._counts[text]

    def forms(self, word):
        """Indexed words with the stem of `word` (farms: farm, farming). Stems under MIN_STEM letters are
        left alone: Porter's stem of a typo is often a short real word (chaing -> cha)."""
        stem = stem_latin(word) if word.isalpha() else ""
        return self.snapshot.latin_forms.get(stem, ()) if len(stem) >= MIN_STEM else ()

    def correction(self, text):
        if text not in self._corrections:
            found = fuzzy.correct(text, self.snapshot.literals)
            self._corrections[text] = found.text if found else None
        return self._corrections[text]


@dataclass
class Matches:
    """Per-document arrays over the whole index (docnum-indexed), and what the query came to."""

    is_match: np.ndarray
    scores: np.ndarray
    matched_terms: np.ndarray
    is_exact_name: np.ndarray
    is_verbatim: np.ndarray  # holds every Thai run searched by its words as typed, letter for letter
    is_all_in_name: np.ndarray
    matched_some_words: bool = False  # no document has every content word: those with most come first
    corrected_query: str | None = None
    marks: tuple = ()  # (text, whole_word) that matched, for highlighting
    is_partial: bool = False
    terms: list = field(default_factory=list)


def match(snapshot, q, typed, places, language, deadline):
    """Matches for the words `q` and the recognised `places`, or None when they hold nothing to match.

    `typed` is the whole query as typed (for the exact-name rule)."""
    terms = plan(q, language, IndexWords(snapshot)) + [_place_term(place) for place in places]
    if not terms:
        return None
    size = snapshot.columns.size
    required = [term for term in terms if not term.is_optional]
    matched_terms = np.zeros(size, dtype=np.int32)
    is_all_in_name = np.ones(size, dtype=bool)
    scores = np.zeros(size)
    marks = []
    for term in terms:
        if deadline.check():
            break
        best, count, in_name, matched_alternatives = _evaluate(snapshot, term)
        marks += [(a.text, a.whole_word or bool(term.place)) for a in matched_alternatives]
        found = best > 0
        share = ranking.OPTIONAL_WORD if term.is_optional else 1.0
        scores += share * ranking.inverse_document_frequency(np.count_nonzero(found), size) * \
            ranking.saturated(best, count)
        if not term.is_optional:
            matched_terms += found
            is_all_in_name &= in_name
    live = snapshot.columns.is_live
    has_all = matched_terms == len(required)
    some_words = len(required) > 1 and not np.any(has_all & live)
    return Matches(
        is_match=(matched_terms > 0) if some_words else has_all,
        scores=scores, matched_terms=matched_terms, is_exact_name=_exact_names(snapshot, typed or q),
        is_verbatim=_holding_all(snapshot, {a.text for t in terms for a in t.alternatives if a.how == "phrase"}),
        is_all_in_name=is_all_in_name & has_all, matched_some_words=some_words,
        corrected_query=_corrected_query(q, terms), marks=tuple(dict.fromkeys(marks)),
        is_partial=deadline.passed, terms=terms,
    )


def _place_term(place):
    return Term(place.text, (Alternative(fold(place.text), "place", whole_word=True),), place=place)


def _evaluate(snapshot, term):
    """(best weight, number of matches, matched in the name, the alternatives that matched), per document."""
    size = snapshot.columns.size
    best, count, in_name = np.zeros(size), np.zeros(size), np.zeros(size, dtype=bool)
    matched = []
    for alternative in term.alternatives:
        how = ranking.HOW[alternative.how]
        needle = encode(alternative.text)
        found = False
        for offset, arrays in snapshot.segments:
            found |= _add_text_matches(arrays.literal, offset, needle, alternative, term, how, best, count, in_name)
        if not term.place:
            found |= _add_tag_matches(snapshot, alternative, term, how, best, count)
        if found:
            matched.append(alternative)
    if term.place:
        codes = snapshot.columns.codes_mask("province", term.place.provinces) | \
            snapshot.columns.codes_mask("district", term.place.districts)
        weight = ranking.FIELD["tag"] * ranking.HOW["place"]
        best[codes] = np.maximum(best[codes], weight)
        count[codes] += 1
    return best, count, in_name, matched


def _add_text_matches(literal, offset, needle, alternative, term, how, best, count, in_name):
    positions = literal.positions(needle)
    if not len(positions):
        return False
    starts_word = literal.is_edge(positions)
    ends_word = literal.is_edge(positions + len(needle))
    if alternative.whole_word:
        whole = starts_word & ends_word
        positions, starts_word, ends_word = positions[whole], starts_word[whole], ends_word[whole]
        if not len(positions):
            return False
    documents = literal.documents_of(positions)
    is_name = positions < literal.body_starts[documents]
    weights = ranking.where_weight(starts_word, ends_word, term.is_last) * how * np.where(
        is_name, ranking.FIELD["name"], ranking.FIELD["body"])
    first = np.flatnonzero(np.r_[True, documents[1:] != documents[:-1]])
    docnums = documents[first] + offset
    best[docnums] = np.maximum(best[docnums], np.maximum.reduceat(weights, first))
    count[docnums] += np.diff(np.r_[first, len(documents)])
    in_name[docnums] |= np.logical_or.reduceat(is_name, first)
    return True


def _add_tag_matches(snapshot, alternative, term, how, best, count):
    text = alternative.text
    weights = {}
    for name_field, code, name in snapshot.tag_names:
        if text not in name:
            continue
        starts = name.startswith(text) or f" {text}" in name
        ends = name.endswith(text) or f"{text} " in name
        if alternative.whole_word and not (starts and ends):
            continue
        weight = float(ranking.where_weight(np.array(starts), np.array(ends), term.is_last))
        key = (name_field, code)
        weights[key] = max(weights.get(key, 0), weight * how * ranking.FIELD["tag"])
    columns = snapshot.columns
    for (name_field, code), weight in weights.items():
        tagged = columns.codes_mask(name_field, (code,))
        best[tagged] = np.maximum(best[tagged], weight)
        count[tagged] += 1
    return bool(weights)


def _exact_names(snapshot, typed):
    is_exact = np.zeros(snapshot.columns.size, dtype=bool)
    name = encode(fold(typed))
    if not name:
        return is_exact
    for offset, arrays in snapshot.segments:
        literal = arrays.literal
        for needle in (NAME_TH + name + NAME_EN, NAME_EN + name + BODY):
            positions = literal.positions(needle)
            is_exact[literal.documents_of(positions) + offset] = True
    return is_exact


def _holding_all(snapshot, texts):
    holds = np.ones(snapshot.columns.size, dtype=bool)
    for text in texts:
        has = np.zeros_like(holds)
        needle = encode(text)
        for offset, arrays in snapshot.segments:
            has[arrays.literal.documents_of(arrays.literal.positions(needle)) + offset] = True
        holds &= has
    return holds


def _corrected_query(q, terms):
    corrections = [(term.typed, a.text) for term in terms for a in term.alternatives if a.how == "correction"]
    if not corrections:
        return None
    corrected = fold(q)
    for typed, correction in corrections:
        corrected = corrected.replace(typed, correction, 1)
    return corrected
