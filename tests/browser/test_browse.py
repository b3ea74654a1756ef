import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def organisations(make_organisation):
    make_organisation(name_th="มูลนิธิรักษ์ทะเลสตูล", name_en="Satun Sea Foundation", province="สตูล",
                      district="ละงู", issue_areas=["environment"], description_th="ดูแลป่าชายเลน",
                      description_en="Mangrove care")
    make_organisation(name_th="กลุ่มอนุรักษ์ดอยสุเทพ", name_en="Doi Suthep Conservation Group",
                      province="เชียงใหม่", issue_areas=["environment"])
    make_organisation(name_th="สมาคมผู้สูงอายุน่าน", name_en="Nan Elders Association", province="น่าน",
                      issue_areas=["elderly-care"], type="association")
    make_organisation(name_th="ชมรมผู้สูงอายุหาดใหญ่", name_en="Hat Yai Elders Club", province="สงขลา",
                      district="หาดใหญ่", issue_areas=["elderly-care"], description_th="เยี่ยมบ้านผู้สูงอายุ")


def test_search_open_a_profile_and_switch_to_english(browser_page, organisations):
    page = browser_page
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "th")

    page.get_by_label("ค้นหาองค์กร").fill("Satun Sea")
    page.get_by_role("button", name="ค้นหา", exact=True).click()
    expect(page).to_have_url(re.compile(r"/organisations\?q=Satun"))
    first_result = page.locator(".card-title a").first
    expect(first_result).to_have_text("มูลนิธิรักษ์ทะเลสตูล")

    first_result.click()
    expect(page).to_have_url(re.compile(r"/organisations/[a-z0-9]+/satun-sea-foundation-[a-z0-9]+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("มูลนิธิรักษ์ทะเลสตูล")
    expect(page.get_by_text("ละงู", exact=True)).to_be_visible()

    page.get_by_role("link", name="English", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Satun Sea Foundation")

    page.get_by_role("link", name="Satun", exact=True).first.click()  # the breadcrumb to the province
    expect(page.get_by_role("heading", level=1)).to_have_text("Satun")  # English is remembered
    expect(page.get_by_role("link", name="La-ngu", exact=True)).to_be_visible()


def test_filter_by_issue_and_province_from_the_results_page(browser_page, organisations):
    page = browser_page
    page.goto("/")
    page.get_by_role("link", name=re.compile("^สิ่งแวดล้อม")).click()
    expect(page.locator(".card-title a")).to_have_count(2)
    page.get_by_role("link", name="ค้นหาและกรององค์กรเหล่านี้ตามจังหวัดหรือประเภท").click()
    page.get_by_label("จังหวัด", exact=True).select_option(label="เชียงใหม่ (1)")  # counts of these results
    page.get_by_role("button", name="ค้นหา", exact=True).click()
    expect(page.locator(".card-title a")).to_have_text(["กลุ่มอนุรักษ์ดอยสุเทพ"])
    expect(page.get_by_role("checkbox", name="สิ่งแวดล้อมและทรัพยากรธรรมชาติ 1 องค์กร", exact=True)).to_be_checked()


def test_search_a_fragment_and_see_it_marked(browser_page, organisations):
    page = browser_page
    page.goto("/organisations")
    page.get_by_label("คำค้น", exact=True).fill("สูงอายุ")
    page.get_by_role("button", name="ค้นหา", exact=True).click()
    expect(page.locator(".card-title a")).to_have_count(2)
    marks = page.locator(".card-title mark")
    expect(marks).to_have_text(["สูงอายุ", "สูงอายุ"])
    expect(page.locator(".card-description mark")).to_have_text(["สูงอายุ"])
    page.locator(".issues-field summary").click()  # folded until opened
    expect(page.get_by_role("checkbox", name="การดูแลผู้สูงอายุ 2 องค์กร", exact=True)).to_be_visible()


def test_search_near_a_district_then_nearest_first(browser_page, organisations):
    page = browser_page
    page.goto("/organisations")
    expect(page.get_by_label("เรียงตาม")).not_to_contain_text("ใกล้ที่สุดก่อน")  # no place to measure from yet
    page.get_by_label("ใกล้อำเภอ/เขต").fill("ละงู")
    page.get_by_label("ระยะทาง", exact=True).select_option(label="ภายใน 100 กม.")
    page.get_by_role("button", name="ค้นหา", exact=True).click()
    expect(page.locator(".card-title a")).to_have_count(2)  # Satun and Hat Yai, not the north
    page.get_by_label("เรียงตาม").select_option(label="ใกล้ที่สุดก่อน")
    page.get_by_role("button", name="ค้นหา", exact=True).click()
    expect(page).to_have_url(re.compile(r"sort=distance"))
    expect(page.locator(".card-title a")).to_have_text(["มูลนิธิรักษ์ทะเลสตูล", "ชมรมผู้สูงอายุหาดใหญ่"])
    expect(page.locator(".card .distance")).to_have_text([re.compile(r"^ห่าง 0 กม\.$"),
                                                          re.compile(r"^ห่าง \d+(\.\d)? กม\.$")])
    expect(page.get_by_label("ใกล้อำเภอ/เขต")).to_have_value("ละงู")


@pytest.mark.parametrize("path", ["/", "/organisations", "/provinces/91"])
def test_pages_fit_a_phone_screen(browser, live_server, organisations, path):
    context = browser.new_context(base_url=live_server, viewport={"width": 360, "height": 740},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
