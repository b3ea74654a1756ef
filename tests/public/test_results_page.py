import pytest

from directory.models import OrganisationStatus


@pytest.fixture
def three_provinces(make_organisation):
    """Two published organisations in Satun, one in Bangkok, one in Chiang Mai, and a Satun draft."""
    make_organisation(name_th="มูลนิธิรักษ์ทะเลสตูล", name_en="Satun Sea Foundation", province="สตูล",
                      district="ละงู", issue_areas=["environment"], type="foundation",
                      description_th="ดูแลป่าชายเลนและทะเลอันดามัน")
    make_organisation(name_th="สมาคมผู้สูงอายุละงู", name_en="La-ngu Elders Association", province="สตูล",
                      issue_areas=["elderly-care"], type="association")
    make_organisation(name_th="เครือข่ายคนเมือง", name_en="City People Network", province="กรุงเทพมหานคร",
                      issue_areas=["environment", "good-governance"], type="network")
    make_organisation(name_th="กลุ่มอนุรักษ์ดอยสุเทพ", name_en="Doi Suthep Conservation Group",
                      province="เชียงใหม่", issue_areas=["environment"], type="community-group")
    make_organisation(name_th="ร่างมูลนิธิสตูล", name_en="Draft Satun Foundation", province="สตูล",
                      status=OrganisationStatus.DRAFT)


SATUN = {"มูลนิธิรักษ์ทะเลสตูล", "สมาคมผู้สูงอายุละงู"}


def test_lists_every_published_organisation(page, three_provinces):
    body = page("/organisations")
    assert set(body.result_names()) == SATUN | {"เครือข่ายคนเมือง", "กลุ่มอนุรักษ์ดอยสุเทพ"}
    assert "พบ 4 องค์กร" in body.text


@pytest.mark.parametrize("province", ["สตูล", "จังหวัดสตูล", "Satun", "satun", "TH-91", "91"])
def test_province_filter_in_any_form(page, three_provinces, province):
    body = page(f"/organisations?province={province}")
    assert set(body.result_names()) == SATUN
    assert "พบ 2 องค์กร" in body.text
    assert '<option value="91" selected>สตูล (2)</option>' in body


def test_repeated_filters_are_alternatives(page, three_provinces):
    body = page("/organisations?province=Satun&province=Bangkok")
    assert set(body.result_names()) == SATUN | {"เครือข่ายคนเมือง"}


def test_filters_of_different_kinds_all_apply(page, three_provinces):
    assert len(page("/organisations?issue=environment").result_names()) == 3
    assert set(page("/organisations?issue=environment&province=91").result_names()) == {"มูลนิธิรักษ์ทะเลสตูล"}
    assert page("/organisations?type=association").result_names() == ["สมาคมผู้สูงอายุละงู"]
    assert page("/organisations?region=north").result_names() == ["กลุ่มอนุรักษ์ดอยสุเทพ"]
    assert page("/organisations?district=ละงู").result_names() == ["มูลนิธิรักษ์ทะเลสตูล"]


def test_search_words(page, three_provinces):
    assert "มูลนิธิรักษ์ทะเลสตูล" in page("/organisations?q=ป่าชายเลน").result_names()
    assert page("/organisations?q=Doi Suthep").result_names()[0] == "กลุ่มอนุรักษ์ดอยสุเทพ"


def test_drafts_are_never_listed(page, three_provinces):
    assert "ร่างมูลนิธิสตูล" not in page("/organisations?q=Draft").result_names()
    assert "ร่างมูลนิธิสตูล" not in page("/organisations?province=91")


def test_results_show_type_place_issues_and_description(page, three_provinces):
    card = page("/organisations?province=91&issue=environment").section('<li class="card">', "</li>\n")
    assert "มูลนิธิ" in card and "ละงู, สตูล" in card
    assert "สิ่งแวดล้อมและทรัพยากรธรรมชาติ" in page("/organisations?province=91&issue=environment")
    assert "ดูแลป่าชายเลนและทะเลอันดามัน" in page("/organisations?province=91&issue=environment")


def test_results_link_to_the_canonical_profile(page, make_organisation):
    organisation = make_organisation(name_en="Satun Sea Foundation")
    assert f'href="/organisations/{organisation.public_id}/{organisation.slug}"' in page("/organisations")


def test_active_filters_are_named_and_removable(page, three_provinces):
    body = page("/organisations?province=Satun&issue=environment&q=ทะเล")
    active = body.section('<div class="active-filters">', "</div>")
    assert "จังหวัด:</span> สตูล" in active
    assert "ประเด็นงาน:</span> สิ่งแวดล้อมและทรัพยากรธรรมชาติ" in active
    assert "คำค้น:</span> ทะเล" in active
    # Removing the province keeps the other filters, in their canonical form.
    assert 'href="/organisations?issue=environment&amp;q=%E0%B8%97%E0%B8%B0%E0%B9%80%E0%B8%A5"' in active
    english = page("/organisations?province=Satun", lang="en")
    assert "province:</span> Satun" in english.section('<div class="active-filters">', "</div>")


def test_filter_controls_keep_their_state(page, three_provinces):
    body = page("/organisations?issue=environment&type=network&q=เมือง")
    assert '<input type="checkbox" id="issue-environment" name="issue" value="environment" checked>' in body
    assert '<input type="checkbox" id="issue-disability" name="issue" value="disability">' in body
    assert '<option value="network" selected>เครือข่าย</option>' in body
    assert 'value="เมือง"' in body
    assert '<label for="filter-province">จังหวัด</label>' in body
    assert '<legend class="visually-hidden">ประเด็นงาน</legend>' in body
    assert '<details class="field issues-field" open>' in body
    assert '<details class="field issues-field">' in page("/organisations")


def test_paging(page, make_organisation):
    for number in range(23):
        make_organisation(name_th=f"องค์กรลำดับ {number:02d}", province="น่าน")
    first = page("/organisations?province=Nan")
    assert len(first.result_names()) == 20
    assert "พบ 23 องค์กร" in first.text and "(หน้า 1 จาก 2)" in first.text
    assert 'href="/organisations?province=Nan&amp;page=2" rel="next"' in first
    second = page("/organisations?province=Nan&page=2")
    assert len(second.result_names()) == 3
    assert set(first.result_names()).isdisjoint(second.result_names())
    assert '<span aria-current="page">2</span>' in second
    small_pages = page("/organisations?province=Nan&per_page=5&page=5")
    assert len(small_pages.result_names()) == 3
    assert '<input type="hidden" name="per_page" value="5">' in small_pages
    assert 'href="/organisations?province=Nan&amp;per_page=5&amp;page=4" rel="prev"' in small_pages
    assert "ไม่มีหน้า 9" in page("/organisations?province=Nan&page=9").text


def test_results_in_english(page, three_provinces):
    body = page("/organisations?province=TH-91", lang="en")
    assert set(body.result_names()) == {"Satun Sea Foundation", "La-ngu Elders Association"}
    assert "Found 2 organisations" in body.text
    assert "La-ngu, Satun" in body.text
    assert '<html lang="en">' in body


def test_no_results(page, three_provinces):
    body = page("/organisations?province=Nan")
    assert body.result_names() == []
    assert "ไม่พบองค์กรที่ตรงกับเงื่อนไข" in body.text


@pytest.mark.parametrize(("query", "parameter", "thai", "english"), [
    ("province=Nowhere", "province", "ไม่รู้จักจังหวัด 'Nowhere'", "unknown province 'Nowhere'"),
    ("issue=cooking", "issue", "ไม่พบประเด็นงาน “cooking”", "Unknown issue area: “cooking”"),
    ("type=club", "type", "ไม่พบประเภทองค์กร “club”", "Unknown organisation type: “club”"),
    ("region=moon", "region", "ไม่พบภาค “moon”", "Unknown region: “moon”"),
    ("district=Bang Sai", "district", "ตรงกับอำเภอ/เขตหลายแห่งในพระนครศรีอยุธยา", "names several districts of"),
    ("page=0", "page", "เลขหน้าไม่ถูกต้อง", "Invalid page number"),
    ("page=two", "page", "เลขหน้าไม่ถูกต้อง", "Invalid page number"),
    # The distance and the order of results.
    ("near_district=ละงู&radius_km=-1", "radius_km", "ระยะทางไม่ถูกต้อง", "Invalid distance"),
    ("radius_km=-1", "radius_km", "ระยะทางไม่ถูกต้อง", "Invalid distance"),
    ("radius_km=ten", "radius_km", "ระยะทางไม่ถูกต้อง", "Invalid distance"),
    ("radius_km=30", "radius_km", "โปรดเลือกอำเภอ/เขตที่ใช้วัดระยะทาง", "Choose a district to measure the distance"),
    ("sort=distance", "sort", "โปรดเลือกอำเภอ/เขตที่ใช้วัดระยะทาง", "Choose a district to measure the distance"),
    ("sort=random", "sort", "การเรียงลำดับไม่ถูกต้อง", "Invalid sort order"),
    ("near_district=Atlantis", "near_district", "ไม่รู้จักอำเภอ/เขต 'Atlantis'", "unknown district 'Atlantis'"),
    ("near_district=Bang Sai", "near_district", "โปรดระบุรหัสของแห่งที่ต้องการ: 1404 (บางไทร), 1413 (บางซ้าย)",
     "give the code of one: 1404 (บางไทร), 1413 (บางซ้าย)"),
    ("near=abc", "near", "พิกัดไม่ถูกต้อง", "Invalid position"),
    ("near=6.86,99.78&near_district=ละงู", "near_district", "ไม่ใช่ทั้งสองอย่าง", "not both"),
])
def test_invalid_filter_is_a_bilingual_400_naming_the_parameter(page, query, parameter, thai, english):
    body = page(f"/organisations?{query}", status=400)
    assert f"<code>{parameter}</code>" in body
    assert thai in body.text and english in body.text
    assert body.text.index(thai) < body.text.index(english)  # the page's language first
    english_page = page(f"/organisations?{query}", lang="en", status=400)
    assert english_page.text.index(english) < english_page.text.index(thai)


def test_each_bad_parameter_is_named(page):
    body = page("/organisations?province=Nowhere&issue=cooking&province=Satun", status=400)
    assert "ไม่รู้จักจังหวัด 'Nowhere'" in body.text and "ไม่พบประเด็นงาน “cooking”" in body.text


def test_suggestion_and_loose_match_are_shown(page, monkeypatch):
    from directory.blueprints.public import views
    from directory.services.search.finder import ResultPage

    def finder(criteria):
        return ResultPage(items=[], total=0, page=1, per_page=20, matched_any_word=True, suggestion="สตูล")

    monkeypatch.setattr(views, "find_organisations", finder)
    body = page("/organisations?q=l%3Fuj")
    assert 'คุณหมายถึง <a href="/organisations?q=%E0%B8%AA%E0%B8%95%E0%B8%B9%E0%B8%A5">สตูล</a> ใช่หรือไม่' in body
    assert "ไม่มีองค์กรใดมีครบทุกคำที่พิมพ์ จึงแสดงองค์กรที่มีคำเหล่านั้นมากที่สุดก่อน" in body.text
