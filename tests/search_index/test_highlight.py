from search_index.highlight import snippet


def test_whole_word_marks_do_not_mark_inside_longer_words():
    marks = (("elderly", True), ("mangrove", True))
    assert snippet("Care for Elderly people near the mangrove forest, not mangroves.", marks) == \
        "Care for <mark>Elderly</mark> people near the <mark>mangrove</mark> forest, not mangroves."


def test_latin_is_marked_where_it_starts_a_word_never_inside_one():
    marks = (("mai", False),)
    assert snippet("Mai Khao mainly, not Tomai", marks) == "<mark>Mai</mark> Khao <mark>mai</mark>nly, not Tomai"


def test_thai_fragments_are_marked_inside_longer_words():
    assert snippet("ดูแลผู้สูงอายุในชุมชน", (("สูงอายุ", False),)) == "ดูแลผู้<mark>สูงอายุ</mark>ในชุมชน"


def test_text_is_escaped_around_marks():
    assert snippet("<script>x</script> ผู้สูงอายุ", (("ผู้สูงอายุ", False),)) == \
        "&lt;script&gt;x&lt;/script&gt; <mark>ผู้สูงอายุ</mark>"


def test_no_match_no_snippet():
    assert snippet("nothing here", (("สตูล", False),)) == ""
    assert snippet("anything", ()) == ""
