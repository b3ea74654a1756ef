"""An event as an iCalendar file (RFC 5545) for "add to calendar": its days and its deadlines.

Every entry is an all-day event in Thailand's calendar days; its UID stays the same from one download
to the next (the event's public id and the entry's kind), so a calendar that imports the file again
updates the entries rather than doubling them. A cancelled event's entries say CANCELLED.
"""
from dataclasses import dataclass
from datetime import date, timedelta

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from directory.services.programme.application_status import utc_now

PRODUCT_ID = "-//Civil Society Promotion Institute//Thai civil-society directory//TH"


@dataclass(frozen=True)
class Entry:
    kind: str  # "event", "applications_close", "announcement", "works_due"
    first_day: date
    last_day: date


def calendar_entries(event):
    """The event's days and the deadlines it has dates for, in date order."""
    entries = []
    if event.starts_on:
        entries.append(Entry("event", event.starts_on, event.ends_on or event.starts_on))
    for kind, day in (("applications_close", event.applications_close_on), ("announcement", event.announce_on),
                      ("works_due", event.works_due_on)):
        if day:
            entries.append(Entry(kind, day, day))
    return sorted(entries, key=lambda entry: entry.first_day)


def event_calendar(event, *, titles, location, url, uid_domain):
    """The .ics bytes. `titles`: {entry kind: summary}; `url`: the event's public page; `uid_domain`: our host."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", titles["event"])
    stamp = utc_now()
    for entry in calendar_entries(event):
        item = CalendarEvent()
        item.add("uid", f"{event.public_id}-{entry.kind}@{uid_domain}")
        item.add("dtstamp", stamp)
        item.add("summary", titles[entry.kind])
        item.add("dtstart", entry.first_day)
        item.add("dtend", entry.last_day + timedelta(days=1))  # all-day: DTEND is the day after
        item.add("url", url)
        item.add("description", url)
        if location and entry.kind == "event":
            item.add("location", location)
        item.add("transp", "TRANSPARENT" if entry.kind != "event" else "OPAQUE")
        if event.is_cancelled:
            item.add("status", "CANCELLED")
        calendar.add_component(item)
    return calendar.to_ical()
