"""Probe sets for bench/search_bench.py beyond the labelled concepts of search_corpus.PROBES.

Each probe is (query, relevant ids, note). They are drawn from the corpus with a fixed seed, so both
engines get the same ones:
- literal: a string of 2-12 Thai or Latin letters cut at a random position from a random organisation's
  name, description or address; relevant = every organisation whose name, description, target groups or
  address holds it (after the normalisation both engines' text gets: lower case, Thai digits, mark order).
- typo: a search word with one typo people make (a tone or vowel mark dropped, ธ/ท-style consonant confusion,
  an English letter dropped or doubled, two letters swapped); relevant = what the word itself finds
  literally. Only typos that occur nowhere in the corpus are kept.
- stop words: a search word with function words around it ("เรื่องผู้สูงอายุ", "about the elderly");
  relevant = what the word itself finds literally.
"""
import random
import re

from search_index.analysis import normalise_text
from search_index.literal import THAI_MARKS, fold

_LETTER_RUN = re.compile(r"[\u0e01-\u0e4e]{2,}|[a-z]{2,}")
_NOT_A_START = set(THAI_MARKS) | set("ะาำๅ")
CONFUSED = {"ธ": "ท", "ท": "ธ", "ศ": "ส", "ษ": "ส", "ส": "ศ", "ณ": "น", "น": "ณ", "ญ": "ย", "ภ": "พ", "พ": "ภ",
            "ข": "ค", "ค": "ข", "ช": "ฉ", "ต": "ด", "ร": "ล", "ล": "ร"}
TONE_AND_VOWEL_MARKS = "่้๊๋็ัิีึืุู"
THAI_STOP_PATTERNS = ("เรื่อง{}", "ที่{}", "{}ที่", "เกี่ยวกับ{}", "ด้าน{}", "เรื่อง{}และ")
ENGLISH_STOP_PATTERNS = ("about {}", "the {}", "{} in the", "for the {}", "about the {} of")


def searchable_text(document):
    """What a literal match may be found in: names, descriptions, target groups, address (folded)."""
    return fold(" \x01 ".join(filter(None, (document.name_th, document.name_en, document.description_th,
                                            document.description_en, *document.target_groups,
                                            *document.extra_text))))


def holding(texts, needle):
    return {doc_id for doc_id, text in texts.items() if needle in text}


def literal_probes(documents, texts, count, seed):
    rng = random.Random(seed + 11)
    probes, tries = [], 0
    while len(probes) < count and tries < count * 50:
        tries += 1
        document = rng.choice(documents)
        source = rng.choice([t for t in (document.name_th, document.name_en, document.description_th,
                                         document.description_en, *document.extra_text) if t])
        runs = _LETTER_RUN.findall(fold(source))
        if not runs:
            continue
        run = rng.choice(runs)
        length = rng.randint(2, min(12, len(run)))
        start = rng.randint(0, len(run) - length)
        needle = run[start:start + length]
        if needle[0] in _NOT_A_START or normalise_text(needle) != needle or needle in (p[0] for p in probes):
            continue
        probes.append((needle, holding(texts, needle), f"from #{document.id}"))
    return probes


def typo_probes(words, texts, count, seed):
    def probe(word, rng):
        original = fold(word)
        typo = _typo(original, rng)
        if typo and typo != original and not holding(texts, typo) and (relevant := holding(texts, original)):
            return typo, relevant, original
        return None

    return _from_words(words, count, random.Random(seed + 13), probe)


def _typo(word, rng):
    if any(c in TONE_AND_VOWEL_MARKS for c in word) and rng.random() < 0.5:
        positions = [i for i, c in enumerate(word) if c in TONE_AND_VOWEL_MARKS]
        i = rng.choice(positions)
        return word[:i] + word[i + 1:]
    confusable = [i for i, c in enumerate(word) if c in CONFUSED]
    if confusable:
        i = rng.choice(confusable)
        return word[:i] + CONFUSED[word[i]] + word[i + 1:]
    if word.isascii() and len(word) >= 5:
        i = rng.randrange(1, len(word) - 1)
        kind = rng.choice(("drop", "double", "swap"))
        if kind == "drop":
            return word[:i] + word[i + 1:]
        if kind == "double":
            return word[:i] + word[i] + word[i:]
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return None


def stop_word_probes(words, texts, count, seed):
    def probe(word, rng):
        pattern = rng.choice(ENGLISH_STOP_PATTERNS if word.isascii() else THAI_STOP_PATTERNS)
        relevant = holding(texts, fold(word))
        return (pattern.format(word), relevant, word) if relevant else None

    return _from_words(words, count, random.Random(seed + 17), probe)


def _from_words(words, count, rng, probe):
    """Up to `count` probes made by probe(word, rng) from the words in a seeded random order (None: skip)."""
    probes = []
    for word in rng.sample(list(words), len(words)):
        if len(probes) >= count:
            break
        made = probe(word, rng)
        if made:
            probes.append(made)
    return probes
