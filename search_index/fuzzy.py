"""Typos: the text in the index closest to a word that occurs nowhere in it.

Edits are counted on the letters: a Thai vowel or tone mark added, dropped or swapped for another costs
half an edit (a missing tone mark is the commonest Thai typo), any other letter one. Allowed: one edit for
words of 4-7 letters (not counting marks), two for longer ones; shorter words only get their marks mended.

Two searches, both on the literal index, so a correction may cross word boundaries
(มูลนิทิเพื่อคนไร้บ้าน -> มูลนิธิเพื่อคนไร้บ้าน):
- one step: every spelling one mark away (เดก -> เด็ก) or with two neighbouring letters swapped (wmoen ->
  women, a swap counting as one edit), each looked up directly;
- letters: split the word into edits + 1 pieces; a match with that many edits holds one piece exactly
  (the pigeonhole principle), so the places where a piece occurs are the only ones to check, with an
  edit distance in which the match may start and end anywhere (Sellers' algorithm), run on numpy arrays
  over all those places at once.
"""
from dataclasses import dataclass

import numpy as np

from search_index.literal import THAI_MARKS, decode, encode

MARKS = np.array([b for b in encode("".join(sorted(THAI_MARKS)))], dtype=np.uint8)
MARK_BYTES = frozenset(MARKS.tolist())
_IS_MARK = np.zeros(256, dtype=bool)
_IS_MARK[MARKS] = True
_IS_SEPARATOR = np.zeros(256, dtype=bool)
_IS_SEPARATOR[:4] = True
MARK_COST = 0.5
MAX_PLACES = 20_000  # places checked for one word at most (the rarest pieces first)
_THAI_CONSONANTS = frozenset(range(0xA1, 0xCF))  # ก..ฮ: where a mark may be added after


def allowed_edits(text):
    letters = sum(1 for c in text if c not in THAI_MARKS)
    return 0 if letters < 4 else 1 if letters <= 7 else 2


@dataclass(frozen=True)
class Correction:
    text: str
    cost: float
    occurrences: int
    word_edges: int = 2  # 0-2: whether a match starts and ends where words do (health, not heal-th)


def correct(text, literals):
    """The best Correction of `text` (folded) in the literal indexes, or None."""
    needle = encode(text)
    edits = allowed_edits(text)
    found = [c for c in _one_step_away(needle, literals) if c.cost <= max(edits, MARK_COST)]
    if edits and not any(c.cost == MARK_COST for c in found):
        found += _within_edits(needle, edits, literals)
    if not found:
        return None
    # The cheapest; then one that starts and ends where words do (health, not heal); then the commonest.
    return min(found, key=lambda c: (c.cost, -c.word_edges, -c.occurrences, c.text))


def _count(needle, literals):
    return sum(literal.count(needle) for literal in literals)


def _one_step_away(needle, literals):
    """Spellings that occur one mark (MARK_COST) or one swap of neighbouring letters (1) away."""
    marks, swaps = set(), set()
    for position in range(len(needle) + 1):
        before = needle[position - 1] if position else None
        if before is not None and (before in _THAI_CONSONANTS or before in MARK_BYTES):
            marks.update(needle[:position] + bytes([mark]) + needle[position:] for mark in MARKS.tolist())
        if position < len(needle) and needle[position] in MARK_BYTES:
            marks.add(needle[:position] + needle[position + 1:])
            marks.update(needle[:position] + bytes([mark]) + needle[position + 1:] for mark in MARKS.tolist())
        if position + 1 < len(needle):
            swaps.add(needle[:position] + needle[position + 1:position + 2] + needle[position:position + 1]
                      + needle[position + 2:])
    found = []
    for variants, cost in ((marks, MARK_COST), (swaps - marks, 1.0)):
        for variant in variants - {needle}:
            if len(variant) >= 2 and (occurrences := _count(variant, literals)):
                found.append(Correction(decode(variant), cost, occurrences, _word_edges(variant, literals)))
    return found


def _word_edges(needle, literals, sample=50):
    """How many of its two ends fall where words do, at best over some of `needle`'s occurrences."""
    best = 0
    for literal in literals:
        low, high = literal.suffix_range(needle)
        if high > low:
            starts = np.asarray(literal.suffixes[low:min(high, low + sample)], dtype=np.int64)
            both = literal.is_edge(starts).astype(int) + literal.is_edge(starts + len(needle))
            best = max(best, int(both.max()))
    return best


def _within_edits(needle, edits, literals):
    pieces = _pieces(needle, edits + 1)
    found = {}
    for literal in literals:
        corpus = np.frombuffer(literal.text, dtype=np.uint8) if len(literal.text) else np.zeros(0, np.uint8)
        starts = _candidate_starts(literal, pieces)
        if not len(starts):
            continue
        width = len(needle) + 2 * edits
        index = np.clip(starts[:, None] - edits + np.arange(width), 0, max(len(corpus) - 1, 0))
        windows = corpus[index]
        costs, begins = _semi_global_distance(np.frombuffer(needle, dtype=np.uint8), windows)
        for row, end in zip(*np.nonzero(costs <= edits)):
            begin = begins[row, end]
            matched = windows[row, begin:end].tobytes()
            if not matched or matched == needle:
                continue
            at = starts[row] - edits + begin
            rank = (float(costs[row, end]), -(int(literal.is_edge(at)) + int(literal.is_edge(at + len(matched)))))
            if matched not in found or rank < found[matched]:
                found[matched] = rank
    return [Correction(decode(text), cost, _count(text, literals), -negative_edges)
            for text, (cost, negative_edges) in found.items()]


def _pieces(needle, count):
    """(offset, piece) for `count` nearly equal pieces of `needle`."""
    bounds = np.linspace(0, len(needle), count + 1).round().astype(int)
    return [(int(a), needle[a:b]) for a, b in zip(bounds[:-1], bounds[1:]) if b > a]


def _candidate_starts(literal, pieces):
    """Where a match could start, from the places each piece occurs (the rarest pieces first)."""
    ranges = sorted(((literal.suffix_range(piece), offset) for offset, piece in pieces),
                    key=lambda item: item[0][1] - item[0][0])
    starts, total = [], 0
    for (low, high), offset in ranges:
        if total + high - low > MAX_PLACES:
            break
        starts.append(np.asarray(literal.suffixes[low:high], dtype=np.int64) - offset)
        total += high - low
    return np.unique(np.concatenate(starts)) if starts else np.zeros(0, np.int64)


def _semi_global_distance(pattern, windows):
    """For each row of `windows` and each end in it: the least weighted edit cost of `pattern` against a
    stretch of the row ending there, and where that stretch begins (Sellers' algorithm: a match may start
    anywhere). Separators (field and document ends) can never be part of a match."""
    rows, width = windows.shape
    inf = np.float64(1e9)
    text_is_mark = _IS_MARK[windows]
    is_separator = _IS_SEPARATOR[windows]
    text_cost = np.where(is_separator, inf, np.where(text_is_mark, MARK_COST, 1.0))
    previous = np.zeros((rows, width + 1))
    previous_begin = np.broadcast_to(np.arange(width + 1), (rows, width + 1)).copy()
    for letter in pattern.tolist():
        letter_cost = MARK_COST if _IS_MARK[letter] else 1.0
        substitution = np.where(windows == letter, 0.0,
                                np.where(text_is_mark & _IS_MARK[letter], MARK_COST, 1.0))
        substitution = np.where(is_separator, inf, substitution)
        diagonal = previous[:, :-1] + substitution
        upward = previous[:, 1:] + letter_cost  # the letter typed is missing from the text
        take_diagonal = diagonal <= upward
        best = np.where(take_diagonal, diagonal, upward)
        best_begin = np.where(take_diagonal, previous_begin[:, :-1], previous_begin[:, 1:])
        current = np.empty_like(previous)
        current_begin = np.empty_like(previous_begin)
        current[:, 0] = previous[:, 0] + letter_cost
        current_begin[:, 0] = previous_begin[:, 0]
        for column in range(1, width + 1):  # a letter in the text that was not typed: left to right
            sideways = current[:, column - 1] + text_cost[:, column - 1]
            use_side = sideways < best[:, column - 1]
            current[:, column] = np.where(use_side, sideways, best[:, column - 1])
            current_begin[:, column] = np.where(use_side, current_begin[:, column - 1], best_begin[:, column - 1])
        previous, previous_begin = current, current_begin
    return previous, previous_begin
