"""Finding the indexed Thai words a typed fragment is part of ("สูงอายุ" -> "ผู้สูงอายุ").

Dictionary segmentation keeps "ผู้สูงอายุ" as one word, so the fragment "สูงอายุ" matches no term.
Rather than index every document a second time as character clusters (which doubled the postings
and the build time), a query looks the fragment up in the index's own vocabulary of Thai words:
a few tens of thousands of strings, scanned in milliseconds. A word counts only where the fragment
starts and ends on Thai Character Cluster boundaries, so "เด็ก" never matches inside "เดิน" or "เด่น".
"""
from functools import lru_cache

from search_index.analysis import is_thai, thai_clusters

WORD_FIELDS = ("name", "tags", "body")
MAX_EXPANSIONS = 200


class ThaiLexicon:
    """The Thai words of the searcher's segments, cached per segment like the columns."""

    def __init__(self):
        self._segments = {}
        self._union_key = None
        self._words = ()

    def words(self, searcher):
        leaves = [r for r, _ in searcher.reader().leaf_readers() if r.segment() is not None]
        keys = tuple(r.segment().segment_id() for r in leaves)
        if keys != self._union_key:
            for reader in leaves:
                key = reader.segment().segment_id()
                if key not in self._segments:
                    self._segments[key] = _thai_terms(reader)
            self._segments = {k: v for k, v in self._segments.items() if k in keys}
            self._words = tuple(sorted(set().union(*self._segments.values()))) if keys else ()
            self._union_key = keys
        return self._words


def _thai_terms(reader):
    found = set()
    for field in WORD_FIELDS:
        if field in reader.schema:
            found.update(t for t in (b.decode("utf-8") for b in reader.lexicon(field)) if is_thai(t))
    return frozenset(found)


def words_containing(fragment, words, limit=MAX_EXPANSIONS):
    """Indexed words (other than the fragment itself) holding it on cluster boundaries, shortest first.

    Short fragments (นา) sit inside very many words: they are matched (ทำนา and ชาวนา are about rice
    fields too) but score a small constant, below the documents with the word itself.
    """
    found = [w for w in words if fragment in w and w != fragment and _on_boundaries(fragment, w)]
    return sorted(found, key=len)[:limit]


def _on_boundaries(fragment, word):
    edges = _cluster_edges(word)
    start = word.find(fragment)
    while start != -1:
        if start in edges and start + len(fragment) in edges:
            return True
        start = word.find(fragment, start + 1)
    return False


@lru_cache(maxsize=100_000)
def _cluster_edges(word):
    edges, position = {0}, 0
    for cluster in thai_clusters(word):
        position += len(cluster)
        edges.add(position)
    return frozenset(edges)
