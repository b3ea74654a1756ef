"""/statistics in chromium: the tile map and the table agree with the API, at phone and desktop width."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["th", "en"])
def test_the_map_and_the_table_agree_with_the_api(browser_page, make_organisation, width, language):
    for province in ("สตูล", "สตูล", "เชียงใหม่", "กรุงเทพมหานคร"):
        make_organisation(province=province)
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/statistics?lang={language}")
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"statistics-{language}-{width}.png"), full_page=True)
    api = page.evaluate("fetch('/api/v1/statistics').then(response => response.json())")
    on_map = page.eval_on_selector_all(
        "#tile-map a", "tiles => Object.fromEntries(tiles.map(a => [a.dataset.province, +a.dataset.count]))")
    in_table = page.eval_on_selector_all(
        "#province-table tbody tr",
        "rows => Object.fromEntries(rows.map(r => [r.dataset.province, +r.querySelector('.count').textContent]))")
    assert on_map == in_table and len(on_map) == 77
    assert {code: count for code, count in on_map.items() if count} == api["by_province"] == {"91": 2, "50": 1, "10": 1}
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator('#tile-map a[data-province="91"]').click()  # a tile is the search it counts
    expect(page).to_have_url("/organisations?province=91")
    expect(page.locator("#results-heading")).to_contain_text("2")
