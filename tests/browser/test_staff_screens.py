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
    colours = page.evaluate("""() => [getComputedStyle(document.querySelector('#publish-announcement button')).backgroundColor,
                                      getComputedStyle(document.querySelector('nav.actions a')).backgroundColor]""")
    assert colours[0] != colours[1]  # not one more navigation button
    publish.click()  # unticked: the browser holds the form, nothing is sent
    expect(page.locator("#publish-announcement")).to_be_visible()
    assert page.eval_on_selector("#publish-announcement input[name=confirm]", "box => !box.validity.valid")
    page.get_by_label("ใช่ ประกาศรายชื่อและส่งอีเมลถึงผู้สมัครทุกคน").check()
    publish.click()
    expect(page.locator(".notice-success")).to_contain_text("1")
    expect(page.locator("#publish-announcement")).to_have_count(0)
