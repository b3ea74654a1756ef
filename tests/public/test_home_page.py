from directory.models import OrganisationStatus


def test_first_visit_is_in_thai(page):
    body = page("/")
    assert '<html lang="th">' in body
    assert "ค้นหาองค์กรภาคประชาสังคมในประเทศไทย" in body
    assert "ค้นดูตามภาคและจังหวัด" in body
    assert "Browse by region and province" not in body


def test_english_switch_is_remembered(client, page):
    assert '<html lang="en">' in page("/", lang="en")
    body = page("/")
    assert "Browse by region and province" in body
    assert "ค้นดูตามภาคและจังหวัด" not in body
    assert '<html lang="th">' in page("/", lang="th")


def test_every_page_links_to_both_languages(page):
    body = page("/organisations?province=91")
    assert 'href="/organisations?province=91&amp;lang=en"' in body
    assert 'href="/organisations?province=91&amp;lang=th"' in body


def test_counts_only_published_organisations(page, make_organisation):
    make_organisation(province="สตูล", issue_areas=["elderly-care"])
    make_organisation(province="Satun", issue_areas=["elderly-care", "environment"])
    make_organisation(province="สตูล", issue_areas=["elderly-care"], status=OrganisationStatus.DRAFT)
    make_organisation(province="สตูล", issue_areas=["elderly-care"], status=OrganisationStatus.ARCHIVED)
    make_organisation(province="กรุงเทพมหานคร", issue_areas=["environment"])

    body = page("/")
    assert body.count_after("/provinces/91") == 2
    assert body.count_after("/provinces/10") == 1
    assert body.count_after("/provinces/50") == 0
    assert body.count_after("/issues/elderly-care") == 2
    assert body.count_after("/issues/environment") == 2
    assert body.count_after("/issues/disability") == 0
    assert "ขณะนี้มีข้อมูล 3 องค์กร" in body.text
    assert "The directory lists 3 organisations." in page("/", lang="en").text


def test_provinces_are_grouped_by_region_in_thai_order(page):
    body = page("/")
    south = body.section("<h3>ภาคใต้</h3>", "</details>")
    assert "สตูล" in south and "เชียงใหม่" not in south
    north = body.section("<h3>ภาคเหนือ</h3>", "</details>")
    # Thai collation puts เชียงใหม่ (ช) before น่าน (น), though เ sorts after น by code point.
    assert north.index("เชียงใหม่") < north.index("น่าน")


def test_home_has_a_labelled_search_box(page):
    body = page("/")
    assert '<form class="search-box" action="/organisations" method="get" role="search">' in body
    assert '<label for="search-q">ค้นหาองค์กร</label>' in body
    assert 'id="search-q" name="q"' in body
