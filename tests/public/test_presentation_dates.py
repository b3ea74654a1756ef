"""Date ranges and periods as events show them: Thai with the Buddhist Era, English Gregorian."""
from datetime import date

import pytest
from flask_babel import refresh

from directory import labels, presentation
from directory.services.programme.events import EventStatus


@pytest.fixture
def in_language(app):
    contexts = []

    def use(language):
        context = app.test_request_context(f"/?lang={language}")
        context.push()
        refresh()  # Flask-Babel caches the locale on the app context, which outlives the request's
        contexts.append(context)

    yield use
    for context in reversed(contexts):
        context.pop()


@pytest.mark.parametrize(("start", "end", "thai", "english"), [
    (date(2019, 4, 6), date(2019, 4, 8), "6-8 เมษายน 2562", "6-8 April 2019"),
    (date(2019, 3, 30), date(2019, 4, 2), "30 มีนาคม - 2 เมษายน 2562", "30 March - 2 April 2019"),
    (date(2019, 12, 30), date(2020, 1, 2), "30 ธันวาคม 2562 - 2 มกราคม 2563", "30 December 2019 - 2 January 2020"),
    (date(2019, 4, 6), date(2019, 4, 6), "6 เมษายน 2562", "6 April 2019"),
    (date(2019, 4, 6), None, "6 เมษายน 2562", "6 April 2019"),
    (None, None, "", ""),
])
def test_date_ranges_say_what_the_days_share_once(in_language, start, end, thai, english):
    in_language("th")
    assert presentation.format_date_range(start, end) == thai
    assert presentation.format_date_range(start, end, "en") == english
    in_language("en")
    assert presentation.format_date_range(start, end) == english
    assert presentation.format_date_range(start, end, "th") == thai


@pytest.mark.parametrize(("start", "end", "thai", "english"), [
    (date(2019, 1, 1), date(2019, 6, 30), "มกราคม - มิถุนายน 2562", "January - June 2019"),
    (date(2019, 4, 1), date(2019, 4, 30), "เมษายน 2562", "April 2019"),
    (date(2019, 11, 1), date(2020, 2, 29), "พฤศจิกายน 2562 - กุมภาพันธ์ 2563", "November 2019 - February 2020"),
    (None, date(2019, 6, 30), "", ""),
])
def test_periods_known_only_by_their_months(in_language, start, end, thai, english):
    in_language("th")
    assert presentation.format_month_range(start, end) == thai
    assert presentation.format_month_range(start, end, "en") == english


def test_the_filters_are_registered_for_templates(app, in_language):
    in_language("th")
    template = app.jinja_env.from_string("{{ start|date_range(end) }} / {{ start|month_range(end) }}")
    assert template.render(start=date(2019, 4, 6), end=date(2019, 4, 8)) == "6-8 เมษายน 2562 / เมษายน 2562"


def test_every_event_status_has_a_thai_badge(in_language):
    in_language("th")
    thai = {status: labels.label(status) for status in EventStatus}
    in_language("en")
    english = {status: labels.label(status) for status in EventStatus}
    assert english[EventStatus.OPEN] == "Open for applications"
    assert thai[EventStatus.OPEN] == "เปิดรับสมัคร"
    assert len(set(thai.values())) == len(EventStatus)
    assert all(thai[status] != english[status] for status in EventStatus)
