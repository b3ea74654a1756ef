import pytest

from search_index import SearchRequest


def ids(result):
    return [hit.id for hit in result.hits]


@pytest.mark.parametrize("q, expected", [
    ("ผู้สูงอายุ", {"1"}),
    ("สูงอายุ", {"1"}),             # inside the dictionary word ผู้สูงอายุ
    ("มนุษยชน", {"5"}),             # inside สิทธิมนุษยชน
    ("ชายเลน", {"2"}),              # inside ป่าชายเลน
    ("elderly", {"1"}),
    ("Satun", {"1", "2", "3"}),     # the province's English name
    ("สตูล", {"1", "2", "3"}),
    ("TH-91", {"1", "2", "3"}),
    ("91", {"1", "2", "3"}),
    ("La-ngu", {"1", "2"}),
    ("อำเภอละงู", {"1", "2"}),
    ("elderly care", {"1"}),        # the issue area's English name
    ("farms", {"2"}),               # stemmed: farming
    ("mangro", {"2"}),              # a prefix, as typed
    ("๒๕๖๒", {"5"}),               # Thai digits match Latin ones
    ('"ป่าชายเลน"', {"2"}),
])
def test_queries_find_what_people_mean(sample_index, q, expected):
    assert set(ids(sample_index.search(SearchRequest(q=q, limit=100)))) == expected


def test_all_words_must_match_then_any_word_is_tried(sample_index):
    both = sample_index.search(SearchRequest(q="มูลนิธิ Phayao"))
    assert ids(both) == ["4"] and not both.matched_any_word
    fallback = sample_index.search(SearchRequest(q="elderly Phayao", limit=100))
    assert fallback.matched_any_word and set(ids(fallback)) == {"1", "4", "5"}


def test_filters_or_within_and_across(sample_index):
    result = sample_index.search(SearchRequest(provinces=("91", "56"), issues=("environment",), limit=100))
    assert set(ids(result)) == {"2", "3"}
    assert set(ids(sample_index.search(SearchRequest(regions=("north",), limit=100)))) == {"4", "5"}
    assert ids(sample_index.search(SearchRequest(types=("foundation",), q="เด็ก"))) == ["4"]


def test_facets_count_the_whole_result_set_not_the_page(sample_index):
    result = sample_index.search(SearchRequest(limit=1))
    assert result.total == 5 and len(result.hits) == 1
    assert result.facets["province"] == {"91": 3, "56": 2}
    assert result.facets["issue_area"] == {"elderly-care": 1, "environment": 2}


def test_distance_filter_and_sort_use_geodesic_kilometres(sample_index):
    result = sample_index.search(SearchRequest(near=(6.862, 99.781), radius_km=30, sort="distance"))
    assert ids(result) == ["1", "2"]
    assert result.hits[0].distance_km == 0
    assert 5 < result.hits[1].distance_km < 7


def test_sort_by_thai_name_ignores_leading_vowels(sample_index):
    names = ids(sample_index.search(SearchRequest(sort="name", limit=100)))
    # กลุ่ม < เครือข่าย (sorted as ค) < มูลนิธิ
    assert names.index("2") < names.index("3") < names.index("1")


def test_highlights_are_escaped_html_with_marks(sample_index):
    hit = sample_index.search(SearchRequest(q="สูงอายุ")).hits[0]
    assert "<mark>สูงอายุ</mark>" in hit.highlights["name_th"]


@pytest.mark.parametrize("q", ['name:*', "*", '"unbalanced', "a" * 500, "\x00\x07", "🙂", "' OR 1=1 --", "OR AND NOT"])
def test_query_syntax_is_never_interpreted(sample_index, q):
    result = sample_index.search(SearchRequest(q=q))
    assert result.total >= 0


def test_suggests_thai_typed_on_an_english_keyboard(sample_index):
    assert sample_index.suggest("l9^]") == "สตูล"
    assert sample_index.suggest("zzzzqqq") is None


def test_documents_are_replaced_and_deleted_by_id(sample_index):
    from tests.search_index.conftest import document

    with sample_index.writer_lock(blocking=True):
        sample_index.apply(upserts=[document(3, "เครือข่ายใหม่", version=2)], deletions=["5"], state={"watermark": 9})
    assert sample_index.document_versions() == {"1": 1, "2": 1, "3": 2, "4": 1}
    assert sample_index.state() == {"watermark": 9}
    assert ids(sample_index.search(SearchRequest(q="ใหม่"))) == ["3"]


def test_sort_by_english_name_when_asked(sample_index):
    names = ids(sample_index.search(SearchRequest(sort="name", name_language="en", limit=100)))
    # La-ngu ... < Pak Bara ... < Phayao Child ... < Phayao Human ... < Satun Youth ...
    assert names == ["1", "2", "4", "5", "3"]


def test_a_word_outranks_longer_words_that_merely_contain_it(make_index):
    from tests.search_index.conftest import document

    index = make_index([
        document(1, "กลุ่มอนุรักษ์ทะเลบ้านเกาะ", description_th="ดูแลทะเลและชายหาด"),
        document(2, "ชมรมประมงทะเลสาบ", description_th="ประมงในทะเลสาบ ทะเลสาบ ทะเลสาบ ทะเลสาบ"),
    ])
    assert ids(index.search(SearchRequest(q="ทะเล"))) == ["1", "2"]
