"""'Did you mean': Thai typed on an English keyboard, and words close to ones in the index."""
from pythainlp.util import eng_to_thai

from search_index.analysis import is_thai, runs
from search_index.query import build_query


def suggest_query(searcher, text, thai_lexicon=()):
    """A query that finds something where `text` found nothing, or None."""
    candidates = []
    if text and not is_thai(text) and text.strip():
        candidates.append(eng_to_thai(text.strip()))
    corrected = []
    for kind, run in runs(text or ""):
        words = searcher.suggest("exact", run, limit=1, maxdist=1 if len(run) < 6 else 2)
        corrected.append(words[0] if words else run)
    if corrected:
        candidates.append(" ".join(corrected))
    for candidate in candidates:
        if candidate and candidate.strip().lower() != (text or "").strip().lower():
            query = build_query(candidate, thai_lexicon=thai_lexicon)
            if query is not None and any(True for _ in searcher.docs_for_query(query)):
                return candidate
    return None
