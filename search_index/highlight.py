"""Snippets with the matched words marked, as safe HTML."""
import html
import re

from search_index.analysis import normalise_text, runs, stem_latin
from search_index.query import parse_units

SNIPPET_CHARS = 180


def needles(text):
    """What to mark for a query: Thai runs as typed, Latin words by their stem."""
    found = set()
    for _, unit in parse_units(text):
        for kind, run in runs(unit):
            found.add(run if kind == "thai" else stem_latin(run))
    return sorted((n for n in found if n), key=len, reverse=True)


def snippet(text, marks, width=SNIPPET_CHARS):
    """An escaped extract of `text` around its first match, matches wrapped in <mark>; '' if none."""
    if not text or not marks:
        return ""
    folded = normalise_text(text)
    pattern = re.compile("|".join(re.escape(m) for m in marks))
    first = pattern.search(folded)
    if first is None:
        return ""
    start = max(0, first.start() - width // 3)
    end = min(len(text), start + width)
    pieces, position = [], start
    for match in pattern.finditer(folded, start, end):
        pieces.append(html.escape(text[position:match.start()]))
        pieces.append(f"<mark>{html.escape(text[match.start():match.end()])}</mark>")
        position = match.end()
    pieces.append(html.escape(text[position:end]))
    return ("…" if start else "") + "".join(pieces) + ("…" if end < len(text) else "")
