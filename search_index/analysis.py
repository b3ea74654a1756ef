"""Thai and English text analysis for the index.

Whoosh's stock tokenizers break Thai at every vowel and tone mark, so Thai runs are segmented here
into dictionary words (nlpo3, the Rust port of PyThaiNLP's newmm). Thai Character Clusters (TCC),
the smallest units Thai text can be cut into, decide where a fragment may begin and end inside a
word (see lexicon.py).
"""
import re
import unicodedata
from functools import lru_cache

from pythainlp.corpus import thai_words as thai_dictionary_words
from pythainlp.tokenize import subword_tokenize, word_tokenize
from pythainlp.util import remove_dangling, remove_repeat_vowels, remove_spaces_before_marks
from whoosh.analysis import Token, Tokenizer
from whoosh.lang.porter import stem

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# A Thai run (letters, vowels, tone marks; not the Thai digits, which become Latin digits) or a
# Latin/digit word (with inner apostrophes or hyphens kept out: "La-ngu" is two words, la and ngu).
_RUNS = re.compile(r"(?P<thai>[\u0E01-\u0E4E]+)|(?P<latin>[^\W_]+)")
_THAI = re.compile(r"[\u0E01-\u0E4E]")
WORD_ENGINE = "nlpo3"
# Characters that show nothing: zero-width space, (non-)joiners, word joiner, byte-order mark, soft hyphen.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# What PyThaiNLP's reordering would change: marks typed in another order, doubled, dangling or after a
# space. Checked first because its rules cost ~1 ms per kilobyte and almost all text is already in order.
_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_MISTYPED_MARKS = re.compile(
    "เเ|[\u0e48-\u0e4c][\u0e31\u0e34-\u0e37\u0e38\u0e39\u0e47\u0e4d]|\u0e4d[\u0e48-\u0e4b]*\u0e32"
    "|[ะาำๅ][\u0e48-\u0e4b]|ๅ|[\u0e48-\u0e4b]{2}"
    f"|([ะาำๅเแโใไ{_MARKS}]) *\\1|(?:^| )[{_MARKS}]|[ก-ฮ] [{_MARKS}]"
)
_SPACES = re.compile(r"\s+")


def clean_text(text):
    """Text as its writer meant it: NFC, no invisible characters, Thai vowels and tone marks in their
    standard order and not repeated (PyThaiNLP's rules). Two spellings that look the same on screen
    become the same string; line breaks and spacing are kept."""
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text or ""))  # NFC last: an invisible one may part marks
    if _MISTYPED_MARKS.search(text):
        text = remove_dangling(remove_repeat_vowels(remove_spaces_before_marks(text)))
    return text


def one_line(text):
    """clean_text, with every run of white space (line breaks, no-break spaces) as one space, trimmed."""
    return _SPACES.sub(" ", clean_text(text)).strip()


def normalise_text(text):
    """clean_text, Thai digits as Latin digits, lowercase: the form text is indexed and queried in."""
    return clean_text(text).translate(THAI_DIGITS).lower()


def is_thai(text):
    return bool(_THAI.search(text))


def load_thai_segmenter():
    """Load the word dictionary now (0.1-0.4 s, tens of MB) rather than inside the first request."""
    thai_words("ภาคประชาสังคม")
    thai_clusters("ภาคประชาสังคม")
    is_dictionary_word("ภาคประชาสังคม")


@lru_cache(maxsize=50_000)
def thai_words(run):
    return tuple(w for w in word_tokenize(run, engine=WORD_ENGINE, keep_whitespace=False) if w.strip())


@lru_cache(maxsize=1)
def _dictionary():
    return thai_dictionary_words()


def is_dictionary_word(word):
    """Whether `word` is in the segmenter's dictionary: a run that segments into pieces that are not
    (มูลนิทิ -> มูล|นิ|ทิ) was most likely mistyped."""
    return word in _dictionary()


@lru_cache(maxsize=50_000)
def thai_clusters(run):
    return tuple(c for c in subword_tokenize(run, engine="tcc") if c.strip())


def runs(text):
    """Yield ("thai" | "latin", run) for each run of the normalised text."""
    for match in _RUNS.finditer(normalise_text(text)):
        yield match.lastgroup, match.group()


@lru_cache(maxsize=100_000)
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
