"""Maps in chromium: the results map follows the filters, a profile's map, and the pages without JavaScript.
Tiles come from a local tile server (the tile_server fixture), which the page's policy must allow."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def shoot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


def page_errors(page):
    """What the page's scripts threw and what the browser logged as errors (a policy's refusal among them)."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def points_on_map(page):
    """Organisations on the drawn map: single pins and rings, plus the counts on the clusters."""
    return page.evaluate("""() => {
        const map = document.querySelector('#results-map');
        const clusters = [...map.querySelectorAll('.marker-cluster span')].map(s => +s.textContent);
        const single = map.querySelectorAll('.leaflet-marker-icon:not(.marker-cluster), path.map-approximate-point');
        return clusters.reduce((a, b) => a + b, 0) + single.length;
    }""")


@pytest.fixture
def places(make_organisation):
    for number, (latitude, longitude) in enumerate([(6.62, 99.87), (6.95, 100.05), (7.05, 99.75)]):
        make_organisation(name_th=f"กลุ่มสตูล {number}", name_en=f"Satun group {number}", province="สตูล",
                          latitude=latitude, longitude=longitude)
    make_organisation(name_th="กลุ่มละงู", province="สตูล", district="ละงู")  # approximate: a dashed ring
    make_organisation(name_th="กลุ่มเชียงใหม่ 1", name_en="Chiang Mai group 1", province="เชียงใหม่",
                      latitude=18.79, longitude=98.98)
    make_organisation(name_th="กลุ่มเชียงใหม่ 2", name_en="Chiang Mai group 2", province="เชียงใหม่",
                      latitude=18.2, longitude=98.6)


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_results_map_shows_the_results_and_follows_a_filter(browser_page, tile_server, places, language):
    page = browser_page
    errors = page_errors(page)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/organisations?lang={language}")
    expect(page.locator("#results-map")).to_have_attribute("data-drawn", "6")
    expect(page.locator("#results-map .leaflet-tile-loaded").first).to_be_visible()
    assert points_on_map(page) == 6
    shoot(page, f"results-map-{language}-desktop")

    page.select_option("#filter-province", "50")
    page.locator(".filters button[type=submit]").click()
    expect(page.locator("#results-map")).to_have_attribute("data-drawn", "2")
    assert points_on_map(page) == 2
    page.locator("#results-map .leaflet-marker-icon").first.click()
    expect(page.locator(".leaflet-popup-content a")).to_contain_text("กลุ่มเชียงใหม่" if language == "th" else "Chiang Mai")
    assert tile_server and all(path.endswith(".png") for path in tile_server)  # the configured tiles, allowed
    assert not errors, errors


def test_on_a_phone_the_map_waits_folded_below_the_filters_until_opened(browser_page, tile_server, places):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/organisations")
    summary = page.locator(".results-map > summary")
    expect(summary).to_be_visible()
    expect(page.locator("#results-map")).not_to_have_attribute("data-drawn", "6")
    assert not tile_server  # nothing fetched for a folded map
    summary.click()
    expect(page.locator("#results-map")).to_have_attribute("data-drawn", "6")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "results-map-th-phone")


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_a_profile_map_pins_an_exact_position_and_rings_an_approximate_one(browser_page, tile_server,
                                                                           make_organisation, width):
    exact = make_organisation(name_th="กลุ่มแม่น้ำ", province="สตูล", latitude=6.9, longitude=99.8)
    approximate = make_organisation(name_th="กลุ่มป่าชายเลน", province="สตูล", district="ละงู")
    page = browser_page
    errors = page_errors(page)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/organisations/{exact.public_id}")
    expect(page.locator("#profile-map")).to_have_attribute("data-drawn", "1")
    expect(page.locator("#profile-map .leaflet-marker-icon")).to_have_count(1)
    shoot(page, f"profile-map-exact-{width}")
    page.goto(f"/organisations/{approximate.public_id}?lang=en")
    expect(page.locator("#profile-map path.map-approximate-area")).to_have_count(1)
    expect(page.locator("#profile-map .leaflet-marker-icon")).to_have_count(0)
    expect(page.locator(".map-figure figcaption")).to_contain_text("dashed circle")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shoot(page, f"profile-map-approximate-en-{width}")
    assert not errors, errors


def test_without_javascript_no_map_shows_and_the_list_is_whole(browser, live_server, tile_server, places):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/organisations")
    expect(page.locator(".results-map")).to_be_hidden()
    expect(page.locator("ol.results > li")).to_have_count(6)
    context.close()
    assert not tile_server
