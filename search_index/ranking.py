"""How search results are ordered: every rule and weight in one place.

Results are ordered by, in turn:
1. how many of the query's content words the organisation matches (all of them first; stop words such as
   ที่, เรื่อง, โดย, the, of are optional and only add to the score);
2. its name is exactly the query (both normalised: case, spacing, mark order, Thai digits);
3. it holds, letter for letter, every Thai run that was searched by its words (ท่องเที่ยวโดยชุมชน before
   ท่องเที่ยว ... ชุมชน);
4. every content word is in its name;
5. the score (below), rounded so that near-equal scores tie;
6. verified organisations first;
7. the order they were indexed in, so that the order never changes by chance.

The score of a document is the sum, over the query's words, of
    idf(word) x best match weight x (1 + SATURATION x ln(number of matches))   (x 0.1 for a stop word),
where a match weight is FIELD x WHERE x HOW:
- FIELD: the name 4, a tag (province, district, region, type, issue area names) 2, the body 1;
- WHERE in the text's words (nlpo3's Thai words, Latin words): a whole word 1; the start of a longer word
  0.6 for the last word typed (a word still being typed), 0.3 for the others; inside a longer word 0.3;
- HOW the text matched what was typed: as typed 1; a multi-word Thai run as one phrase 1.5; another form of
  an English word (farming for farms) 0.8; a synonym from the curated list 0.6; a correction of a typo 0.5;
  a place name the application recognised 1.
"""
import numpy as np

FIELD = {"name": 4.0, "tag": 2.0, "body": 1.0}
WHOLE_WORD = 1.0
WORD_START_LAST = 0.6
WORD_START = 0.3
INSIDE_WORD = 0.3
HOW = {"typed": 1.0, "phrase": 1.5, "form": 0.8, "synonym": 0.6, "correction": 0.5, "place": 1.0}
OPTIONAL_WORD = 0.1  # a stop word's share: it may break a tie, never outweigh a content word
SATURATION = 0.15
SCORE_DECIMALS = 2


def where_weight(starts_word, ends_word, is_last_word):
    """WHERE for arrays of matches: whole word, start of a word, or inside one."""
    start = WORD_START_LAST if is_last_word else WORD_START
    return np.where(starts_word & ends_word, WHOLE_WORD, np.where(starts_word, start, INSIDE_WORD))


def inverse_document_frequency(matched, total):
    return float(np.log(1 + (total - matched + 0.5) / (matched + 0.5)))


def saturated(best_weight, count):
    return best_weight * (1 + SATURATION * np.log(np.maximum(count, 1)))


def order(docnums, matches, is_verified):
    """`docnums` in result order (the rules above); `matches` is a matching.Matches."""
    return docnums[np.lexsort((
        docnums,
        ~is_verified[docnums],
        -np.round(matches.scores[docnums], SCORE_DECIMALS),
        ~matches.is_all_in_name[docnums],
        ~matches.is_verbatim[docnums],
        ~matches.is_exact_name[docnums],
        -matches.matched_terms[docnums],
    ))]
