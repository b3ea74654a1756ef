"""The organisation search index: Whoosh with Thai analysis, behind one small interface.

This package knows no Flask and no SQLAlchemy. It is given Documents and answers SearchRequests with
ids, scores, distances, facets and highlights; the application loads the rows in that order.
"""
import json
import threading
from contextlib import suppress

from whoosh import index as whoosh_index
from whoosh.reading import ReaderClosed

from search_index.analysis import load_thai_segmenter
from search_index.columns import ColumnCache
from search_index.documents import Document, Place
from search_index.lexicon import ThaiLexicon
from search_index.query import PlaceTerm
from search_index.schema import WATERMARK_ID, to_fields
from search_index.searching import SORTS, Hit, MatchCache, SearchRequest, SearchResult, run_search
from search_index.store import IndexMissing, IndexStore
from search_index.suggest import suggest_query

__all__ = ["Document", "Hit", "IndexMissing", "Place", "PlaceTerm", "SORTS", "SearchIndex", "SearchRequest",
           "SearchResult", "load_thai_segmenter"]

WRITER_TIMEOUT_S = 10


class SearchIndex:
    """One per process and index folder. Searches may run on many threads; writes need the lock."""

    def __init__(self, root):
        self.store = IndexStore(root)
        self._guard = threading.Lock()
        self._generation = None
        self._searcher = None
        self._columns = None
        self._lexicon = None
        self._matches = None
        self._suggestions = None

    # -- reading ---------------------------------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResult:
        with self._guard:
            searcher = self._fresh_searcher()
            return run_search(searcher, self._columns.for_searcher(searcher), self._lexicon.words(searcher),
                              self._matches, request)

    def forget_matches(self):
        """Drop the cached text matches (they are also dropped whenever the index changes)."""
        with self._guard:
            if self._matches is not None:
                self._matches = MatchCache()

    def suggest(self, text):
        """A corrected query for one that found nothing, or None; kept for the index's life, as
        people retype the same mistakes."""
        with self._guard:
            searcher = self._fresh_searcher()
            return self._suggestions.get(text, lambda: suggest_query(searcher, text, self._lexicon.words(searcher)))

    def document_versions(self):
        """{id: version} of every indexed document (for consistency checks)."""
        with self._guard:
            searcher = self._fresh_searcher()
            return {fields["id"]: fields["version"] for fields in searcher.all_stored_fields()
                    if fields.get("id") != WATERMARK_ID}

    def state_token(self):
        """Something that changes whenever what a search would find changes (a new commit, a swap)."""
        with self._guard:
            searcher = self._fresh_searcher()
            return self._generation, self._columns.for_searcher(searcher).state

    def state(self):
        """What the last writer recorded with its commit (the sync position), or {} with no index."""
        if not self.store.exists():
            return {}
        with self._guard:
            return _read_state(self._fresh_searcher())

    def _fresh_searcher(self):
        generation = self.store.current_generation()
        if self._searcher is not None and generation is None:
            return self._searcher  # the folder is gone: serve what is open until a rebuild swaps one in
        if self._searcher is not None and generation == self._generation:
            try:
                refreshed = self._searcher.refresh()
                if refreshed is not self._searcher:  # the index changed: what was suggested may not hold
                    self._suggestions = MatchCache()
                self._searcher = refreshed
                return self._searcher
            except ReaderClosed:  # its readers went with a generation another process replaced
                pass
        self._close_searcher()
        self._generation, index = self.store.open_current()
        self._searcher = index.searcher()
        self._columns = ColumnCache()
        self._lexicon = ThaiLexicon()
        self._matches = MatchCache()
        self._suggestions = MatchCache()
        return self._searcher

    def _close_searcher(self):
        if self._searcher is not None:
            # Whoosh's refresh() hands segment readers on to the new searcher and may close them
            # already: closing twice is harmless, so it is not an error here.
            with suppress(ReaderClosed):
                self._searcher.close()
            self._searcher = None

    def close(self):
        with self._guard:
            self._close_searcher()

    # -- writing (hold writer_lock around these) -------------------------------------------------
    def writer_lock(self, blocking=False):
        return self.store.writer_lock(blocking=blocking)

    def apply(self, upserts=(), deletions=(), state=None, generation=None, merge=True):
        """Add or replace `upserts`, remove the ids in `deletions`, record `state`; one commit.

        merge=False leaves merging small segments to a later writer (a web request should not wait on it).
        """
        index = whoosh_index.open_dir(generation) if generation else self.store.open()
        writer = index.writer(timeout=WRITER_TIMEOUT_S)
        try:
            for document in upserts:
                writer.update_document(**to_fields(document))
            for document_id in deletions:
                writer.delete_by_term("id", document_id)
            if state is not None:
                writer.update_document(id=WATERMARK_ID, kind="meta", watermark=json.dumps(state))
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=merge)

    def build_generation(self, documents, state, progress=None, processes=2):
        """Write every document into a new generation (not yet searched); returns its path."""
        path = self.store.new_generation()
        index = whoosh_index.open_dir(path)
        # Past limitmb each worker spills its postings to pickled run files and reads them back:
        # at 50,000 documents 1 GB per worker was 1.6x faster than 256 MB.
        writer = index.writer(procs=processes, limitmb=1024, multisegment=processes > 1)
        try:
            for count, document in enumerate(documents, 1):
                writer.add_document(**to_fields(document))
                if progress:
                    progress(count)
            writer.add_document(id=WATERMARK_ID, kind="meta", watermark=json.dumps(state))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return path

    def swap_to(self, path):
        self.store.swap_to(path)


def _read_state(searcher):
    fields = searcher.document(id=WATERMARK_ID)
    return json.loads(fields["watermark"]) if fields else {}
