"""What a phone screen shows: menu items whole, forms that the browser validates as meant, long lists folded,
the event's hosts before its form; and a footer at the bottom of a short page."""
import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["th", "en"])
def test_menu_items_never_break_mid_word_on_a_phone(browser_page, language):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/?lang={language}")
    lines = page.eval_on_selector_all(".site-nav a", "links => links.map(a => a.getClientRects().length)")
    assert lines and all(count == 1 for count in lines), lines


def test_the_browser_accepts_a_real_latitude_and_autofills_sign_in(browser_page, make_user, make_organisation):
    page = browser_page
    organisation = make_organisation(name_th="กลุ่มทดสอบ", province="สตูล")
    editor = make_user(editor_of=[organisation])
    page.goto("/account/login?lang=en")
    assert page.get_attribute("#email", "autocomplete") == "username"
    page.get_by_label("Email address").fill(editor.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/account/organisations/{organisation.public_id}/edit?lang=en")
    page.locator("#latitude").fill("6.8667")
    page.locator("#longitude").fill("99.7833")
    assert page.eval_on_selector("#latitude", "field => field.checkValidity()")
    assert page.eval_on_selector("#longitude", "field => field.checkValidity()")
    page.locator("#latitude").fill("30")  # outside Thailand: the browser says so before the server does
    assert not page.eval_on_selector("#latitude", "field => field.checkValidity()")
    assert page.get_attribute("#name_th", "maxlength") == "300"


@pytest.fixture
def satun(make_organisation):
    for number in range(3):
        make_organisation(name_th=f"กลุ่มรักษ์ทะเลสตูล {number}", province="สตูล", district="ละงู",
                          issue_areas=["environment"], description_th="ดูแลป่าชายเลน")


def test_on_a_phone_the_filters_fold_behind_one_control_that_counts_them(browser_page, satun):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/organisations?q=ทะเล&province=91&issue=environment")
    summary = page.locator("#more-filters > summary")
    expect(summary).to_have_text(re.compile(r"ตัวกรอง\s*\(ใช้อยู่ 2\)"))
    expect(page.locator("#filter-province")).to_be_hidden()
    assert page.locator("#results-heading").bounding_box()["y"] < 844  # the results start on the first screen
    summary.click()
    expect(page.locator("#filter-province")).to_be_visible()
    expect(page.locator("#filter-province")).to_have_value("91")


def test_on_a_desktop_the_filters_stay_open(browser_page, satun):
    page = browser_page
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/organisations?q=ทะเล")
    expect(page.locator("#filter-province")).to_be_visible()
    expect(page.locator("#more-filters > summary")).to_have_text("ตัวกรอง")


@pytest.mark.parametrize("width, folded", [(390, True), (1366, False)], ids=["phone", "desktop"])
def test_the_home_page_folds_its_regions_on_a_phone(browser_page, satun, width, folded):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")
    satun_link = page.get_by_role("link", name="สตูล", exact=True)
    if folded:
        assert page.evaluate("document.documentElement.scrollHeight") < 2600  # was 4,600 px with every province
        expect(satun_link).to_be_hidden()
        page.locator("details.region > summary", has_text="ภาคใต้").click()
    expect(satun_link).to_be_visible()


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_the_event_page_shows_hosts_and_contacts_before_the_long_form(browser_page, open_round, make_organisation,
                                                                      width):
    from directory.extensions import db
    from directory.services.programme.hosts import add_host

    host = make_organisation(name_th="มูลนิธิรักษ์ทะเลสตูล", province="สตูล", district="ละงู")
    add_host(open_round, host, capacity=3)
    open_round.organiser_phone = "074-000-000"
    db.session.commit()
    page = browser_page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"/events/{open_round.public_id}")
    top = {name: page.locator(f"#{name}").bounding_box()["y"] for name in ("hosts", "organisers", "apply-title")}
    assert top["hosts"] < top["apply-title"] and top["organisers"] < top["apply-title"], top
    page.get_by_role("link", name="ไปที่ใบสมัคร").click()
    expect(page.locator("#full_name")).to_be_in_viewport()


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_on_a_short_page_the_footer_sits_at_the_bottom_of_the_window(browser_page, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 1400})
    page.goto("/account/login")
    footer = page.locator(".site-footer").bounding_box()
    assert footer["y"] + footer["height"] >= 1400 - 1
