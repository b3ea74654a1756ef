"""What the results page shows of a search: facet counts, marked words, suggestions and distances."""
import re

import pytest

ELDERLY = "สูงอายุ"


def option(body, value):
    """The <option> of the province select with this value, as markup."""
    select = body.section('<select id="filter-province"', "</select>")
    match = re.search(rf'<option value="{value}"[^>]*>[^<]*</option>', select)
    assert match, f"no province option {value}"
    return match.group(0)


def issue_count(body, slug):
    """(count shown beside an issue-area checkbox, 0 when none is shown; whether it is greyed)."""
    match = re.search(rf'<li( class="none")?><input type="checkbox" id="issue-{slug}"[^>]*>\s*'
                      rf'<label for="issue-{slug}">[^<]*'
                      r'(?:<span class="count"><span aria-hidden="true">(\d+)</span>.*?)?</label>', body.html)
    assert match, f"no issue area {slug}"
    return int(match.group(2) or 0), bool(match.group(1))


def cards(body):
    return re.findall(r'<li class="card">.*?</li>\n', body.html, re.DOTALL)


def distances(body, unit="กม."):
    pattern = rf'<span class="distance">[^<\d]*([\d,.]+) {re.escape(unit)}'
    return [float(km.replace(",", "")) for km in re.findall(pattern, body.html)]


@pytest.fixture
def elderly_care(make_organisation):
    """Five organisations a search for สูงอายุ finds (3 in Satun, 2 in Phayao), and two it does not."""
    for number, district in enumerate(("ละงู", "ท่าแพ", "ละงู")):
        make_organisation(name_th=f"ชมรมผู้สูงอายุสตูล {number}", province="สตูล", district=district,
                          issue_areas=["elderly-care", "disability"] if number == 0 else ["elderly-care"])
    make_organisation(name_th="มูลนิธิผู้สูงอายุพะเยา", province="พะเยา", issue_areas=["elderly-care", "disability"])
    make_organisation(name_th="สมาคมดูแลผู้ใหญ่", province="พะเยา", issue_areas=["elderly-care"],
                      description_th="เยี่ยมบ้านผู้สูงอายุที่อยู่ลำพัง")
    make_organisation(name_th="มูลนิธิรักษ์ทะเลสตูล", province="สตูล", issue_areas=["environment"])
    make_organisation(name_th="กลุ่มเยาวชนน่าน", province="น่าน", issue_areas=["children-youth"])


# -- facet counts -----------------------------------------------------------------------------------

def test_facet_counts_cover_the_whole_result_not_the_page(page, elderly_care):
    body = page(f"/organisations?q={ELDERLY}&per_page=2")
    assert len(body.result_names()) == 2 and "พบ 5 องค์กร" in body.text
    assert option(body, "91") == '<option value="91">สตูล (3)</option>'
    assert option(body, "56") == '<option value="56">พะเยา (2)</option>'
    assert option(body, "55") == '<option value="55" class="none">น่าน</option>'  # not in these results
    assert issue_count(body, "elderly-care") == (5, False)
    assert issue_count(body, "disability") == (2, False)
    assert issue_count(body, "environment") == (0, True)
    label = body.section('<label for="issue-elderly-care">', "</label>")
    assert '<span class="visually-hidden">5 องค์กร</span>' in label  # read out with the name


def test_facet_counts_without_words_count_everything(page, elderly_care):
    body = page("/organisations", lang="en")
    assert option(body, "91") == '<option value="91">Satun (4)</option>'
    assert issue_count(body, "environment") == (1, False)


def test_chosen_options_stay_visible_and_others_stay_choosable(page, elderly_care):
    body = page(f"/organisations?q={ELDERLY}&province=91&issue=disability&issue=environment")
    assert option(body, "91") == '<option value="91" selected>สตูล (1)</option>'
    assert option(body, "56") == '<option value="56" class="none">พะเยา</option>'
    assert issue_count(body, "disability") == (1, False)
    assert issue_count(body, "environment") == (0, True)
    assert 'id="issue-environment" name="issue" value="environment" checked>' in body


def test_province_and_issue_pages_count_by_the_other_facet(page, elderly_care):
    province = page("/provinces/91")
    assert province.count_after("/organisations?province=91&amp;issue=elderly-care") == 3
    assert province.count_after("/organisations?province=91&amp;issue=disability") == 1
    assert province.count_after("/organisations?province=91&amp;issue=environment") == 1
    assert "ประเด็นงานในสตูล" in province.text
    issue = page("/issues/elderly-care", lang="en")
    assert issue.count_after("/organisations?issue=elderly-care&amp;province=91") == 3
    assert issue.count_after("/organisations?issue=elderly-care&amp;province=56") == 2
    assert "/organisations?issue=elderly-care&amp;province=55" not in issue
    assert "By province" in issue.text


# -- marked words -----------------------------------------------------------------------------------

def test_matched_words_are_marked_and_the_data_stays_escaped(page, make_organisation):
    make_organisation(name_th="<img src=x onerror=alert(1)>ชมรมผู้สูงอายุ",
                      description_th="<script>alert('x')</script> เยี่ยมบ้านผู้สูงอายุ & ครอบครัว")
    card, = cards(page(f"/organisations?q={ELDERLY}"))
    assert "<script>" not in card and "<img" not in card
    assert ('<p class="card-description">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; '
            'เยี่ยมบ้านผู้<mark>สูงอายุ</mark> &amp; ครอบครัว</p>') in card
    assert "&lt;img src=x onerror=alert(1)&gt;ชมรมผู้<mark>สูงอายุ</mark></a></h2>" in card


def test_marks_in_the_page_language_first_then_the_other(page, make_organisation):
    make_organisation(name_th="ชมรมผู้สูงอายุละงู", name_en="La-ngu Care Club",
                      description_th="เยี่ยมบ้านผู้สูงอายุ", description_en="Home visits and care for older people")
    thai_words_in_english, = cards(page(f"/organisations?q={ELDERLY}", lang="en"))
    assert '<a href="/organisations/' in thai_words_in_english and ">La-ngu Care Club</a>" in thai_words_in_english
    assert '<p class="card-other-name" lang="th">ชมรมผู้<mark>สูงอายุ</mark>ละงู</p>' in thai_words_in_english
    assert '<p class="card-description" lang="th">เยี่ยมบ้านผู้<mark>สูงอายุ</mark></p>' in thai_words_in_english
    english_words_in_thai, = cards(page("/organisations?q=care", lang="th"))
    assert ">ชมรมผู้สูงอายุละงู</a>" in english_words_in_thai
    assert '<p class="card-other-name" lang="en">La-ngu <mark>Care</mark> Club</p>' in english_words_in_thai
    assert ('<p class="card-description" lang="en">Home visits and <mark>care</mark> for older people</p>'
            in english_words_in_thai)
    english, = cards(page("/organisations?q=care", lang="en"))
    assert ">La-ngu <mark>Care</mark> Club</a>" in english and "card-other-name" not in english
    assert '<p class="card-description">Home visits and <mark>care</mark> for older people</p>' in english


def test_without_marks_the_short_description_is_shown(page, make_organisation):
    make_organisation(name_th="มูลนิธิรักษ์ทะเล", province="สตูล", description_th="ดูแลป่าชายเลน " * 40)
    card, = cards(page("/organisations?q=สตูล"))  # found by its province: nothing in the text to mark
    assert "<mark>" not in card
    assert re.search(r'<p class="card-description">(ดูแลป่าชายเลน ){10,}[^<]*\.\.\.</p>', card)


# -- did you mean, any word ---------------------------------------------------------------------------

def test_did_you_mean_thai_typed_on_an_english_keyboard(page, make_organisation):
    make_organisation(name_th="มูลนิธิรักษ์ทะเล", province="สตูล")
    body = page("/organisations?q=l9%5E%5D&type=")
    assert "พบ 0 องค์กร" in body.text
    suggestion = body.section('<p class="suggestion">', "</p>")
    assert 'คุณหมายถึง <a href="/organisations?q=%E0%B8%AA%E0%B8%95%E0%B8%B9%E0%B8%A5&amp;type=">สตูล</a> ใช่หรือไม่' \
        in suggestion
    english = page("/organisations?q=l9%5E%5D", lang="en")
    assert "Did you mean สตูล?" in english.text
    assert "มูลนิธิรักษ์ทะเล" in page("/organisations?q=สตูล", lang="th").result_names()


def test_no_suggestion_when_something_was_found(page, make_organisation):
    make_organisation(name_th="มูลนิธิรักษ์ทะเล", province="สตูล")
    assert 'class="suggestion"' not in page("/organisations?q=สตูล")


def test_any_word_results_say_so(page, make_organisation):
    make_organisation(name_th="ชมรมผู้สูงอายุละงู", province="สตูล")
    make_organisation(name_th="กลุ่มเยาวชนปัตตานี", province="ปัตตานี")
    body = page("/organisations?q=ผู้สูงอายุ ปัตตานี")
    assert set(body.result_names()) == {"ชมรมผู้สูงอายุละงู", "กลุ่มเยาวชนปัตตานี"}
    assert "ไม่มีองค์กรใดมีครบทุกคำที่พิมพ์ จึงแสดงองค์กรที่มีคำเหล่านั้นมากที่สุดก่อน" in body.text
    english = page("/organisations?q=ผู้สูงอายุ ปัตตานี", lang="en")
    assert "No organisation has every word you typed, so those with the most of them come first." in english.text
    assert 'class="notice"' not in page("/organisations?q=ผู้สูงอายุ ละงู")


# -- distance and order ---------------------------------------------------------------------------------

@pytest.fixture
def around_la_ngu(make_organisation):
    make_organisation(name_th="มูลนิธิกรุงเทพ", province="กรุงเทพมหานคร")
    make_organisation(name_th="มูลนิธิสงขลา", province="สงขลา")
    make_organisation(name_th="มูลนิธิท่าแพ", province="สตูล", district="ท่าแพ")
    make_organisation(name_th="มูลนิธิละงู", province="สตูล", district="ละงู")


def test_nearest_first_shows_each_distance(page, around_la_ngu):
    body = page("/organisations?near_district=ละงู&sort=distance")
    assert body.result_names() == ["มูลนิธิละงู", "มูลนิธิท่าแพ", "มูลนิธิสงขลา", "มูลนิธิกรุงเทพ"]
    shown = distances(body)
    assert len(shown) == 4 and shown == sorted(shown) and shown[0] == 0 and 10 < shown[1] < 30 and shown[3] > 500
    assert re.search(r'<span class="distance">ห่าง \d+(\.\d)? กม\.</span>', body.html)
    english = page("/organisations?near_district=La-ngu&sort=distance", lang="en")
    assert distances(english, "km") == shown
    assert re.search(r'<span class="distance">\d+(\.\d)? km away</span>', english.html)


def test_radius_limits_the_results(page, around_la_ngu):
    body = page("/organisations?near_district=ละงู&radius_km=100&sort=distance")
    assert body.result_names() == ["มูลนิธิละงู", "มูลนิธิท่าแพ", "มูลนิธิสงขลา"]
    assert all(km <= 100 for km in distances(body))
    assert '<option value="100" selected>ภายใน 100 กม.</option>' in body
    assert '<option value="25" selected>ภายใน 25 กม.</option>' in page("/organisations?near_district=ละงู&radius_km=25")


def test_no_distance_without_a_place_to_measure_from(page, around_la_ngu):
    body = page("/organisations")
    assert 'class="distance"' not in body
    assert '<option value="distance"' not in body  # nearest first is offered only with a place
    assert '<option value="relevance" selected>' in body


def test_distance_controls_keep_their_state(page, around_la_ngu):
    body = page("/organisations?near_district=ละงู&radius_km=30&sort=distance")
    assert 'name="near_district" type="text" value="ละงู"' in body
    assert '<option value="30" selected>ภายใน 30 กม.</option>' in body
    assert '<option value="distance" selected>ใกล้ที่สุดก่อน</option>' in body
    assert '<option value="ละงู">' in body.section('<datalist id="district-names">', "</datalist>")
    # A name two districts share is suggested by code, labelled with its province.
    assert '<option value="5002" label="จอมทอง, เชียงใหม่">' in body
    assert '<option value="La-ngu">' in page("/organisations", lang="en")


def test_the_place_is_an_active_filter_removed_with_its_radius_and_order(page, around_la_ngu):
    body = page("/organisations?q=มูลนิธิ&near_district=ละงู&radius_km=50&sort=distance")
    active = body.section('<div class="active-filters">', "</div>")
    assert "ใกล้:</span> ละงู, สตูล ภายใน 50 กม." in active
    q = "q=%E0%B8%A1%E0%B8%B9%E0%B8%A5%E0%B8%99%E0%B8%B4%E0%B8%98%E0%B8%B4"
    assert f'href="/organisations?{q}" aria-label="นำตัวกรอง ใกล้:' in active
    la_ngu = "%E0%B8%A5%E0%B8%B0%E0%B8%87%E0%B8%B9"
    assert f'href="/organisations?near_district={la_ngu}&amp;radius_km=50&amp;sort=distance"' in active  # words gone
    english = page("/organisations?near_district=9105", lang="en")
    assert "near:</span> La-ngu, Satun" in english.section('<div class="active-filters">', "</div>")


def test_empty_form_fields_are_ignored(page, around_la_ngu):
    body = page("/organisations?q=&province=&type=&near_district=&radius_km=&sort=relevance")
    assert len(body.result_names()) == 4


def test_name_order_is_thai_alphabetical(page, make_organisation):
    for name in ("ขวัญใจชุมชน", "เกษตรกรรักษ์ดิน", "กลุ่มแม่บ้าน", "โครงการเด็ก"):
        make_organisation(name_th=name)
    assert page("/organisations?sort=name").result_names() == [
        "กลุ่มแม่บ้าน", "เกษตรกรรักษ์ดิน", "ขวัญใจชุมชน", "โครงการเด็ก"]  # เ, โ are read after the consonant
    assert '<option value="name" selected>ชื่อ (ก–ฮ)</option>' in page("/organisations?sort=name")


def test_a_district_may_be_searched_again(page, around_la_ngu):
    """Every results page suggests each district by name: no lookup may use up a name."""
    for _ in range(2):
        assert page("/organisations?district=ละงู").result_names() == ["มูลนิธิละงู"]
