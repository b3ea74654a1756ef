"""Helpers for the back-office tests: reading pages, posting forms with their CSRF token, signing staff in."""
import html
import re
from datetime import date

import pytest
from flask_babel import refresh

from tests.conftest import form_token

# An event like round 3 in Satun with a small maximum, so the dashboard's flags are easy to reach.
SATUN_ROUND = dict(
    round_number=3, title_th="We Are CSO รอบที่ 3", title_en="We Are CSO round 3", province_code="91",
    applications_open_on=date(2019, 3, 14), applications_close_on=date(2019, 3, 31),
    announce_on=date(2019, 4, 2), starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8),
    works_due_on=date(2019, 4, 21), min_participants=10, max_participants=12,
)


def text_of(page):
    """What a reader sees of a page (a response or its markup): no tags, entities decoded, spaces collapsed."""
    markup = page.get_data(as_text=True) if hasattr(page, "get_data") else page
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def get_page(client, url, status=200):
    """The markup at `url`, after checking the response's status."""
    refresh()  # Flask-Babel caches the locale on the app context the fixture keeps open
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def post(client, url, form_url="/account/", **fields):
    """Post `fields` to `url` with the CSRF token of the form at `form_url`, as a browser would."""
    refresh()
    return client.post(url, data={**fields, "csrf_token": form_token(client, form_url)})


@pytest.fixture
def signed_in(client, auth, make_user):
    """signed_in(role="staff"): a user of that role, signed in on the test client."""

    def sign_in(role="staff"):
        user = make_user(role=role, display_name=f"The {role}")
        auth.login(user.email)
        return user

    return sign_in


@pytest.fixture
def staff_client(client, auth, make_user):
    """The test client, signed in as a staff member (`client.staff`)."""
    staff = make_user(role="staff", display_name="เจ้าหน้าที่ทดสอบ")
    auth.login(staff.email)
    client.staff = staff
    return client
