"""'Add to calendar': an event's days and deadlines as an .ics file any calendar reads, and the home page's
open events."""
from datetime import date, timedelta

import pytest
from icalendar import Calendar

from directory.extensions import db
from directory.services.programme.events import cancel_event
from tests.public.test_events_pages import SATUN_SLUG


@pytest.fixture
def satun(programme):
    return programme[SATUN_SLUG]


def download(client, event, language="th"):
    response = client.get(f"/events/{event.public_id}.ics?lang={language}")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert response.headers["Content-Disposition"] == f'attachment; filename="we-are-cso-{event.public_id}.ics"'
    return Calendar.from_ical(response.data)


def by_kind(calendar, event):
    return {str(item["uid"]).split("@")[0].removeprefix(f"{event.public_id}-"): item
            for item in calendar.walk("VEVENT")}


def test_the_satun_round_has_its_days_and_its_three_deadlines(client, satun):
    calendar = download(client, satun)
    assert str(calendar["version"]) == "2.0"
    items = by_kind(calendar, satun)
    assert set(items) == {"event", "applications_close", "announcement", "works_due"}
    event = items["event"]
    # All-day entries: 6 to 8 April 2019 is DTSTART 6 April and DTEND the day after the last day.
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (date(2019, 4, 6), date(2019, 4, 9))
    assert items["applications_close"].decoded("dtstart") == date(2019, 3, 31)
    assert items["announcement"].decoded("dtstart") == date(2019, 4, 2)
    assert items["works_due"].decoded("dtstart") == date(2019, 4, 21)
    assert str(items["applications_close"]["summary"]).startswith("ปิดรับสมัคร: ")
    assert "สตูล" in str(event["location"]) and "ละงู" in str(event["location"])
    assert str(event["url"]) == f"http://localhost/events/{satun.public_id}/{SATUN_SLUG}"
    assert all(str(item["uid"]).endswith("@localhost") for item in items.values())
    assert "STATUS" not in event


def test_the_uids_stay_the_same_so_a_second_import_updates(client, satun):
    first = {str(item["uid"]) for item in download(client, satun).walk("VEVENT")}
    again = {str(item["uid"]) for item in download(client, satun, "en").walk("VEVENT")}
    assert first == again and len(first) == 4


def test_english_names_the_entries_in_english(client, satun):
    items = by_kind(download(client, satun, "en"), satun)
    assert str(items["works_due"]["summary"]).startswith("Media works due: ")


def test_a_cancelled_event_says_so_in_every_entry(client, satun):
    cancel_event(satun)
    db.session.commit()
    assert {str(item["status"]) for item in download(client, satun).walk("VEVENT")} == {"CANCELLED"}


def test_an_unknown_event_is_a_404(client, programme):
    assert client.get("/events/nothing123.ics").status_code == 404


def test_the_event_page_links_to_its_calendar(client, satun):
    page = client.get(f"/events/{satun.public_id}/{SATUN_SLUG}").get_data(as_text=True)
    assert f'href="/events/{satun.public_id}.ics" download' in page


def test_the_home_page_shows_the_events_open_for_applications(client, programme, set_clock):
    satun = programme[SATUN_SLUG]
    set_clock(2019, 3, 20)
    page = client.get("/").get_data(as_text=True)
    section = page[page.index('id="open-events"'):page.index("</section>", page.index('id="open-events"'))]
    assert f'href="/events/{satun.public_id}/{SATUN_SLUG}"' in section
    assert "เปิดรับสมัครถึงวันที่ 31 มีนาคม 2562" in section
    set_clock(2019, 4, 1)  # the window closed at the end of 31 March
    assert 'id="open-events"' not in client.get("/").get_data(as_text=True)
    set_clock(2019, 3, 20)
    cancel_event(satun)
    db.session.commit()
    assert 'id="open-events"' not in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("days", [0, 1])
def test_a_one_day_event_ends_the_next_day(client, programme, days):
    from tests.event_factories import make_event

    event = make_event(starts_on=date(2026, 5, 1), ends_on=date(2026, 5, 1) + timedelta(days=days))
    item = by_kind(download(client, event), event)["event"]
    assert item.decoded("dtend") - item.decoded("dtstart") == timedelta(days=days + 1)
