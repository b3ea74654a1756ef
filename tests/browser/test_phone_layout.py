"""What a phone screen shows: menu items whole, forms that the browser validates as meant."""
import pytest

from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["th", "en"])
def test_menu_items_never_break_mid_word_on_a_phone(browser_page, language):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/?lang={language}")
    lines = page.eval_on_selector_all(".site-nav a", "links => links.map(a => a.getClientRects().length)")
    assert lines and all(count == 1 for count in lines), lines


def test_the_browser_accepts_a_real_latitude_and_autofills_sign_in(browser_page, make_user, make_organisation):
    page = browser_page
    organisation = make_organisation(name_th="กลุ่มทดสอบ", province="สตูล")
    editor = make_user(editor_of=[organisation])
    page.goto("/account/login?lang=en")
    assert page.get_attribute("#email", "autocomplete") == "username"
    page.get_by_label("Email address").fill(editor.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/account/organisations/{organisation.public_id}/edit?lang=en")
    page.locator("#latitude").fill("6.8667")
    page.locator("#longitude").fill("99.7833")
    assert page.eval_on_selector("#latitude", "field => field.checkValidity()")
    assert page.eval_on_selector("#longitude", "field => field.checkValidity()")
    page.locator("#latitude").fill("30")  # outside Thailand: the browser says so before the server does
    assert not page.eval_on_selector("#latitude", "field => field.checkValidity()")
    assert page.get_attribute("#name_th", "maxlength") == "300"
