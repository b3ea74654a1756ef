"""In Chromium: apply to an open event from its page, follow the private link, and, once confirmed, send a work."""
import os
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from directory.extensions import db
from directory.models import Application
from directory.services.programme.application_status import move_application

pytestmark = pytest.mark.browser

SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages afterwards
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def fill_the_application(page):
    """Every field of the event page's application form, as Manee would fill it in, Thai first."""
    page.locator("#full_name").fill("มานี มีนา")
    page.locator("#nickname").fill("มานี")
    page.locator("#email").fill("manee@example.org")
    page.locator("#phone").fill("081 234 5678")
    page.locator("#birth_year").fill("2538")
    page.locator("#province").select_option(label="สตูล")
    page.locator("#occupation").fill("นักศึกษา")
    page.locator('input[name="interests"][value="community-development"]').check()
    page.locator('input[name="media_skills"][value="photography"]').check()
    page.locator("#motivation").fill("อยากเรียนรู้จากองค์กรในพื้นที่")
    for consent in ("processing", "share_with_host", "publish_name"):
        page.locator(f"#consent_{consent}").check()


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_apply_then_send_a_work_through_the_private_link(browser_page, open_round, width):
    """The live server serves the test's app, so its clock is the fixture's: 20 March 2019 in Bangkok."""
    page = browser_page
    page.set_viewport_size({"width": width, "height": 844})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"/events/{open_round.public_id}")
    fill_the_application(page)
    page.get_by_role("button", name="ส่งใบสมัคร").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("ขอบคุณ: เราได้รับใบสมัครของคุณแล้ว")
    link = page.locator("#private-link-field").input_value()
    expect(page).to_have_url(link + "?received=1")  # post-redirect-get: this page is the private page
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # the long link fits a phone
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"application-received-{width}.png"), full_page=True)
    page.get_by_role("button", name="คัดลอกลิงก์").click()
    expect(page.get_by_role("button", name="คัดลอกแล้ว")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link
    page.reload()  # sends nothing again: still the applicant's page, no "already applied"
    expect(page.locator(".application-status")).to_have_class(re.compile("status-submitted"))
    expect(page.locator(".application-status")).to_have_class(re.compile("status-submitted"))
    expect(page.get_by_text("manee@example.org")).to_be_visible()
    expect(page.locator('form[enctype="multipart/form-data"]')).to_have_count(0)

    application = db.session.scalar(sa.select(Application).where(Application.email == "manee@example.org"))
    for status in ("selected", "confirmed"):
        move_application(application, status)
    db.session.commit()

    page.reload()
    expect(page.locator(".application-status")).to_have_class(re.compile("status-confirmed"))
    page.locator("#title").fill("ป่าชายเลนบ้านบ่อเจ็ดลูก")
    page.locator("#format").select_option("photo_set")
    page.locator("#file").set_input_files(files=[{"name": "mangrove.png", "mimeType": "image/png", "buffer": PNG}])
    page.locator("#description").fill("ภาพชุดจากการลงพื้นที่")
    page.get_by_role("button", name="ส่งผลงานนี้").click()

    expect(page.get_by_text("ขอบคุณ: ได้รับผลงานของคุณแล้ว")).to_be_visible()
    expect(page.locator(".work-title")).to_have_text(["ป่าชายเลนบ้านบ่อเจ็ดลูก"])
