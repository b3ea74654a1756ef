"""The organisation search index, behind one small interface.

Whoosh keeps the documents (stored values, replaced and deleted by id, in segments); beside each segment
are arrays for matching any text literally (a suffix array), filters and sorting (segments.py). This
package knows no Flask and no SQLAlchemy. It is given Documents and answers SearchRequests with ids,
scores, distances, facets and highlights; the application loads the rows in that order.
"""
import json
import threading
from contextlib import suppress
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.reading import ReaderClosed

from search_index import segments
from search_index.analysis import load_thai_segmenter
from search_index.columns import ColumnCache, tally
from search_index.documents import Document, Place
from search_index.language import QueryLanguage
from search_index.matching import Snapshot
from search_index.schema import WATERMARK_ID, place_names, to_fields
from search_index.searching import SORTS, Hit, MatchCache, PlaceTerm, SearchRequest, SearchResult, run_search
from search_index.store import IndexMissing, IndexStore
from search_index.suggest import keyboard_swap

__all__ = ["Document", "Hit", "IndexMissing", "Place", "PlaceTerm", "QueryLanguage", "SORTS", "SearchIndex",
           "SearchRequest", "SearchResult", "load_thai_segmenter"]

WRITER_TIMEOUT_S = 10


class SearchIndex:
    """One per process and index folder. Searches may run on many threads; writes need the lock."""

    def __init__(self, root, language=None):
        self.store = IndexStore(root)
        self.language = language or QueryLanguage()
        self._guard = threading.Lock()
        self._generation = None
        self._searcher = None
        self._snapshot = None
        self._arrays = {}  # segment id -> SegmentArrays, while the segment is in use
        self._columns = None
        self._matches = None
        self._suggestions = None

    # -- reading ---------------------------------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResult:
        with self._guard:
            searcher = self._fresh_searcher()
            return run_search(searcher, self._snapshot, self.language, self._matches, request)

    def warm(self):
        """Open the index and read what a first search would (worker start, after a swap)."""
        with self._guard:
            self._fresh_searcher()
            _ = self._snapshot.latin_forms, self._snapshot.tag_names
        self.search(SearchRequest(q="ชุมชน community", limit=1))

    def tally(self, updated_since=None):
        """Counts of the live organisations by province, type and issue area, how many are verified and how
        many changed since `updated_since` (a datetime): what the filters and facets count, read from the
        arrays in memory."""
        with self._guard:
            self._fresh_searcher()
            columns = self._snapshot.columns
        return tally(columns, updated_since.timestamp() if updated_since else 0)

    def forget_matches(self):
        """Drop the cached text matches (they are also dropped whenever the index changes)."""
        with self._guard:
            if self._matches is not None:
                self._matches = MatchCache()

    def suggest(self, text):
        """Thai for a query typed on the wrong keyboard, if that finds something; else None. Kept for the
        index's life, as people repeat the same slips."""
        with self._guard:
            self._fresh_searcher()
            suggestions = self._suggestions
        swapped = keyboard_swap(text)
        if swapped is None:
            return None
        return suggestions.get(swapped, lambda: swapped if self.search(
            SearchRequest(q=swapped, limit=1, with_facets=False)).total else None)

    def document_versions(self):
        """{id: version} of every indexed document (for consistency checks)."""
        with self._guard:
            searcher = self._fresh_searcher()
            return {fields["id"]: fields["version"] for fields in searcher.all_stored_fields()
                    if fields.get("id") != WATERMARK_ID}

    def state_token(self):
        """Something that changes whenever what a search would find changes (a new commit, a swap)."""
        with self._guard:
            self._fresh_searcher()
            return self._generation, self._snapshot.columns.state

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
                if not self._searcher.up_to_date() and self._arrays_ready():
                    self._searcher = self._searcher.refresh()
                    self._suggestions = MatchCache()  # what was suggested may not hold any more
                    self._take_snapshot()
                return self._searcher
            except ReaderClosed:  # its readers went with a generation another process replaced
                pass
        self._close_searcher()
        self._generation, index = self.store.open_current()
        self._searcher = index.searcher()
        self._columns = ColumnCache()
        self._matches = MatchCache()
        self._suggestions = MatchCache()
        self._take_snapshot()
        return self._searcher

    def _arrays_ready(self):
        """Whether the latest commit's segments all have their arrays (the writer builds them just after
        its commit): until then the searcher in hand is kept, rather than building them here."""
        index = whoosh_index.open_dir(self.store.root / self._generation)
        return segments.has_arrays(self.store.root / self._generation, segments.segment_ids(index))

    def _take_snapshot(self):
        path = self.store.root / self._generation
        leaves = [(reader, offset) for reader, offset in self._searcher.reader().leaf_readers()
                  if reader.segment() is not None]
        arrays = {}
        for reader, _offset in leaves:
            segment_id = reader.segment().segment_id()
            arrays[segment_id] = self._arrays.get(segment_id) or segments.load(path, reader)
        self._arrays = arrays
        columns = self._columns.join([
            ((reader.segment().segment_id(), reader.doc_count()), arrays[reader.segment().segment_id()].columns,
             _deleted(reader)) for reader, _offset in leaves])
        self._snapshot = Snapshot([(offset, arrays[reader.segment().segment_id()]) for reader, offset in leaves],
                                  columns, segments.read_places(path))

    def _close_searcher(self):
        if self._searcher is not None:
            # Whoosh's refresh() hands segment readers on to the new searcher and may close them
            # already: closing twice is harmless, so it is not an error here.
            with suppress(ReaderClosed):
                self._searcher.close()
            self._searcher = None
            self._arrays = {}

    def close(self):
        with self._guard:
            self._close_searcher()

    # -- writing (hold writer_lock around these) -------------------------------------------------
    def writer_lock(self, blocking=False):
        return self.store.writer_lock(blocking=blocking)

    def apply(self, upserts=(), deletions=(), state=None, generation=None, merge=True):
        """Add or replace `upserts`, remove the ids in `deletions`, record `state`; one commit, then the
        arrays of the segments it made.

        merge=False leaves merging small segments to a later writer (a web request should not wait on it).
        """
        if generation:
            path, index = Path(generation), whoosh_index.open_dir(generation)
        else:
            name, index = self.store.open_current()
            path = self.store.root / name
        upserts = list(upserts)
        segments.add_places(path, (place_names(document) for document in upserts))
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
        segments.build_missing(path, index)

    def build_generation(self, documents, state, progress=None, processes=2):
        """Write every document into a new generation (not yet searched); returns its path."""
        path = self.store.new_generation()
        index = whoosh_index.open_dir(path)
        writer = index.writer()
        places = []
        try:
            for count, document in enumerate(documents, 1):
                writer.add_document(**to_fields(document))
                places.append(place_names(document))
                if progress:
                    progress(count)
            writer.add_document(id=WATERMARK_ID, kind="meta", watermark=json.dumps(state))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        segments.add_places(path, places)
        segments.build_missing(path, index)
        return path

    def swap_to(self, path):
        self.store.swap_to(path)


def _deleted(reader):
    if not reader.has_deletions():
        return []
    return sorted(set(range(reader.doc_count_all())) - set(reader.all_doc_ids()))


def _read_state(searcher):
    fields = searcher.document(id=WATERMARK_ID)
    return json.loads(fields["watermark"]) if fields else {}
