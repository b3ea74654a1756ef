"""Reading what a person typed into terms to match, without any query language.

User text never reaches a parser: `name:*`, `*`, unbalanced quotes or `OR` are just text. The query is
folded (literal.fold), then read as units:
- a quoted phrase: matched as typed, letter for letter;
- words that together are a synonym in the curated list ("human rights"): one unit;
- otherwise each run of Thai letters or of Latin letters and digits.
Each unit becomes one or more Terms, each with its Alternatives (what may match in its place):
- a Thai run that is one dictionary word (ปลูกป่า): as typed, wherever it occurs;
- a Thai run of several words that occurs in the index: its words (stop words optional), each also matched
  by the whole run as a phrase, so that มูลนิธิเด็ก and ท่องเที่ยวโดยชุมชน find their words apart too, the
  run as typed ranked first (ranking.py, rule 3); a run that never occurs: its correction
  (fuzzy.py) if it looks mistyped (_looks_mistyped) and has one, else its words, each corrected on its
  own if it occurs nowhere;
- a Latin word: as typed, the indexed words of the same stem (whole words), or its correction;
- synonyms of a unit or of a Thai word are alternatives, below what was typed, matched as whole words only
  (เกษตรกร for farmers, never inside เกษตรกรรม, agriculture).
"""
import re
from dataclasses import dataclass

from search_index.analysis import is_dictionary_word, thai_words
from search_index.literal import fold

_QUOTED = re.compile(r'"([^"]*)"')
_RUN = re.compile(r"(?P<thai>[\u0e01-\u0e4e]+)|(?P<latin>[a-z0-9]+)")
MIN_CHARS = 2  # one Thai letter is inside half the vocabulary: alone it is only a stop word
MAX_UNITS = 32


@dataclass(frozen=True)
class Alternative:
    text: str         # folded, as matched letter for letter
    how: str          # a key of ranking.HOW
    whole_word: bool = False  # only where it is a whole word (other forms of an English word)


@dataclass(frozen=True)
class Term:
    typed: str
    alternatives: tuple
    is_optional: bool = False  # a stop word: adds to the score, not required
    is_last: bool = False      # the last word typed: the start of a longer word scores as a prefix
    place: object = None       # a PlaceTerm the application recognised


@dataclass(frozen=True)
class Unit:
    text: str
    kind: str  # "thai", "latin", "phrase" (quoted) or "synonym" (words that are one entry of the list)
    is_last: bool = False


def read_units(q):
    """The units of `q`, in order; the last one typed (outside quotes) is marked."""
    text = fold(q)
    units = [Unit(phrase.strip(), "phrase") for phrase in _QUOTED.findall(text) if phrase.strip()]
    rest = _QUOTED.sub(" ", text).replace('"', " ")
    units += [Unit(m.group(), m.lastgroup) for m in _RUN.finditer(rest)]
    if units and units[-1].kind != "phrase":
        units[-1] = Unit(units[-1].text, units[-1].kind, is_last=True)
    return units[:MAX_UNITS]


def join_synonym_phrases(q, language):
    """`q` with the words that form a synonym entry ("human rights") kept as one quoted-like unit."""
    words = fold(q).split(" ")
    units, position = [], 0
    while position < len(words):
        for width in range(min(language.longest_synonym_words, len(words) - position), 1, -1):
            candidate = " ".join(words[position:position + width])
            if candidate in language.synonyms:
                units.append(Unit(candidate, "synonym"))
                position += width
                break
        else:
            units += [Unit(unit.text, unit.kind) for unit in read_units(words[position])]
            position += 1
    if units and units[-1].kind in ("thai", "latin"):
        units[-1] = Unit(units[-1].text, units[-1].kind, is_last=True)
    return units[:MAX_UNITS]


def plan(q, language, index_words):
    """The Terms of `q`. `index_words` answers what the index holds: count(text), forms(latin word),
    correction(text)."""
    quoted = _QUOTED.findall(fold(q))
    units = read_units(q) if quoted or '"' in q else join_synonym_phrases(q, language)
    terms = []
    for unit in units:
        terms += _unit_terms(unit, language, index_words)
    if terms and all(term.is_optional for term in terms):
        terms = [Term(t.typed, t.alternatives, False, t.is_last, t.place) for t in terms]
    return terms


def _unit_terms(unit, language, index_words):
    if unit.kind == "phrase":
        return [Term(unit.text, (Alternative(unit.text, "typed"),))]
    words = thai_words(unit.text) if unit.kind == "thai" else (unit.text,)
    if len(words) <= 1 or language.synonyms_of(unit.text):
        return [_word_term(unit.text, unit, language, index_words)]
    if index_words.count(unit.text):  # its words, each also matched by the whole run (verbatim first)
        phrase = Alternative(unit.text, "phrase")
        return [_word_term(word, unit, language, index_words, extra=(phrase,)) for word in words]
    correction = index_words.correction(unit.text) if _looks_mistyped(words, language, index_words) else None
    if correction:
        return [Term(unit.text, (Alternative(correction, "correction"),), is_last=unit.is_last)]
    return [_word_term(word, unit, language, index_words) for word in words]


def _word_term(word, unit, language, index_words, extra=()):
    alternatives = [Alternative(word, "typed")]
    if unit.kind == "latin":
        alternatives += [Alternative(form, "form", whole_word=True) for form in index_words.forms(word)
                         if form != word]
    alternatives += [Alternative(synonym, "synonym", whole_word=True)
                     for synonym in language.synonyms_of(word)]
    alternatives += extra
    is_optional = _is_optional(word, language)
    if not is_optional and not any(index_words.count(a.text) for a in alternatives):
        correction = index_words.correction(word)
        if correction:
            alternatives.append(Alternative(correction, "correction"))
    return Term(word, tuple(alternatives), is_optional=is_optional, is_last=unit.is_last)


def _looks_mistyped(words, language, index_words):
    """Whether a run that occurs nowhere is better corrected as a whole than searched word by word: it
    has a piece that is no word or occurs nowhere (มูล|นิ|ทิ), or no stop word to explain why the run as
    typed is not in any text (แรงงานข้ามชาดิ; but ที่ทำงานเรื่องขยะ is a sentence, searched by its words)."""
    content = [word for word in words if not _is_optional(word, language)]
    if not all(is_dictionary_word(word) and index_words.count(word) for word in content):
        return True
    return not any(language.is_stop_word(word) for word in words)


def _is_optional(word, language):
    return language.is_stop_word(word) or len(word) < MIN_CHARS

