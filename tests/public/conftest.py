"""Fetching public pages and reading what they show."""
import html
import re
from functools import cached_property

import pytest
import sqlalchemy as sa
from flask_babel import refresh

from directory.extensions import db
from directory.models import Event
from directory.services.programme.events import seed_programme_events


class RenderedPage:
    """A page's HTML; `phrase in page` looks in the markup, page.text is what a reader sees."""

    def __init__(self, markup):
        self.html = markup

    def __contains__(self, fragment):
        return fragment in self.html

    @cached_property
    def text(self):
        """Without tags, entities decoded, whitespace collapsed; block elements separate words."""
        inline_gone = re.sub(r"</?(a|span|code|em|strong|b)\b[^>]*>", "", self.html)
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline_gone)).split())

    def count_after(self, href):
        """The count shown beside the link to href in the home, province and issue lists."""
        match = re.search(rf'href="{re.escape(href)}">[^<]*</a>\s*<span class="count">'
                          r'<span aria-hidden="true">(\d+)</span>', self.html)
        assert match, f"no counted link to {href}"
        return int(match.group(1))

    def result_names(self):
        """The names of the listed organisations, in order (as read: without the search's <mark>s)."""
        return [html.unescape(re.sub(r"</?mark>", "", name)) for name in
                re.findall(r'<h2 class="card-title"><a href="[^"]+"[^>]*>(.*?)</a>', self.html)]

    def section(self, start, end):
        """The markup from the first `start` to the next `end` after it."""
        begin = self.html.index(start)
        return self.html[begin:self.html.index(end, begin)]


@pytest.fixture
def page(client):
    """page(url, lang=None, status=200) -> RenderedPage, after checking the response's status."""

    def get(url, lang=None, status=200):
        # The app fixture's context outlives each request, and Flask-Babel caches the locale on it.
        refresh()
        if lang:
            url = f"{url}{'&' if '?' in url else '?'}lang={lang}"
        response = client.get(url)
        assert response.status_code == status, response.get_data(as_text=True)[:3000]
        assert response.mimetype == "text/html"
        return RenderedPage(response.get_data(as_text=True))

    return get


@pytest.fixture
def programme(app):
    """The seeded We Are CSO rounds, by slug."""
    seed_programme_events()
    db.session.commit()
    return {event.slug: event for event in db.session.scalars(sa.select(Event))}
