from search_index.analysis import WordTokenizer, normalise_text


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
