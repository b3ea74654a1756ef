"""The back office in a real browser at phone and desktop width: buttons that hold their text, an
irreversible action that looks and asks like one, tables that scroll inside themselves and keep values whole."""
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
from playwright.sync_api import expect

from directory.models import ApplicationStatus
from tests.conftest import PASSWORD
from tests.event_factories import make_application

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages afterwards
WIDTHS = pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])


@pytest.fixture
def staff_page(browser_page, make_user):
    page = browser_page
    page.goto("/account/login?lang=en")
    page.get_by_label("Email address").fill(make_user(role="staff").email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return page


def broken_across_lines(page, selector):
    """The elements matching `selector` drawn as more than one box: a button split over two lines."""
    return page.eval_on_selector_all(
        selector, "nodes => nodes.filter(n => n.getClientRects().length > 1).map(n => n.textContent.trim())")


def shot(page, name, width):
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-{width}.png"), full_page=True)


@WIDTHS
def test_the_dashboard_buttons_hold_their_text_and_publishing_asks_first(staff_page, app, round_event, clock_at,
                                                                          width):
    page = staff_page
    event = round_event()
    clock_at(datetime(2019, 4, 1, 17, 30, tzinfo=timezone.utc))  # announcement day in Bangkok
    make_application(event, status=ApplicationStatus.SELECTED, email="nok@example.org")
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"/staff/events/{event.public_id}?lang=th")
    shot(page, "event-dashboard", width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert broken_across_lines(page, "nav.actions a") == []
    boxes = page.eval_on_selector_all("nav.actions a", "links => links.map(a => a.getBoundingClientRect().right)")
    assert max(boxes) <= width

    publish = page.locator("#publish-announcement button")
    background = "node => getComputedStyle(node).backgroundColor"
    publish_colour = page.eval_on_selector("#publish-announcement button", background)
    assert publish_colour != page.eval_on_selector("nav.actions a", background)  # not one more navigation button
    publish.click()  # unticked: the browser holds the form, nothing is sent
    expect(page.locator("#publish-announcement")).to_be_visible()
    assert page.eval_on_selector("#publish-announcement input[name=confirm]", "box => !box.validity.valid")
    page.get_by_label("ใช่ ประกาศรายชื่อและส่งอีเมลถึงผู้สมัครทุกคน").check()
    publish.click()
    expect(page.locator(".notice-success")).to_contain_text("1")
    expect(page.locator("#publish-announcement")).to_have_count(0)


# For the failure message: what sticks out of the page, outside a scrolling table.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
  .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""
LONG_HOST_NAME = "มูลนิธิเพื่อการพัฒนาคุณภาพชีวิตผู้สูงอายุและครอบครัวจังหวัดสตูล"
BROKEN_VALUES = """cells => cells.filter(cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    return new Set([...range.getClientRects()].map(box => Math.round(box.top))).size > 1;
}).map(cell => cell.textContent.trim())"""


@pytest.fixture
def placed_event(app, make_organisation):
    from directory.extensions import db
    from directory.services.programme.hosts import add_host
    from tests.services.test_placements import make_scenario

    event, hosts, applications = make_scenario(make_organisation)
    long_named = make_organisation(name_th=LONG_HOST_NAME, province="สตูล", latitude=6.62, longitude=100.06)
    add_host(event, long_named, capacity=2, issue_areas=["elderly-care"], wanted_skills=["photography"])
    applications[0].phone, applications[0].host_id = "080-555-0001", hosts[0].id
    db.session.commit()
    return event, hosts


@WIDTHS
def test_staff_tables_scroll_inside_themselves_and_keep_values_whole(staff_page, placed_event, width):
    page = staff_page
    event, hosts = placed_event
    page.set_viewport_size({"width": width, "height": 844})
    for path in (f"/staff/events/{event.public_id}/applications", f"/staff/events/{event.public_id}/matching",
                 f"/staff/events/{event.public_id}/hosts/{hosts[0].id}/roster"):
        page.goto(f"{path}?lang=th")
        shot(page, path.rsplit("/", 1)[-1], width)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, page.evaluate(WIDEST))
        assert page.locator("table.data").count() == page.locator(".table-scroll > table.data").count(), path
        assert page.eval_on_selector_all("td.nowrap", BROKEN_VALUES) == [], path
    page.goto(f"/staff/events/{event.public_id}/applications?lang=th")
    assert page.locator("#applications td.nowrap").count() == 2 * page.locator("#applications tbody tr").count()
    page.goto(f"/staff/events/{event.public_id}/hosts/{hosts[0].id}/roster?lang=th")
    expect(page.locator("td.nowrap", has_text="080-555-0001")).to_have_count(1)

    page.goto(f"/staff/events/{event.public_id}/matching?lang=th")
    cut = page.eval_on_selector_all(".move-form select", """selects => selects.filter(select => {
        const shown = select.getBoundingClientRect().width;
        select.style.width = 'max-content';
        const whole = select.getBoundingClientRect().width;
        select.style.width = '';
        return whole > shown + 1;
    }).length""")
    assert cut == 0  # every host's name can be read in the "move to" list
