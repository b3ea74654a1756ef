"""In Chromium, as staff: open an event's matching page, pin a participant to a host that was not its
suggestion, run again and see them there, then accept the placement."""
import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from directory.extensions import db
from directory.models import Application
from tests.conftest import PASSWORD
from tests.services.test_placements import make_scenario

pytestmark = pytest.mark.browser


def test_suggest_pin_run_again_and_accept(browser_page, make_organisation, make_user):
    """The rows are committed before the browser starts; the live server reads the same database."""
    event, hosts, applications = make_scenario(make_organisation)  # 3 hosts, 8 selected participants
    staff = make_user(role="staff", display_name="Khun Somchai")
    ann, elsewhere = applications[0], hosts[1]
    page = browser_page

    page.goto("/account/login")
    page.locator("#email").fill(staff.email)
    page.locator("#password").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page).not_to_have_url("/account/login")

    page.goto(f"/staff/events/{event.public_id}")
    page.get_by_role("link", name="จับคู่ผู้เข้าร่วมกับองค์กรเจ้าบ้าน").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("จับคู่ผู้เข้าร่วมกับองค์กรเจ้าบ้าน")
    expect(page.locator("#accepted")).to_contain_text("ยังไม่มีการยืนยันการจับคู่")
    suggested = page.locator(f"#placement-{ann.id} .suggested-host")
    expect(suggested).to_have_text("มูลนิธิรักษ์สตูล")
    expect(page.locator(f"#participant-{ann.id} td.suggested")).to_have_attribute("data-host", str(hosts[0].id))

    page.get_by_role("button", name=f"ปักหมุด Ann ไว้กับ {elsewhere.organisation.name_th}").click()
    expect(page.get_by_text("ปักหมุดแล้ว: Ann")).to_be_visible()
    page.locator("#run-again button").click()
    expect(suggested).to_contain_text(elsewhere.organisation.name_th)
    expect(suggested).to_contain_text("ปักหมุด")
    expect(page.locator(f"#participant-{ann.id} td.suggested")).to_have_attribute("data-host", str(elsewhere.id))

    page.get_by_role("button", name="ยืนยันการจับคู่นี้").click()
    expect(page.get_by_text("ยืนยันการจับคู่แล้ว: 8 จาก 8 คน")).to_be_visible()
    expect(page.locator("#accepted")).to_contain_text("ยืนยันการจับคู่โดย Khun Somchai")
    expect(page.locator(f"#placement-{ann.id} .accepted-host")).to_have_text(elsewhere.organisation.name_th)

    db.session.expire_all()
    stored = db.session.scalar(sa.select(Application).where(Application.id == ann.id))
    assert (stored.host_id, stored.placed_by_id) == (elsewhere.id, staff.id) and stored.placed_at is not None
