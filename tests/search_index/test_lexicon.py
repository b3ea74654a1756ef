from search_index.lexicon import words_containing

WORDS = ("ผู้สูงอายุ", "สิทธิมนุษยชน", "ป่าชายเลน", "เดิน", "เด่น", "เด็ก", "เด็กๆ", "ตาก", "ตาม")


def test_a_fragment_finds_the_longer_words_it_is_part_of():
    assert words_containing("สูงอายุ", WORDS) == ["ผู้สูงอายุ"]
    assert words_containing("มนุษยชน", WORDS) == ["สิทธิมนุษยชน"]
    assert words_containing("ชายเลน", WORDS) == ["ป่าชายเลน"]


def test_a_fragment_must_start_and_end_on_cluster_boundaries():
    assert words_containing("เด็ก", WORDS) == ["เด็กๆ"]  # not เดิน or เด่น
    assert words_containing("เด", WORDS) == []            # เด is no whole cluster in any of them


def test_the_expansion_is_capped_shortest_first():
    words = tuple(f"ป่า{'ก' * n}" for n in range(1, 400))
    found = words_containing("ป่า", words, limit=5)
    assert found == list(words[:5])
