"""Issue 14's public corrections in a real browser, at phone and desktop width: a visitor suggests a new
telephone number from the profile (no account), staff find it in their queue beside the current value and
apply it, the profile shows it and its editor is mailed. With SCREENSHOT_DIR set, each step is saved there."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_self_service_flow import sign_in
from tests.conftest import PASSWORD, Mailbox

pytestmark = pytest.mark.browser
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def look(page, name, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name  # nothing wider than the screen
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_a_correction_goes_from_the_form_to_the_staff_queue_and_is_applied(app, browser_page, make_organisation,
                                                                           make_user, width):
    organisation = make_organisation(name_th="กลุ่มรักษ์ละงู", name_en="La-ngu Care Group", district="ละงู",
                                     phone="074 000 000")
    editor = make_user(email="editor@example.org", editor_of=[organisation])
    staff = make_user(role="staff", display_name="Staff Somsri")
    mailbox = Mailbox(app.config["MAIL_FOLDER"])
    page = browser_page
    page.set_viewport_size({"width": width, "height": 844})

    page.goto(f"/organisations/{organisation.public_id}?lang=th")
    page.get_by_role("link", name="แนะนำการแก้ไข").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("แนะนำการแก้ไข")
    # The honeypot is drawn inside a clipped box of one pixel, where nobody sees or taps it.
    honeypot = page.locator("p:has(> #homepage)")
    expect(honeypot).to_have_attribute("aria-hidden", "true")
    assert honeypot.evaluate("box => getComputedStyle(box).clip") == "rect(0px, 0px, 0px, 0px)"
    assert honeypot.bounding_box()["width"] <= 1 and honeypot.bounding_box()["height"] <= 1
    page.get_by_label("ข้อมูลใดไม่ถูกต้อง?").select_option(label="โทรศัพท์")
    page.get_by_role("button", name="ส่งคำแนะนำ").click()  # the right value forgotten
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#proposed_value-errors")).to_be_visible()
    look(page, "correction-form-errors", width)
    page.get_by_label("ข้อมูลที่ถูกต้อง").fill("074 123 456")
    page.get_by_label("สิ่งที่เจ้าหน้าที่ควรทราบ").fill("เบอร์ใหม่ตามป้ายหน้าสำนักงาน")
    page.get_by_label("อีเมลหรือเบอร์โทรศัพท์ของคุณ").fill("visitor@example.net")
    page.keyboard.press("Tab")  # over the honeypot, which is out of the tab order
    expect(page.get_by_role("button", name="ส่งคำแนะนำ")).to_be_focused()
    page.get_by_role("button", name="ส่งคำแนะนำ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("ขอบคุณสำหรับคำแนะนำ")
    look(page, "correction-sent", width)

    sign_in(page, staff.email, PASSWORD, lands_on="Back office")
    page.get_by_role("link", name="Corrections suggested by visitors").click()
    suggestion = page.locator("article.correction")
    expect(suggestion).to_have_count(1)
    expect(suggestion.locator(".current-value")).to_have_text("074 000 000")
    expect(suggestion.locator(".proposed-value")).to_have_text("074 123 456")
    expect(suggestion.locator(".contact")).to_have_text("visitor@example.net")
    look(page, "correction-queue", width)
    suggestion.get_by_role("button", name="Apply to the profile").click()
    expect(page.get_by_text("Applied the correction to La-ngu Care Group")).to_be_visible()
    expect(page.get_by_text("No suggestions here.")).to_be_visible()

    page.goto(f"/organisations/{organisation.public_id}?lang=en")
    expect(page.get_by_role("link", name="074 123 456")).to_be_visible()
    expect(page.get_by_text("visitor@example.net")).to_have_count(0)
    assert "074 123 456" in mailbox.last(to=editor.email).get_content()
