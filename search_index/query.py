"""Turning what a person typed into a Whoosh query, without Whoosh's query language.

User text never reaches a QueryParser, so `name:*`, `*`, unbalanced quotes or `OR` are just words.
Each unit (a quoted phrase, or a run of Thai or Latin text) becomes one clause:
- a Latin word: its stem in the text fields, or (3+ characters) any indexed word it begins;
- a Thai run: all its dictionary words, or its character clusters in order anywhere (a fragment of
  a longer word), or (3+ characters) any indexed word it begins;
- a quoted phrase: the words in order, or for Thai the clusters in order.
Clauses are ANDed; the caller retries with OR when that finds nothing.
"""
import re

from whoosh import query as wq

from search_index.analysis import (
    CLUSTER_JOINER,
    cluster_pairs,
    normalise_text,
    runs,
    stem_latin,
    thai_clusters,
    thai_words,
)

TEXT_FIELDS = ("name", "tags", "body")
PREFIX_MIN_CHARS = 3
MAX_UNITS = 32
_QUOTED = re.compile(r'"([^"]*)"')
CLUSTER_BOOST = 0.4
PREFIX_BOOST = 0.5


def parse_units(text):
    """Split into (is_phrase, text) units: quoted phrases first, then the rest word by word."""
    text = normalise_text(text)
    units = [(True, phrase) for phrase in _QUOTED.findall(text) if phrase.strip()]
    rest = _QUOTED.sub(" ", text).replace('"', " ")
    units += [(False, run) for _, run in runs(rest)]
    return units[:MAX_UNITS]


def build_query(text, *, any_word=False):
    """The Whoosh query for `text`, or None where it holds nothing searchable."""
    clauses = [c for c in (_unit_clause(is_phrase, unit) for is_phrase, unit in parse_units(text)) if c]
    if not clauses:
        return None
    return wq.Or(clauses) if any_word else wq.And(clauses)


def _unit_clause(is_phrase, unit):
    if is_phrase:
        return _phrase_clause(unit)
    kind = next(runs(unit))[0]
    return _thai_clause(unit) if kind == "thai" else _latin_clause(unit)


def _in_text_fields(make):
    return wq.Or([make(field) for field in TEXT_FIELDS])


def _latin_clause(word):
    stemmed = stem_latin(word)
    options = [_in_text_fields(lambda f: wq.Term(f, stemmed))]
    if len(word) >= PREFIX_MIN_CHARS:
        options.append(wq.Prefix("exact", word, boost=PREFIX_BOOST))
    return wq.Or(options)


def _thai_clause(run):
    words = thai_words(run)
    options = [wq.And([_in_text_fields(lambda f, w=w: wq.Term(f, w)) for w in words])]
    options.append(_clusters_in_order(run))
    if len(run) >= PREFIX_MIN_CHARS:
        options.append(wq.Prefix("exact", run, boost=PREFIX_BOOST))
    return wq.Or(options)


def _clusters_in_order(run):
    """The run's clusters, consecutive, anywhere in the text: a fragment inside a longer word too."""
    clusters = thai_clusters(run)
    if len(clusters) == 1:
        return wq.Prefix("clusters", clusters[0] + CLUSTER_JOINER, boost=CLUSTER_BOOST)
    pairs = cluster_pairs(clusters)[:-1]  # the last pair is "end of run": the text may go on
    if len(pairs) == 1:
        return wq.Term("clusters", pairs[0], boost=CLUSTER_BOOST)
    return wq.Phrase("clusters", pairs, boost=CLUSTER_BOOST)


def _phrase_clause(phrase):
    options = []
    latin = [word for kind, run in runs(phrase) for word in ((run,) if kind == "latin" else thai_words(run))]
    if len(latin) > 1:
        options.append(wq.Phrase("exact", latin))
    elif latin:
        options.append(wq.Term("exact", latin[0]))
    thai_runs = [run for kind, run in runs(phrase) if kind == "thai"]
    if len(thai_runs) == 1 and not any(kind == "latin" for kind, _ in runs(phrase)):
        options.append(_clusters_in_order(thai_runs[0]))
    return wq.Or(options) if options else None
