"""What people type, in a real browser: a typo offered as "did you mean", and the staff page of search words."""
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages afterwards


def _fits(page):
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_a_typo_is_offered_its_correction(browser_page, make_organisation, width):
    make_organisation(name_th="ชมรมผู้สูงอายุหาดใหญ่", name_en="Hat Yai Elders Club", province="สงขลา")
    make_organisation(name_th="มูลนิธิรักษ์ทะเลสตูล", name_en="Satun Sea Foundation", province="สตูล")
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/organisations")
    page.get_by_label("คำค้น", exact=True).fill("ผูสูงอายุ")  # a tone mark missing
    page.get_by_role("button", name="ค้นหา", exact=True).click()
    expect(page.locator(".card-title a")).to_have_text(["ชมรมผู้สูงอายุหาดใหญ่"])
    expect(page.locator(".suggestion")).to_contain_text("ผู้สูงอายุ")
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"search-typo-th-{width}.png"), full_page=True)
    _fits(page)
    page.locator(".suggestion a").click()
    expect(page).to_have_url(re.compile(r"q=%E0%B8%9C%E0%B8%B9%E0%B9%89"))
    page.goto("/organisations?q=elderly+zzz+club&lang=en")  # elders, a synonym; zzz nowhere
    expect(page.locator(".notice")).to_contain_text("No organisation has every word you typed")
    expect(page.locator(".card-title mark")).to_have_text(["Elders", "Club"])
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"search-some-words-en-{width}.png"), full_page=True)
    _fits(page)


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_staff_read_the_search_words(browser_page, make_user, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/account/login?lang=en")
    page.get_by_label("Email address").fill(make_user(role="staff").email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/staff/?lang=th")
    page.get_by_role("link", name="คำพ้องความหมายและคำที่ไม่ต้องตรงในการค้นหา").click()
    expect(page.locator("#synonym-groups")).to_contain_text("คนชรา")
    expect(page.locator("#stop-words")).to_contain_text("เรื่อง")
    for language in ("th", "en"):
        page.goto(f"/staff/search-words?lang={language}")
        if SCREENSHOTS:
            page.screenshot(path=str(Path(SCREENSHOTS) / f"staff-search-words-{language}-{width}.png"), full_page=True)
        _fits(page)
