"""Snippets with what matched marked, as safe HTML."""
import html
import re
from functools import lru_cache

from search_index.analysis import normalise_text

SNIPPET_CHARS = 180


@lru_cache(maxsize=1024)
def _pattern(marks):
    """One regex for the marks: Thai anywhere (it has no spaces to tell words by); Latin where it starts a
    word, and also ends one for whole-word marks (other forms of a word, place names)."""
    parts = []
    for text, whole_word in sorted(set(marks), key=lambda mark: -len(mark[0])):
        escaped = re.escape(text).replace("\\ ", r"\s+")
        if text[:1].isascii() and text[:1].isalnum():
            escaped = r"(?<![a-z0-9])" + escaped
        if whole_word and text[-1:].isascii() and text[-1:].isalnum():
            escaped += r"(?![a-z0-9])"
        parts.append(escaped)
    return re.compile("|".join(parts)) if parts else None


def snippet(text, marks, width=SNIPPET_CHARS):
    """An escaped extract of `text` around its first match, matches wrapped in <mark>; '' if none.

    `marks`: (folded text, whole_word) pairs, as matching.Matches gives them."""
    pattern = _pattern(tuple(marks)) if marks else None
    if not text or pattern is None:
        return ""
    folded = normalise_text(text)
    if len(folded) != len(text):  # normalisation changed lengths (rare): positions would not line up
        folded = text.lower()
    spans = [m.span() for m in pattern.finditer(folded) if m.end() > m.start()]
    if not spans:
        return ""
    start = max(0, spans[0][0] - width // 3)
    end = min(len(text), start + width)
    pieces, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        pieces.append(html.escape(text[position:span_start]))
        pieces.append(f"<mark>{html.escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(html.escape(text[position:end]))
    return ("…" if start else "") + "".join(pieces) + ("…" if end < len(text) else "")
