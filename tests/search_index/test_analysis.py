import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pythainlp.util import remove_dangling, remove_repeat_vowels, remove_spaces_before_marks

from search_index.analysis import WordTokenizer, clean_text, normalise_text, one_line


def words(text, stemmed=True):
    return [token.text for token in WordTokenizer(stemmed=stemmed)(text)]


def test_thai_is_segmented_into_dictionary_words_not_shredded():
    assert words("การดูแลผู้สูงอายุ") == ["การ", "ดูแล", "ผู้สูงอายุ"]
    assert words("สตูล") == ["สตูล"]


def test_latin_is_lowercased_and_stemmed_only_where_asked():
    assert words("Farmers La-ngu") == ["farmer", "la", "ngu"]
    assert words("Farmers", stemmed=False) == ["farmers"]


def test_thai_digits_read_as_latin_digits():
    assert normalise_text("พ.ศ. ๒๕๖๒") == "พ.ศ. 2562"
    assert words("๒๕๖๒") == ["2562"]


def test_latin_only_tokenizer_skips_thai():
    assert [t.text for t in WordTokenizer(stemmed=False, latin_only=True)("ป่าชายเลน Mangroves")] == ["mangroves"]


def test_text_typed_in_another_mark_order_cleans_to_the_same_string():
    assert clean_text("กาฬสินธ์ุ") == clean_text("กาฬสินธุ์") == "กาฬสินธุ์"
    assert clean_text("ผู้้สูงอายุ") == "ผู้สูงอายุ"  # a doubled tone mark
    assert clean_text("เเม่") == "แม่"  # two sara e typed for sara ae
    assert clean_text("นํ้า") == "น้ำ"  # nikhahit + sara aa for sara am
    assert clean_text("ลำ\u200bปาง\ufeff") == "ลำปาง"


def test_clean_text_keeps_line_breaks_and_one_line_folds_every_space():
    assert clean_text("บรรทัดแรก\nบรรทัดสอง") == "บรรทัดแรก\nบรรทัดสอง"
    assert one_line(" มูลนิธิ\u00a0 เด็ก\n") == "มูลนิธิ เด็ก"


THAI_AND_SPACES = st.text(alphabet=[chr(c) for c in range(0x0E01, 0x0E5C)] + [" ", "\u200b", "a"], max_size=12)


@settings(max_examples=3000, deadline=None)
@given(THAI_AND_SPACES)
@example("a\u0e48\u200b\u0e3a")  # a zero-width space between two marks: NFC must come after removing it
def test_the_quick_check_skips_only_text_pythainlp_would_not_change(text):
    """clean_text runs PyThaiNLP's rules only where a pattern says they may change something: the
    result must be what running them always would give."""
    composed = unicodedata.normalize("NFC", text.replace("\u200b", ""))
    always = remove_dangling(remove_repeat_vowels(remove_spaces_before_marks(composed)))
    assert clean_text(text) == always


@given(st.text(alphabet=[chr(code) for code in range(0x0E50, 0x0E5A)] + list("0123456789 "), min_size=1))
def test_every_thai_digit_normalises_to_the_latin_digit_of_the_same_value(text):
    expected = "".join(str(unicodedata.digit(char)) if "\u0e50" <= char <= "\u0e59" else char for char in text)
    assert normalise_text(text) == expected
