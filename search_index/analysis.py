"""Thai and English text analysis for the index.

Whoosh's stock tokenizers break Thai at every vowel and tone mark, so Thai runs are segmented here:
into dictionary words (nlpo3, the Rust port of PyThaiNLP's newmm) for precise whole-word matching,
and into Thai Character Clusters (TCC) for matching a fragment inside a longer word ("สูงอายุ" in
"ผู้สูงอายุ"). Clusters never straddle a word boundary, so a fragment typed on its own splits into the
same clusters it has inside the longer word. Adjacent clusters are indexed as pairs ("สู_ง", "ง_อา"),
which keeps posting lists short where single clusters such as "น" occur in every document.
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
CLUSTER_JOINER = "_"
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


def cluster_pairs(clusters):
    """("ผู้","สู","ง") -> ["ผู้_สู", "สู_ง", "ง_"]: each cluster with the next; the last with the end."""
    return [f"{a}{CLUSTER_JOINER}{b}" for a, b in zip(clusters, clusters[1:] + ("",))]


def runs(text):
    """Yield ("thai" | "latin", run) for each run of the normalised text."""
    for match in _RUNS.finditer(normalise_text(text)):
        yield match.lastgroup, match.group()


def stem_latin(word):
    return stem(word) if word.isascii() and word.isalpha() else word


class WordTokenizer(Tokenizer):
    """Thai dictionary words and Latin words; Latin words stemmed when `stemmed` is set."""

    def __init__(self, stemmed=True):
        self.stemmed = stemmed

    def __eq__(self, other):
        return type(self) is type(other) and self.stemmed == other.stemmed

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for kind, run in runs(value):
            words = thai_words(run) if kind == "thai" else (stem_latin(run) if self.stemmed else run,)
            for word in words:
                token.text = word
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = position
                position += 1
                yield token


class ClusterPairTokenizer(Tokenizer):
    """Pairs of adjacent Thai Character Clusters, for sub-word matching; Latin text is skipped."""

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for kind, run in runs(value):
            if kind != "thai":
                continue
            for pair in cluster_pairs(thai_clusters(run)):
                token.text = pair
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = position
                position += 1
                yield token
            position += 1  # a gap between runs, so a phrase never spans two runs
