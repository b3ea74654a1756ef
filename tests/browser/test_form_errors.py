"""In Chromium: a refused form says what is wrong, field by field, and takes the reader there."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages afterwards


def _send_with_only_a_name(page, open_round, width):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"/events/{open_round.public_id}")
    page.locator("#full_name").fill("มานี มีนา")
    page.get_by_role("button", name="ส่งใบสมัคร").click()


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_the_summary_lists_each_error_as_a_link_to_its_field_and_takes_focus(browser_page, open_round, width):
    page = browser_page
    _send_with_only_a_name(page, open_round, width)

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"application-errors-{width}.png"), full_page=True)
    links = summary.locator("a[data-field]")
    targets = links.evaluate_all("links => links.map(link => link.dataset.field)")
    assert {"email", "phone", "birth_year", "province", "interests", "consent_processing"} <= set(targets)
    assert "full_name" not in targets
    email = summary.locator('a[data-field="email"]')
    expect(email.locator(".error-field")).to_have_text("อีเมล: ")
    expect(summary.locator('a[data-field="interests"] .error-field')).to_contain_text("ประเด็นที่คุณสนใจ")
    consent_link = summary.locator('a[data-field="consent_processing"]')
    expect(consent_link.locator(".error-field")).not_to_contain_text("จำเป็น")
    email.click()
    expect(page.locator("#email")).to_be_focused()
    consent_link.click()
    expect(page.locator("#consent_processing")).to_be_focused()


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_an_unticked_required_consent_is_marked_and_its_marker_stays_with_its_name(browser_page, open_round, width):
    page = browser_page
    _send_with_only_a_name(page, open_round, width)

    refused = page.locator(".consent.has-error").first
    expect(refused).to_have_css("border-left-color", "rgb(176, 0, 32)")
    ticked_by_nobody = page.locator(".consent:not(.has-error)").first
    expect(ticked_by_nobody).not_to_have_css("border-left-color", "rgb(176, 0, 32)")
    name = refused.locator("label strong")
    marker = refused.locator("label .required")
    name_box, marker_box = name.bounding_box(), marker.bounding_box()
    # On the same line right after the name, or wrapped under its start: never a column of its own.
    assert marker_box["y"] >= name_box["y"] - 1
    if marker_box["y"] > name_box["y"] + name_box["height"] - 1:
        assert marker_box["x"] <= name_box["x"] + 1
