"""Thai and English text analysis for the index.

Whoosh's stock tokenizers break Thai at every vowel and tone mark, so Thai runs are segmented here
into dictionary words (nlpo3, the Rust port of PyThaiNLP's newmm). Thai Character Clusters (TCC),
the smallest units Thai text can be cut into, decide where a fragment may begin and end inside a
word (see lexicon.py).
"""
import re
import unicodedata
from functools import lru_cache

from pythainlp.tokenize import subword_tokenize, word_tokenize
from whoosh.analysis import Token, Tokenizer
from whoosh.lang.porter import stem

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# A Thai run (letters, vowels, tone marks; not the Thai digits, which become Latin digits) or a
# Latin/digit word (with inner apostrophes or hyphens kept out: "La-ngu" is two words, la and ngu).
_RUNS = re.compile(r"(?P<thai>[\u0E01-\u0E4E]+)|(?P<latin>[^\W_]+)")
_THAI = re.compile(r"[\u0E01-\u0E4E]")
WORD_ENGINE = "nlpo3"


def normalise_text(text):
    """NFC, Thai digits as Latin digits, lowercase."""
    return unicodedata.normalize("NFC", text or "").translate(THAI_DIGITS).lower()


def is_thai(text):
    return bool(_THAI.search(text))


def load_thai_segmenter():
    """Load the word dictionary now (0.1-0.4 s, tens of MB) rather than inside the first request."""
    thai_words("ภาคประชาสังคม")
    thai_clusters("ภาคประชาสังคม")


@lru_cache(maxsize=50_000)
def thai_words(run):
    return tuple(w for w in word_tokenize(run, engine=WORD_ENGINE, keep_whitespace=False) if w.strip())


@lru_cache(maxsize=50_000)
def thai_clusters(run):
    return tuple(c for c in subword_tokenize(run, engine="tcc") if c.strip())


def runs(text):
    """Yield ("thai" | "latin", run) for each run of the normalised text."""
    for match in _RUNS.finditer(normalise_text(text)):
        yield match.lastgroup, match.group()


def stem_latin(word):
    return stem(word) if word.isascii() and word.isalpha() else word


class WordTokenizer(Tokenizer):
    """Thai dictionary words and Latin words; Latin words stemmed when `stemmed` is set.

    `latin_only` skips Thai: the unstemmed copy of the text serves Latin prefixes and phrases only,
    since Thai words are never stemmed and their phrases are matched by clusters.
    """

    def __init__(self, stemmed=True, latin_only=False):
        self.stemmed = stemmed
        self.latin_only = latin_only

    def __eq__(self, other):
        return (type(self) is type(other) and self.stemmed == other.stemmed
                and self.latin_only == other.latin_only)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for kind, run in runs(value):
            if kind == "thai" and self.latin_only:
                continue
            words = thai_words(run) if kind == "thai" else (stem_latin(run) if self.stemmed else run,)
            for word in words:
                token.text = word
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = position
                position += 1
                yield token
