from search_index.highlight import needles, snippet


def test_english_words_are_marked_whole_when_their_stem_matches():
    marks = needles("elderly mangroves")
    assert snippet("Care for Elderly people near the mangrove forest.", marks) == \
        "Care for <mark>Elderly</mark> people near the <mark>mangrove</mark> forest."


def test_a_word_being_typed_marks_the_words_it_begins():
    assert snippet("Mangrove replanting", needles("mangro")) == "<mark>Mangrove</mark> replanting"


def test_thai_fragments_are_marked_inside_longer_words():
    assert snippet("ดูแลผู้สูงอายุในชุมชน", needles("สูงอายุ")) == "ดูแลผู้<mark>สูงอายุ</mark>ในชุมชน"


def test_text_is_escaped_around_marks():
    assert snippet("<script>x</script> ผู้สูงอายุ", needles("ผู้สูงอายุ")) == \
        "&lt;script&gt;x&lt;/script&gt; <mark>ผู้สูงอายุ</mark>"


def test_no_match_no_snippet():
    assert snippet("nothing here", needles("สตูล")) == ""
    assert snippet("anything", needles("")) == ""
