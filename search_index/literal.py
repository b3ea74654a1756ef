"""Every place a string occurs: a suffix array over each segment's text, one byte a character.

Dictionary words miss text that crosses a segmentation boundary (ปลูกป่า in ปลูก|ป่าชายเลน), so
matching works on characters, as SQLite's trigram index does: any string of the normalised text is
found wherever it occurs, whatever the segmentation on either side. Words still matter for ranking:
`edges` marks where the segmenter (nlpo3) or a Latin word starts a word, so a match can be told to be
a whole word, the start of a word or inside one.

The text of a segment, as bytes (Thai U+0E01..U+0E5B as 0xA1..0xFB, as in TIS-620; ASCII as itself):

    \x02 name_th \x03 name_en \x01 body \x00   \x02 name_th ... \x00   (one entry per document)

A query never holds the separators, so a match never crosses fields or documents; and a name is matched
whole by looking up `\x02 q \x03` (Thai) or `\x03 q \x01` (English).
"""
import bisect
import mmap
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydivsufsort import divsufsort
from pythainlp.tokenize import word_tokenize

from search_index.analysis import WORD_ENGINE, normalise_text

NAME_TH, BODY, NAME_EN, DOCUMENT_END = b"\x02", b"\x01", b"\x03", b"\x00"
UNKNOWN = "\x7f"  # a letter of another script: kept as one character, matched by any other such letter
_SPACES = re.compile(r"\s+")
_OUTSIDE = re.compile(r"[^\x20-\x7e\u0e01-\u0e5b]")
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_NOT_WORD_CHAR = re.compile(r"[^a-z0-9\u0e01-\u0e5b]")
THAI_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
                       "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


def _outside(match):
    # é -> e; another script's letter or a symbol -> one unknown character (so positions stay 1:1).
    folded = "".join(c for c in unicodedata.normalize("NFKD", match.group()) if not unicodedata.combining(c))
    return folded if len(folded) == 1 and folded.isascii() and folded.isprintable() else UNKNOWN


def fold(text):
    """The normalised text (one space for any run of white space) as it is stored: one character each."""
    return _OUTSIDE.sub(_outside, _SPACES.sub(" ", normalise_text(text)).strip())


def encode(folded):
    """`fold`ed text as bytes, one a character."""
    units = np.frombuffer(folded.encode("utf-16-le"), dtype=np.uint16)
    return np.where(units < 0x80, units, units - 0x0E00 + 0xA0).astype(np.uint8).tobytes()


def decode(data):
    units = np.frombuffer(data, dtype=np.uint8).astype(np.uint16)
    return np.where(units < 0x80, units, units + 0x0E00 - 0xA0).astype(np.uint16).tobytes().decode("utf-16-le")


def word_edges(folded):
    """Offsets where a word starts (nlpo3's words, Latin words) or a character belongs to no word;
    an offset may come more than once."""
    edges, position = [], 0
    for token in word_tokenize(folded, engine=WORD_ENGINE, keep_whitespace=True):
        edges.append(position)
        position += len(token)
    edges += [m.start() for m in _LATIN_WORD.finditer(folded)]
    edges += [m.start() for m in _NOT_WORD_CHAR.finditer(folded)]
    return edges


@dataclass(frozen=True)
class DocumentText:
    name_th: str = ""
    name_en: str = ""
    body: str = ""


def build(texts, folder):
    """Write the literal index of `texts` (DocumentText, in document-number order) into `folder`."""
    pieces, edges, starts, position = [], [], [], 0
    for text in texts:
        parts = [fold(text.name_th), fold(text.name_en), fold(text.body)]
        entry_start = position
        offsets = []
        for separator, part in zip((NAME_TH, NAME_EN, BODY), parts):
            pieces.append(separator)
            position += 1
            offsets.append(position)
            pieces.append(encode(part))
            edges.extend(position + offset for offset in word_edges(part))
            edges.append(position + len(part))  # the separator after it ends any word
            position += len(part)
        pieces.append(DOCUMENT_END)
        position += 1
        starts.append((entry_start, offsets[1], offsets[2]))
    data = b"".join(pieces)
    corpus = np.frombuffer(bytearray(data), dtype=np.uint8)  # divsufsort needs a writable array
    is_edge = np.zeros(len(corpus) + 1, dtype=bool)
    is_edge[np.array(edges, dtype=np.int64)] = True
    is_edge[len(corpus)] = True
    folder = Path(folder)
    (folder / "text.bin").write_bytes(data)
    np.save(folder / "suffixes.npy", divsufsort(corpus) if len(corpus) else np.zeros(0, dtype=np.int32))
    np.save(folder / "edges.npy", np.packbits(is_edge))
    np.save(folder / "starts.npy", np.array(starts, dtype=np.int64).reshape(-1, 3))


class LiteralIndex:
    """One segment's literal index, memory-mapped (shared between the worker processes)."""

    def __init__(self, folder):
        folder = Path(folder)
        with open(folder / "text.bin", "rb") as handle:
            self.text = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if handle.seek(0, 2) else b""
        # A plain view of the memory map: numpy's memmap indexes through Python, 100x slower one by one.
        self.suffixes = np.load(folder / "suffixes.npy", mmap_mode="r").view(np.ndarray)
        self._edges = np.load(folder / "edges.npy", mmap_mode="r").view(np.ndarray)
        starts = np.load(folder / "starts.npy")
        self.document_starts, self.english_starts, self.body_starts = starts[:, 0], starts[:, 1], starts[:, 2]

    @property
    def size(self):
        return len(self.document_starts)

    def positions(self, needle: bytes):
        """Sorted start offsets of every occurrence of `needle` (encoded) in this segment."""
        low, high = self.suffix_range(needle)
        return np.sort(np.asarray(self.suffixes[low:high], dtype=np.int64))

    def count(self, needle: bytes):
        low, high = self.suffix_range(needle)
        return high - low

    def suffix_range(self, needle: bytes):
        """The rows of the suffix array whose suffixes begin with `needle`."""
        if not needle or not len(self.suffixes):
            return 0, 0
        width = len(needle)
        text, suffixes = self.text, self.suffixes

        def head(row):
            start = int(suffixes[row])
            return text[start:start + width]

        low = bisect.bisect_left(range(len(suffixes)), needle, key=head)
        high = bisect.bisect_right(range(low, len(suffixes)), needle, key=head) + low
        return low, high

    def is_edge(self, positions):
        """Whether a word starts (or no word goes on) at each position (bits as np.packbits wrote them)."""
        return (self._edges[positions >> 3] >> (7 - (positions & 7))) & 1 == 1

    def documents_of(self, positions):
        """The document number of each position."""
        return np.searchsorted(self.document_starts, positions, side="right") - 1

    def close(self):
        if isinstance(self.text, mmap.mmap):
            self.text.close()
