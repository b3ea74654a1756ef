"""The security headers and the Content Security Policy are on every kind of response."""
import re

import pytest

from directory.security import security_headers
from tests.conftest import form_token


def policy_of(response):
    return dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))


@pytest.mark.parametrize("url, status, mimetype", [
    ("/", 200, "text/html"),
    ("/account/login", 200, "text/html"),
    ("/api/v1/organisations", 200, "application/json"),
    ("/api/v1/no-such-thing", 404, "application/json"),
    ("/no-such-page", 404, "text/html"),
    ("/static/site.css", 200, "text/css"),
])
def test_every_response_has_the_security_headers(app, client, url, status, mimetype):
    response = client.get(url)

    assert (response.status_code, response.mimetype) == (status, mimetype)
    for header, value in security_headers(app.config).items():
        assert response.headers[header] == value, header
    response.close()


def test_the_policy_allows_no_inline_or_foreign_scripts_styles_or_framing(client):
    policy = policy_of(client.get("/"))

    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert policy["default-src"] == "'self'" and policy["form-action"] == "'self'"


def test_pages_have_no_inline_scripts_or_styles(client, auth, make_user):
    """The policy would block them in the browser, so none may be written."""
    make_user(email="pages@example.org", verified=False)
    pages = ["/account/login", "/account/sign-up", "/account/forgot-password"]
    for url in pages:
        assert_no_inline_code(client.get(url).get_data(as_text=True))
    auth.login("pages@example.org")
    for url in ["/account/", "/account/tokens"]:
        assert_no_inline_code(client.get(url).get_data(as_text=True))


def assert_no_inline_code(page):
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "<style" not in page
    assert not re.search(r"\sstyle=", page)
    assert not re.search(r"\son[a-z]+=", page)


def test_plain_http_sends_no_hsts(client):
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_the_rate_limit_page_has_the_headers_too(app, client):
    app.config["PASSWORD_RESET_LIMIT"] = "1 per hour"
    token = form_token(client, "/account/forgot-password")
    client.post("/account/forgot-password", data={"email": "a@example.org", "csrf_token": token})
    response = client.post("/account/forgot-password", data={"email": "a@example.org", "csrf_token": token})

    assert response.status_code == 429
    assert response.headers["Content-Security-Policy"] == security_headers(app.config)["Content-Security-Policy"]
