"""Issue 4's walk, in a real browser: sign up, verify by the mailed link, claim an organisation, staff
approves, the editor changes the description, the public profile shows it, staff reverts it."""
import re

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD, Mailbox

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a quiet river at dawn 2569"


def sign_in(page, email, password, lands_on="My account"):
    page.goto("/account/login?lang=en")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lands_on)


def sign_out(page):
    page.goto("/account/")
    page.get_by_role("button", name="Sign out").click()


def test_from_sign_up_to_a_reverted_edit(app, browser_page, make_organisation, make_user):
    page = browser_page
    organisation = make_organisation(name_th="กลุ่มรักษ์ละงู", name_en="La-ngu Care Group", district="ละงู",
                                     description_th="คำอธิบายเดิม", description_en="The original description")
    staff = make_user(role="staff", display_name="Staff Somsri")
    mailbox = Mailbox(app.config["MAIL_FOLDER"])

    page.goto("/account/sign-up?lang=en")
    page.get_by_label("Your name").fill("Malee Editor")
    page.get_by_label("Email address").fill("malee@example.org")
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    verify_link = next(link for link in mailbox.links(mailbox.last(to="malee@example.org")) if "/verify/" in link)
    page.goto(verify_link)
    sign_in(page, "malee@example.org", NEW_PASSWORD)
    expect(page.get_by_text("not verified")).to_have_count(0)

    page.goto(f"/organisations/{organisation.public_id}")
    page.get_by_role("link", name="Claim this listing").click()
    page.get_by_label("Your role at the organisation").fill("I coordinate the group's volunteers.")
    page.get_by_label("A contact at the organisation").fill("Somchai, the chair")
    page.get_by_label("Their telephone or email").fill("081 234 5678")
    page.get_by_role("button", name="Send request").click()
    sign_out(page)

    sign_in(page, staff.email, PASSWORD, lands_on="Back office")
    page.goto("/staff/claims")
    expect(page.get_by_text("I coordinate the group's volunteers.")).to_be_visible()
    page.get_by_role("button", name="Approve").click()
    assert "approved" in mailbox.last(to="malee@example.org")["Subject"].lower() or \
        "อนุมัติ" in mailbox.last(to="malee@example.org")["Subject"]
    sign_out(page)

    sign_in(page, "malee@example.org", NEW_PASSWORD)
    page.get_by_role("link", name="Edit the listing").click()
    page.get_by_label("Description in English").fill("We plant mangroves with the village school.")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(rf"/organisations/{organisation.public_id}"))
    expect(page.get_by_text("We plant mangroves with the village school.")).to_be_visible()
    sign_out(page)

    sign_in(page, staff.email, PASSWORD, lands_on="Back office")
    page.goto(f"/staff/organisations/{organisation.public_id}/history")
    page.get_by_role("button", name="Restore the organisation as it was after this revision").nth(1).click()
    page.goto(f"/organisations/{organisation.public_id}?lang=en")
    expect(page.get_by_text("The original description")).to_be_visible()
    expect(page.get_by_text("We plant mangroves with the village school.")).to_have_count(0)
