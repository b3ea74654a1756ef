"""Snippets with the matched words marked, as safe HTML."""
import html
import re
from dataclasses import dataclass

from search_index.analysis import normalise_text, runs, stem_latin
from search_index.query import PREFIX_MIN_CHARS, parse_units

SNIPPET_CHARS = 180
_LATIN_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Marks:
    """What to mark for a query: Thai runs as typed; Latin words whose stem, or whose beginning
    (a word still being typed), matches the query's."""

    thai: tuple = ()
    latin_stems: frozenset = frozenset()
    latin_prefixes: tuple = ()

    def __bool__(self):
        return bool(self.thai or self.latin_stems or self.latin_prefixes)


def needles(text, places=()):
    """What to mark for `text` and the place names found in it (marked as whole words only)."""
    thai, stems, prefixes = set(), set(), set()
    units = [(unit, True) for _, unit in parse_units(text)] + [(place.text, False) for place in places]
    for unit, may_be_prefix in units:
        for kind, run in runs(unit):
            if kind == "thai":
                thai.add(run)
            else:
                stems.add(stem_latin(run))
                if may_be_prefix and len(run) >= PREFIX_MIN_CHARS:
                    prefixes.add(run)
    return Marks(tuple(sorted(thai, key=len, reverse=True)), frozenset(stems), tuple(prefixes))


def _spans(folded, marks):
    """(start, end) of every match in the normalised text, in order, not overlapping."""
    found = []
    if marks.thai:
        found += [m.span() for m in re.finditer("|".join(re.escape(t) for t in marks.thai), folded)]
    for word in _LATIN_WORD.finditer(folded):
        text = word.group()
        if stem_latin(text) in marks.latin_stems or text.startswith(marks.latin_prefixes or ("\0",)):
            found.append(word.span())
    spans, end = [], -1
    for start, stop in sorted(found):
        if start >= end:
            spans.append((start, stop))
            end = stop
    return spans


def snippet(text, marks, width=SNIPPET_CHARS):
    """An escaped extract of `text` around its first match, matches wrapped in <mark>; '' if none."""
    if not text or not marks:
        return ""
    folded = normalise_text(text)
    if len(folded) != len(text):  # normalisation changed lengths (rare): positions would not line up
        folded = text.lower()
    spans = _spans(folded, marks)
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
