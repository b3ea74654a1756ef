"""Staff load a spreadsheet in a real browser: upload, read the report, confirm, see the organisations."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
REAL_SPELLINGS = Path(__file__).resolve().parents[1] / "data" / "dev_orgs_real_spellings.csv"
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages afterwards


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_upload_read_the_report_confirm_and_see_the_organisations(browser_page, make_user, width):
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    staff = make_user(role="staff")
    page.goto("/account/login?lang=en")
    page.get_by_label("Email address").fill(staff.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.goto("/staff/?lang=en")
    page.get_by_role("link", name="Import organisations from a spreadsheet").click()
    page.get_by_label("Spreadsheet file").set_input_files(str(REAL_SPELLINGS))
    page.get_by_role("button", name="Check the file").click()

    expect(page.locator("#import-state")).to_have_text("Checked: waiting for your confirmation", timeout=20_000)
    expect(page.locator("#count-created")).to_have_text("16")
    expect(page.locator("#import-inferred")).to_contain_text("province เชียงใหม่ (Chiang Mai) inferred from the district")
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"staff-import-report-{width}.png"), full_page=True)
    _no_sideways_scroll(page)

    report_url = page.url.split("?")[0]
    for name, url in (("report", report_url), ("upload", "/staff/imports")):  # the same pages in Thai
        page.goto(f"{url}?lang=th")
        if SCREENSHOTS:
            page.screenshot(path=str(Path(SCREENSHOTS) / f"staff-import-{name}-th-{width}.png"), full_page=True)
        _no_sideways_scroll(page)

    page.goto(f"{report_url}?lang=en")
    page.get_by_role("button", name="Import these organisations").click()
    expect(page.locator("#import-state")).to_have_text("Imported", timeout=20_000)
    page.get_by_role("link", name="See the organisations").click()
    expect(page.get_by_role("link", name="มูลนิธิห้องเรียนเพื่อเด็กคลองเตย")).to_be_visible()

    page.goto("/organisations?province=กทม.&lang=en")
    expect(page.get_by_role("link", name="Khlong Toei Classroom for Children Foundation")).to_be_visible()


def _no_sideways_scroll(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    widest = page.evaluate("""[...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className)""")
    assert overflow <= 0, f"the page is {overflow} px wider than the screen: {widest}"
