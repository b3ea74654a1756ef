"""Posting the account forms as a browser does, and reading the pages they answer with."""
import html
import re

import pytest

from tests.conftest import form_token


@pytest.fixture
def submit(client):
    """submit(url, form_url=None, **fields): read the CSRF token from the form's page, then post."""

    def post(url, form_url=None, **fields):
        token = form_token(client, form_url or url)
        return client.post(url, data={**fields, "csrf_token": token})

    return post


def text_of(response):
    """What a reader sees: tags gone, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


def main_of(response):
    """The page's <main>, without the CSRF token (which differs per session)."""
    page = response.get_data(as_text=True)
    main = page[page.index("<main"):page.index("</main>")]
    return re.sub(r'name="csrf_token" value="[^"]+"', 'name="csrf_token"', main)


def path_of(link):
    """The path (and query) of an absolute link from a mail, for the test client."""
    return re.sub(r"^https?://[^/]+", "", link)
