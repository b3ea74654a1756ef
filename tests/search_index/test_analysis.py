from search_index.analysis import ClusterPairTokenizer, WordTokenizer, normalise_text


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


def test_cluster_pairs_let_a_fragment_be_found_inside_a_longer_word():
    def pairs(text):
        return [token.text for token in ClusterPairTokenizer()(text)]

    whole, fragment = pairs("ผู้สูงอายุ"), pairs("สูงอายุ")
    inner = fragment[:-1]  # the fragment's last pair is "end of run"
    assert any(whole[i:i + len(inner)] == inner for i in range(len(whole)))
    assert pairs("hello") == []


def test_cluster_positions_leave_a_gap_between_runs():
    positions = [t.pos for t in ClusterPairTokenizer()("ป่า ชุมชน", positions=True)]
    assert positions == sorted(positions) and positions[1] - positions[0] == 2
