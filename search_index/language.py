"""What the words of a query mean beyond their letters: stop words and synonyms.

Both are data the application gives (curated lists in its seeds), read when a process starts, so changing
them needs no reindex: synonyms are expanded when a query is read, never written into the index.
"""
import csv
from dataclasses import dataclass, field
from pathlib import Path

from search_index.literal import fold

SYNONYM_SEPARATOR = "|"


@dataclass(frozen=True)
class QueryLanguage:
    stop_words: frozenset = frozenset()
    synonyms: dict = field(default_factory=dict)  # folded term -> (folded synonyms, ...)
    longest_synonym_words: int = 1  # the most space-separated words in one synonym

    def synonyms_of(self, text):
        return self.synonyms.get(fold(text), ())

    def is_stop_word(self, text):
        return fold(text) in self.stop_words

    @classmethod
    def from_files(cls, stop_words_csv=None, synonyms_csv=None):
        """Stop words: a CSV with a `word` column. Synonyms: a CSV whose `terms` column lists words that
        mean the same, separated by |; a word in several groups gets the synonyms of all of them."""
        stop_words = frozenset(fold(row["word"]) for row in _rows(stop_words_csv) if row["word"].strip())
        synonyms = {}
        for row in _rows(synonyms_csv):
            group = [fold(term) for term in row["terms"].split(SYNONYM_SEPARATOR) if term.strip()]
            for term in group:
                synonyms.setdefault(term, [])
                synonyms[term] += [other for other in group if other != term and other not in synonyms[term]]
        longest = max((len(term.split()) for term in synonyms), default=1)
        return cls(stop_words, {term: tuple(others) for term, others in synonyms.items()}, longest)


def _rows(path):
    if not path:
        return []
    with Path(path).open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if not (row.get(next(iter(row), "")) or "").startswith("#")]


def stop_word_rows(stop_words_csv):
    """The stop words as written, for people to read: [(word, language)]."""
    return [(row["word"].strip(), row.get("language", "")) for row in _rows(stop_words_csv) if row["word"].strip()]


def synonym_groups(synonyms_csv):
    """The synonym groups as written, for people to read: [(terms, kind, note)]."""
    return [([t.strip() for t in row["terms"].split(SYNONYM_SEPARATOR) if t.strip()], row.get("kind", ""),
             row.get("note", "")) for row in _rows(synonyms_csv)]
