"""The pages a browser review looks at, at phone and desktop width, none wider than the screen: the three it looked
at most (results, event, application received), each with what matters first; and, in Thai and in English, an
organisation's profile, its edit form and the staff queues of corrections and claims, filled with long values.
With SCREENSHOT_DIR set, each is saved there (tests/browser/screenshots/ keeps the before/after pictures of
issue 13)."""
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_apply_and_submit_work import fill_the_application
from tests.browser.test_self_service_flow import sign_in
from tests.browser.test_staff_screens import WIDEST
from tests.conftest import PASSWORD
from tests.staff.test_claims_queue import add_claim, new_draft
from tests.staff.test_corrections_queue import add_correction

pytestmark = pytest.mark.browser
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def look(page, name, width):
    if SCREENSHOTS:  # first, so that a page too wide can be seen
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, page.evaluate(WIDEST))


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_results_event_and_received_pages(browser_page, open_round, make_organisation, width):
    from directory.extensions import db
    from directory.services.programme.hosts import add_host

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


LONG_NAME_TH = "มูลนิธิเพื่อการพัฒนาคุณภาพชีวิตผู้สูงอายุและครอบครัวจังหวัดสตูล"
LONG_NAME_EN = "Foundation for the Quality of Life of Older People and Families in Satun Province"


@pytest.fixture
def reviewed_organisation(make_organisation, make_user):
    """A profile with every section filled (long names, a long address and web address), a claim, a registration
    that may duplicate it, and two suggested corrections: one pending, one decided."""
    from directory.extensions import db
    from directory.models import ClaimKind
    from directory.services.organisations.corrections import dismiss_correction

    organisation = make_organisation(
        name_th=LONG_NAME_TH, name_en=LONG_NAME_EN, district="ละงู", issue_areas=["elderly-care", "environment"],
        description_th="ดูแลผู้สูงอายุในชุมชนริมทะเล " * 12, description_en="Cares for older people by the sea. " * 12,
        address="99/9 หมู่ 4 ถนนสตูล-ละงู ตำบลกำแพง อำเภอละงู จังหวัดสตูล 91110", phone="074 000 000",
        email="contact.elderly.satun.foundation@example.org", line_id="@satun-elderly",
        website="https://www.satun-elderly-and-family-foundation.example.org/about-us/our-work",
        facebook="https://www.facebook.com/satun.elderly.and.family.foundation")
    requester = make_user(email="somsri.requester.with.a.long.address@example.org", display_name="สมศรี ใจดี")
    add_claim(organisation, requester, justification="ฉันเป็นเลขานุการของมูลนิธิมาห้าปี " * 4)
    registration = add_claim(new_draft(LONG_NAME_TH + " สาขาละงู"), requester, kind=ClaimKind.REGISTRATION)
    registration.possible_duplicate = organisation
    add_correction(organisation, field="website", note="เว็บไซต์ใหม่ตามป้ายหน้าสำนักงาน",
                   value="https://www.satun-elderly-and-family-foundation.example.org/th/contact-us/office")
    dismiss_correction(add_correction(organisation, field="phone", value="074 123 456"),
                       by=make_user(role="staff", display_name="Staff Malee"), note="เบอร์นี้เป็นของสำนักงานเดิม")
    db.session.commit()
    return organisation


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desktop"])
def test_profile_edit_form_and_staff_queues(browser_page, make_user, reviewed_organisation, width, language):
    public_id = reviewed_organisation.public_id
    page = browser_page
    page.set_viewport_size({"width": width, "height": 844})
    sign_in(page, make_user(role="staff", display_name="Staff Somsri").email, PASSWORD, lands_on="Back office")

    page.goto(f"/organisations/{public_id}?lang={language}")
    look(page, f"profile-{language}", width)
    page.goto(f"/account/organisations/{public_id}/edit?lang={language}")
    look(page, f"edit-{language}", width)
    page.goto(f"/staff/corrections?status=all&lang={language}")
    expect(page.locator("article.correction")).to_have_count(2)
    look(page, f"corrections-{language}", width)
    page.goto(f"/staff/claims?lang={language}")
    expect(page.locator("article.claim")).to_have_count(2)
    look(page, f"claims-{language}", width)
