"""Form fields carry their attributes as attributes (autocomplete, inputmode, maxlength, min, max, step),
never as escaped text that browsers ignore."""
import re

import pytest

from tests.conftest import PASSWORD


def fields(page):
    """{id: the raw attribute text} of every <input> on the page."""
    return {m.group(1): m.group(0) for m in re.finditer(r'<input id="([^"]+)"[^>]*>', page)}


@pytest.mark.parametrize("url, field, attribute", [
    ("/account/login", "email", 'autocomplete="username"'),
    ("/account/login", "password", 'autocomplete="current-password"'),
    ("/account/sign-up", "email", 'autocomplete="email"'),
    ("/account/forgot-password", "email", 'autocomplete="email"'),
])
def test_account_forms(client, url, field, attribute):
    page = client.get(url).get_data(as_text=True)
    assert attribute in fields(page)[field]
    assert "&#34;" not in page and "&quot;" not in "".join(fields(page).values())


def test_the_application_form(client, open_round):
    page = client.get(f"/events/{open_round.public_id}/apply").get_data(as_text=True)
    inputs = fields(page)
    assert 'autocomplete="name"' in inputs["full_name"] and 'autocomplete="tel"' in inputs["phone"]
    assert 'inputmode="numeric"' in inputs["birth_year"]
    assert "&#34;" not in page


def test_the_organisation_edit_form(client, auth, make_user, make_organisation):
    organisation = make_organisation(name_th="กลุ่มทดสอบ")
    auth.login(make_user(editor_of=[organisation]).email, PASSWORD)
    page = client.get(f"/account/organisations/{organisation.public_id}/edit").get_data(as_text=True)
    inputs = fields(page)
    assert 'maxlength="300"' in inputs["name_th"]
    assert 'step="any"' in inputs["latitude"] and 'min="5.5"' in inputs["latitude"]
    assert 'min="1800"' in inputs["founded_year"]
