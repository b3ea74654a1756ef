"""'Add to calendar' in a real browser: the link downloads an .ics file that parses, with the event's days."""
from datetime import date

import pytest
from icalendar import Calendar

pytestmark = pytest.mark.browser


def test_the_event_page_downloads_its_calendar(browser_page, open_round):
    page = browser_page
    page.goto(f"/events/{open_round.public_id}?lang=en")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add the days and deadlines to your calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == f"we-are-cso-{open_round.public_id}.ics"
    calendar = Calendar.from_ical(download.path().read_bytes())
    days = {str(item["summary"]): item.decoded("dtstart") for item in calendar.walk("VEVENT")}
    assert days[open_round.title_en] == open_round.starts_on
    assert days[f"Applications close: {open_round.title_en}"] == date(2019, 3, 31)
