"""The three pages the browser review looked at most (results, event, application received), at phone and desktop
width: none wider than the screen, each with what matters first. With SCREENSHOT_DIR set, each is saved there
(tests/browser/screenshots/ keeps the before/after pictures of issue 13)."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_apply_and_submit_work import fill_the_application

pytestmark = pytest.mark.browser
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def look(page, name, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_results_event_and_received_pages(browser_page, open_round, make_organisation, width):
    from directory.extensions import db
    from directory.services.hosts import add_host

    for number in range(3):
        make_organisation(name_th=f"กลุ่มรักษ์ทะเลสตูล {number}", province="สตูล", district="ละงู",
                          issue_areas=["environment"], description_th="ดูแลป่าชายเลน")
    host = make_organisation(name_th="มูลนิธิรักษ์ทะเลสตูล", province="สตูล", district="ละงู")
    add_host(open_round, host, capacity=3, activities_th="พาเดินป่าชายเลนและเก็บขยะชายหาด")
    open_round.organiser_phone, open_round.organiser_email = "074-000-000", "cso@example.org"
    db.session.commit()
    page = browser_page
    page.set_viewport_size({"width": width, "height": 844})

    page.goto("/organisations?q=ทะเล&province=91")
    look(page, "results", width)
    assert page.locator(".results .card").first.bounding_box()["y"] < 844  # a result on the first screen

    page.goto(f"/events/{open_round.public_id}")
    look(page, "event", width)
    assert page.locator("#hosts").bounding_box()["y"] < page.locator("#apply").bounding_box()["y"]

    fill_the_application(page)
    page.get_by_role("button", name="ส่งใบสมัคร").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ขอบคุณ: เราได้รับใบสมัครของคุณแล้ว")
    look(page, "application-received", width)
    assert page.locator("#private-link-field").bounding_box()["y"] < 844  # the link before anything else
