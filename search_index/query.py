"""Turning what a person typed into a Whoosh query, without Whoosh's query language.

User text never reaches a QueryParser, so `name:*`, `*`, unbalanced quotes or `OR` are just words.
Each unit (a quoted phrase, or a run of Thai or Latin text) becomes one clause:
- a Latin word: its stem in the text fields, or (3+ characters) any unstemmed word it begins;
- a Thai run: all its dictionary words; or an indexed word it is a fragment of (lexicon.py);
  or (3+ characters) any word it begins, for a word still being typed;
- a quoted phrase: its words in this order;
- a place the application recognised (PlaceTerm): its province or district code, or its words as a phrase,
  never as loose words or prefixes ("Chiang Mai" is not "mainly" or Chiang Rai).
Clauses are ANDed; the caller retries with OR when that finds nothing.
"""
import re
from dataclasses import dataclass

from whoosh import query as wq

from search_index.analysis import normalise_text, runs, stem_latin, thai_words
from search_index.lexicon import words_containing

TEXT_FIELDS = ("name", "tags", "body")
PREFIX_MIN_CHARS = 3
FRAGMENT_MIN_CHARS = 2  # one Thai letter is inside half the vocabulary: it is only a word of its own
MAX_UNITS = 32
_QUOTED = re.compile(r'"([^"]*)"')
# Longer words that hold the typed text, and words it begins, score a small constant: a rare
# district name containing "ทะเล" must not outrank the documents that use the word ทะเล itself.
FRAGMENT_SCORE = 0.5
PREFIX_SCORE = 0.5
PLACE_SCORE = 1.0


@dataclass(frozen=True)
class PlaceTerm:
    """A place named in the query, as the application's place resolver read it."""

    text: str  # as typed
    provinces: tuple = ()  # codes
    districts: tuple = ()


def parse_units(text):
    """Split into (is_phrase, text) units: quoted phrases first, then the rest word by word."""
    text = normalise_text(text)
    units = [(True, phrase) for phrase in _QUOTED.findall(text) if phrase.strip()]
    rest = _QUOTED.sub(" ", text).replace('"', " ")
    units += [(False, run) for _, run in runs(rest)]
    return units[:MAX_UNITS]


def build_query(text, *, any_word=False, thai_lexicon=(), places=()):
    """The Whoosh query for `text` and the PlaceTerms found in it, or None where they hold nothing searchable.

    `thai_lexicon` is the index's Thai vocabulary, for fragments of longer words.
    """
    clauses = [c for c in (_unit_clause(is_phrase, unit, thai_lexicon) for is_phrase, unit in parse_units(text))
               if c]
    clauses += [_place_clause(place) for place in places]
    if not clauses:
        return None
    return wq.Or(clauses) if any_word else wq.And(clauses)


def _unit_clause(is_phrase, unit, thai_lexicon):
    if is_phrase:
        return _phrase_clause(unit)
    first = next(runs(unit), None)  # a lone vowel or tone mark cleans away to nothing
    if first is None:
        return None
    return _thai_clause(unit, thai_lexicon) if first[0] == "thai" else _latin_clause(unit)


def _in_text_fields(make):
    return wq.Or([make(field) for field in TEXT_FIELDS])


def _latin_clause(word):
    stemmed = stem_latin(word)
    options = [_in_text_fields(lambda f: wq.Term(f, stemmed))]
    if len(word) >= PREFIX_MIN_CHARS:
        options.append(wq.ConstantScoreQuery(wq.Prefix("exact", word), PREFIX_SCORE))
    return wq.Or(options)


def _thai_clause(run, thai_lexicon):
    words = thai_words(run)
    options = [wq.And([_in_text_fields(lambda f, w=w: wq.Term(f, w)) for w in words])]
    longer = words_containing(run, thai_lexicon) if len(run) >= FRAGMENT_MIN_CHARS else ()
    if longer:
        options.append(wq.ConstantScoreQuery(_in_text_fields(lambda f: wq.Or([wq.Term(f, w) for w in longer])),
                                             FRAGMENT_SCORE))
    if len(run) >= PREFIX_MIN_CHARS:
        options.append(wq.ConstantScoreQuery(_in_text_fields(lambda f: wq.Prefix(f, run)), PREFIX_SCORE))
    return wq.Or(options)


def _place_clause(place):
    codes = [wq.Term("province", code) for code in place.provinces]
    codes += [wq.Term("district", code) for code in place.districts]
    options = [wq.ConstantScoreQuery(wq.Or(codes), PLACE_SCORE)] if codes else []
    phrase = _phrase_clause(place.text)
    return wq.Or(options + ([phrase] if phrase else []))


def _phrase_clause(phrase):
    """The phrase's words (Thai segmented, Latin stemmed) in order, in any one text field."""
    words = [w for kind, run in runs(phrase) for w in (thai_words(run) if kind == "thai" else (stem_latin(run),))]
    if not words:
        return None
    if len(words) == 1:
        return _in_text_fields(lambda f: wq.Term(f, words[0]))
    return _in_text_fields(lambda f: wq.Phrase(f, words))
