"""What people type, as the search package reads it: literal text, stop words, typos, synonyms, places,
prefixes and the ranking rules (search_index/ranking.py). Each behaviour with a case that must not match."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search_index import PlaceTerm, QueryLanguage, SearchRequest
from search_index.literal import fold
from tests.search_index.conftest import document

LANGUAGE = QueryLanguage(
    stop_words=frozenset({"ที่", "เรื่อง", "โดย", "the", "of", "about"}),
    synonyms={"คนชรา": ("ผู้สูงอายุ", "elderly"), "ผู้สูงอายุ": ("คนชรา", "elderly"), "elderly": ("ผู้สูงอายุ", "คนชรา"),
              "หมา": ("สุนัข",), "สุนัข": ("หมา",)})


def ids(result):
    return [hit.id for hit in result.hits]


def found(index, q, **request):
    return set(ids(index.search(SearchRequest(q=q, limit=100, **request))))


def with_language(index):
    index.language = LANGUAGE
    return index


@pytest.fixture
def crafts(make_index):
    return with_language(make_index([
        document(1, "เครือข่ายปลูกป่าชายเลนอ่าวพังงา", description_th="โครงการปลูกป่าชายเลนโดยชาวบ้าน"),
        document(2, "กลุ่มทอผ้าไหมบ้านนา", description_th="สมาชิกทอผ้าไหมขาย"),
        document(3, "กลุ่มปลูกผักปลอดสาร", description_th="ปลูกผักและดูแลป่าชุมชน"),
        document(4, "วิสาหกิจชุมชนทอเสื่อกก", description_th="ทอเสื่อกกขายในตลาด"),
    ]))


# -- 1. literal text, whatever the segmentation ---------------------------------------------------
@pytest.mark.parametrize("q, expected", [
    ("ปลูกป่า", {"1"}),   # one dictionary word; the text segments as ปลูก|ป่าชายเลน
    ("ทอผ้า", {"2"}),     # inside ทอ|ผ้าไหม
    ("ทอเสื่อ", {"4"}),
    ("ป่าชาย", {"1"}),
    ("ผ้าไห", {"2"}),     # cut inside a word, as a person still typing
])
def test_literal_text_is_found_across_word_boundaries(crafts, q, expected):
    assert found(crafts, q) == expected


def test_literal_text_that_is_not_there_finds_nothing(crafts):
    assert found(crafts, "เลี้ยงไก่") == set()
    apart = crafts.search(SearchRequest(q="ปลูกข้าว", limit=100))  # ข้าว is nowhere: only ปลูก can match
    assert set(ids(apart)) == {"1", "3"} and apart.matched_any_word


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_piece_of_a_name_or_description_finds_its_organisation(crafts, data):
    texts = {"1": ("เครือข่ายปลูกป่าชายเลนอ่าวพังงา", "โครงการปลูกป่าชายเลนโดยชาวบ้าน"),
             "2": ("กลุ่มทอผ้าไหมบ้านนา", "สมาชิกทอผ้าไหมขาย"), "4": ("วิสาหกิจชุมชนทอเสื่อกก", "ทอเสื่อกกขายในตลาด")}
    doc_id = data.draw(st.sampled_from(sorted(texts)))
    text = data.draw(st.sampled_from(texts[doc_id]))
    start = data.draw(st.integers(0, len(text) - 2))
    piece = text[start:start + data.draw(st.integers(2, 10))]
    if fold(piece) != piece:  # a piece starting with a mark: typed, it would lose the mark
        return
    assert doc_id in found(crafts, piece)


# -- 2. stop words are optional; most words first ------------------------------------------------
@pytest.fixture
def waste(make_index):
    return with_language(make_index([
        document(1, "มูลนิธิส่งเสริมการคัดแยกขยะชุมชน", description_th="ตั้งธนาคารขยะรีไซเคิล"),
        document(2, "กลุ่มเยาวชนรักษ์น้ำ", description_th="รณรงค์ไม่ทิ้งขยะลงแม่น้ำ"),
        document(3, "ชมรมท่องเที่ยวโดยชุมชนบ้านนา", description_th="ท่องเที่ยวโดยชุมชน"),
        document(4, "กลุ่มท่องเที่ยวเกาะยาว", description_th="พาเที่ยวชุมชนประมง ท่องเที่ยว"),
        document(5, "สมาคมดนตรีไทย", description_th="สอนดนตรี"),
    ]))


def test_function_words_need_not_appear(waste):
    result = waste.search(SearchRequest(q="ที่ทำงานเรื่องขยะ", limit=100))
    assert set(ids(result)) == {"1", "2"}
    assert result.matched_any_word  # ที่ทำงาน is in neither: the page says so


def test_a_phrase_with_a_stop_word_finds_its_words_apart_the_phrase_first(waste):
    result = waste.search(SearchRequest(q="ท่องเที่ยวโดยชุมชน", limit=100))
    assert ids(result) == ["3", "4"] and not result.matched_any_word  # 5 has neither


def test_stop_words_alone_are_searched_as_words(waste):
    assert found(waste, "โดย") == {"3"}


def test_english_stop_words_are_optional(make_index):
    index = make_index([document(1, "กลุ่มหนึ่ง", name_en="Care for elderly people"),
                        document(2, "กลุ่มสอง", name_en="Youth sports club")])
    index.language = LANGUAGE
    assert found(index, "about the elderly") == {"1"}


# -- 3. typos ----------------------------------------------------------------------------------
@pytest.fixture
def foundations(make_index):
    return with_language(make_index([
        document(1, "มูลนิธิกระจกเงา", name_en="Mirror Foundation", description_th="ดูแลผู้สูงอายุและเด็ก"),
        document(2, "มูลนิธิเพื่อคนไร้บ้าน", name_en="Homeless Foundation"),
        document(3, "สมาคมดนตรีไทย", name_en="Thai Music Association", description_th="สอนดนตรีให้เยาวชน"),
    ]))


@pytest.mark.parametrize("q, corrected, expected", [
    ("มูลนิทิกระจกเงา", "มูลนิธิกระจกเงา", {"1"}),       # ทิ for ธิ
    ("มูลนิทิเพื่อคนไร้บ้าน", "มูลนิธิเพื่อคนไร้บ้าน", {"2"}),
    ("ผูสูงอายุ", "ผู้สูงอายุ", {"1"}),                   # a tone mark missing
    ("เดก", "เด็ก", {"1"}),                              # three letters: only marks are mended
    ("Fondation", "foundation", {"1", "2"}),
    ("assocaition", "association", {"3"}),                # two letters swapped
])
def test_typos_are_corrected_and_said(foundations, q, corrected, expected):
    result = foundations.search(SearchRequest(q=q, limit=100))
    assert set(ids(result)) == expected
    assert result.corrected_query == corrected


def test_short_words_get_no_letter_edits_and_nonsense_no_correction(foundations):
    assert foundations.search(SearchRequest(q="ดนคี")).corrected_query is None  # ดนตรี is 2 edits from a 4-letter word
    result = foundations.search(SearchRequest(q="zzzzqqq"))
    assert result.total == 0 and result.corrected_query is None


def test_a_word_that_is_there_is_never_corrected(make_index):
    index = make_index([document(1, "Fondation Mérieux"), document(2, "Mirror Foundation")])
    result = index.search(SearchRequest(q="fondation"))
    assert ids(result) == ["1"] and result.corrected_query is None


def test_a_corrected_match_scores_below_the_same_match_spelt_right(foundations):
    exact = foundations.search(SearchRequest(q="มูลนิธิกระจกเงา"))
    typo = foundations.search(SearchRequest(q="มูลนิทิกระจกเงา"))
    assert exact.corrected_query is None and typo.corrected_query == "มูลนิธิกระจกเงา"
    assert exact.hits[0].id == typo.hits[0].id == "1" and typo.hits[0].score < exact.hits[0].score
    assert not foundations.search(SearchRequest(q="qxzvkw")).hits


# -- 4. synonyms -------------------------------------------------------------------------------
@pytest.fixture
def animals(make_index):
    return with_language(make_index([
        document(1, "ชมรมผู้สูงอายุบ้านใหม่"),
        document(2, "กลุ่มคนชราเลี้ยงไก่"),
        document(3, "มูลนิธิช่วยเหลือสุนัขและแมวจรจัด"),
        document(4, "กลุ่มเยาวชนรักษ์ป่า"),
    ]))


def test_synonyms_find_the_other_words_ranked_below_the_word_typed(animals):
    assert ids(animals.search(SearchRequest(q="คนชรา"))) == ["2", "1"]
    assert ids(animals.search(SearchRequest(q="ผู้สูงอายุ"))) == ["1", "2"]
    assert found(animals, "หมา") == {"3"}


def test_a_synonym_matches_whole_words_only(make_index):
    index = with_language(make_index([document(1, "อนุรักษ์หมาป่า"), document(2, "บ้านพักหมาแมว")]))
    assert found(index, "สุนัข") == {"2"}  # not inside หมาป่า (a wolf)


def test_without_the_list_a_synonym_finds_nothing(animals):
    animals.language = QueryLanguage()
    assert found(animals, "หมา") == set()


def test_synonym_files_are_read_with_their_groups(tmp_path):
    synonyms = tmp_path / "synonyms.csv"
    synonyms.write_text("terms,kind,note\n# a comment\nคนตาบอด|ผู้พิการทางการมองเห็น|Blind,target group,\n"
                        "human rights|สิทธิมนุษยชน,issue area,\n", encoding="utf-8")
    stop_words = tmp_path / "stop.csv"
    stop_words.write_text("\ufeffword,language\nที่,th\nThe,en\n", encoding="utf-8")
    language = QueryLanguage.from_files(stop_words, synonyms)
    assert language.synonyms_of("คนตาบอด") == ("ผู้พิการทางการมองเห็น", "blind")
    assert language.synonyms_of("Human  Rights") == ("สิทธิมนุษยชน",) and language.longest_synonym_words == 2
    assert language.is_stop_word("the") and not language.is_stop_word("ทะเล")


# -- 5. places and prefixes --------------------------------------------------------------------
@pytest.fixture
def north(make_index):
    chiang_mai, chiang_rai = ("50", ("เชียงใหม่", "Chiang Mai")), ("57", ("เชียงราย", "Chiang Rai"))
    from search_index import Place
    index = make_index([
        document(1, "กลุ่มเกษตรกรแม่ริม", province=Place(*chiang_mai), description_en="Mainly maize farmers"),
        document(2, "กลุ่มเยาวชนเชียงราย", province=Place(*chiang_rai), description_en="Youth in Chiang Rai, mainly"),
        document(3, "Teachers network", name_en="Teachers network", description_en="Tea and teaching"),
        document(4, "Tea growers", name_en="Tea growers"),
    ])
    return index


def test_a_recognised_place_matches_as_a_place_never_as_loose_words(north):
    place = PlaceTerm("Chiang Mai", provinces=("50",))
    result = north.search(SearchRequest(places=(place,), typed="Chiang Mai", limit=100))
    assert ids(result) == ["1"]  # not the Chiang Rai group, whose text says "mainly"
    assert "<mark>" not in result.hits[0].highlights.get("description_en", "")


def test_the_last_word_may_be_a_prefix_ranked_below_whole_words(north):
    assert ids(north.search(SearchRequest(q="tea", limit=100)))[:1] == ["4"]
    as_last = {h.id: h.score for h in north.search(SearchRequest(q="growers tea", limit=100)).hits}
    not_last = {h.id: h.score for h in north.search(SearchRequest(q="tea network", limit=100)).hits}
    last_prefix = north.search(SearchRequest(q="teach", limit=100)).hits
    assert [h.id for h in last_prefix] == ["3"] and as_last == {"4": as_last["4"]} and set(not_last) == {"3"}
    word_start_last = north.search(SearchRequest(q="network teach")).hits[0].score
    word_start_first = north.search(SearchRequest(q="teach network")).hits[0].score
    assert word_start_last > word_start_first


# -- 6. ranking --------------------------------------------------------------------------------
def test_an_exact_name_comes_first_then_all_words_in_the_name(make_index):
    index = make_index([
        document(1, "มูลนิธิสงเคราะห์เด็ก พัทยา", description_th="มูลนิธิเด็ก มูลนิธิเด็ก เด็ก เด็ก เด็ก"),
        document(2, "มูลนิธิเด็ก"),
        document(3, "กลุ่มแม่บ้าน", description_th="มูลนิธิ เด็ก"),
        document(4, "มูลนิธิพัฒนาชนบท", description_th="สอนเด็ก"),
    ])
    assert ids(index.search(SearchRequest(q="มูลนิธิเด็ก", limit=100))) == ["2", "1", "4", "3"]


def test_verified_organisations_break_ties(make_index):
    index = make_index([document(1, "กลุ่มรักษ์ทะเล"), document(2, "กลุ่มรักษ์ทะเล", is_verified=True)])
    assert ids(index.search(SearchRequest(q="ทะเล"))) == ["2", "1"]
