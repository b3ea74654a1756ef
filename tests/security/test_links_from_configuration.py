"""Links the app mails or shows are built from PUBLIC_BASE_URL, never from the request's Host header."""
import pytest

from tests.api.test_api_applications import body as application_form
from tests.conftest import _CSRF_FIELD as CSRF_FIELD

BASE = "https://directory.example.org/cso"
FORGED = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}


@pytest.fixture
def configured(app):
    app.config["PUBLIC_BASE_URL"] = BASE
    return app


def links_in(mailbox, to):
    return mailbox.links(mailbox.last(to=to))


def post_with_forged_host(client, url, data):
    """Read the form and post it as a browser would, every request with the forged Host (the session
    cookie is then the forged host's too)."""
    page = client.get(url, headers=FORGED).get_data(as_text=True)
    token = CSRF_FIELD.search(page).group(1)
    return client.post(url, data={**data, "csrf_token": token}, headers=FORGED)


def test_a_reset_link_ignores_a_forged_host(configured, client, make_user, mailbox):
    user = make_user(email="somchai@example.org")
    post_with_forged_host(client, "/account/forgot-password", {"email": user.email})
    links = links_in(mailbox, user.email)
    assert any(link.startswith(f"{BASE}/account/reset-password/") for link in links)
    assert not any("evil.example" in link for link in links)


def test_a_verification_link_ignores_a_forged_host(configured, client, mailbox):
    post_with_forged_host(client, "/account/sign-up", {
        "display_name": "Malee", "email": "malee@example.org", "password": "a quiet river at dawn 2569"})
    links = links_in(mailbox, "malee@example.org")
    assert links and all(link.startswith(BASE) for link in links)


def test_an_applicants_receipt_and_private_link_ignore_a_forged_host(configured, client, open_round, mailbox):
    response = client.post(f"/api/v1/events/{open_round.public_id}/applications", json=application_form(),
                           headers=FORGED)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["private_link"].startswith(f"{BASE}/applications/")
    links = links_in(mailbox, application_form()["email"])
    assert links and all(link.startswith(BASE) for link in links)


def test_api_links_use_the_configured_address(configured, client, make_organisation):
    organisation = make_organisation()
    body = client.get(f"/api/v1/organisations/{organisation.public_id}", headers=FORGED).get_json()
    assert body["url"].startswith(f"{BASE}/organisations/{organisation.public_id}")


def test_trusted_hosts_refuse_any_other_host(app, client):
    app.config["TRUSTED_HOSTS"] = ["directory.example.org", "localhost"]
    assert client.get("/", headers={"Host": "directory.example.org"}).status_code == 200
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
