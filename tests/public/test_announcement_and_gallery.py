"""The public announcement (names only, of consenting people holding a place, at a stable link) and the
gallery of published media works."""
import re
from datetime import date, datetime, timezone

import pytest

from directory.extensions import db
from directory.models import ApplicationStatus, ConsentPurpose
from tests.event_factories import make_application, make_event

S = ApplicationStatus
ROUND_3 = dict(applications_open_on=date(2019, 3, 14), applications_close_on=date(2019, 3, 31),
               announce_on=date(2019, 4, 2), starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8),
               works_due_on=date(2019, 4, 21))
NO_PUBLISH = tuple(p for p in ConsentPurpose if p is not ConsentPurpose.PUBLISH_NAME)


@pytest.fixture
def event(app):
    return make_event(**ROUND_3)


def names_on(page):
    listed = re.search(r'<ol class="announced-names" id="announced-names">(.*?)</ol>', page.html, re.DOTALL)
    return re.findall(r"<li>(.*?)</li>", listed.group(1)) if listed else []


def test_before_publication_the_page_says_when_the_list_comes(page, event, clock_at):
    clock_at(datetime(2019, 4, 1, 12, 0, tzinfo=timezone.utc))
    make_application(event, status=S.SELECTED, display_name="Nok")
    shown = page(f"/events/{event.public_id}/announcement")
    assert "ยังไม่ได้ประกาศ" in shown.text and "2 เมษายน 2562" in shown.text
    assert "Nok" not in shown.html
    english = page(f"/events/{event.public_id}/announcement", lang="en")
    assert "has not been announced yet. It is due on 2 April 2019" in english.text


def test_the_published_list_shows_display_names_only_of_consenting_people_with_a_place(page, event):
    make_application(event, status=S.SELECTED, display_name="นก", full_name="นกน้อย ใจดี", email="nok@example.net",
                     phone="0811111111", line_id="nok_line")
    make_application(event, status=S.CONFIRMED, display_name="กล้า")
    make_application(event, status=S.SELECTED, display_name="ShyPerson", consents=NO_PUBLISH)
    make_application(event, status=S.WAITLISTED, display_name="WaitingPerson")
    make_application(event, status=S.REJECTED, display_name="RejectedPerson")
    make_application(make_event(**ROUND_3, announced_at=datetime(2019, 4, 2, tzinfo=timezone.utc)),
                     status=S.SELECTED, display_name="OtherEventPerson")
    event.announced_at = datetime(2019, 4, 2, 3, tzinfo=timezone.utc)
    db.session.commit()
    url = f"/events/{event.public_id}/announcement"
    shown = page(url)
    assert names_on(shown) == ["กล้า", "นก"]
    for hidden in ("ShyPerson", "WaitingPerson", "RejectedPerson", "OtherEventPerson", "นกน้อย", "ใจดี",
                   "nok@example.net", "0811111111", "nok_line", "@"):
        assert hidden not in shown.text, hidden
    assert f'<link rel="canonical" href="http://localhost{url}">' in shown.html
    assert names_on(page(url, lang="en")) == ["กล้า", "นก"]  # the same link, the same list


def test_an_unknown_event_has_no_announcement_or_gallery(page):
    page("/events/nothing123/announcement", status=404)
    page("/events/nothing123/works", status=404)


def test_the_gallery_shows_only_published_works_featured_first(page, event):
    make_application(event, status=S.COMPLETED, display_name="Nok", works=[
        {"title": "Draft essay", "url": "https://example.org/draft"},
        {"title": "Mangroves", "url": "https://example.org/mangroves", "is_published": True,
         "published_at": datetime(2019, 4, 22, tzinfo=timezone.utc)},
        {"title": "Sea gypsies", "file_name": "a" * 32 + ".pdf", "is_published": True, "is_featured": True,
         "published_at": datetime(2019, 4, 23, tzinfo=timezone.utc)},
    ])
    make_application(event, status=S.COMPLETED, display_name="Hidden name", consents=NO_PUBLISH, works=[
        {"title": "Anonymous poster", "url": "https://example.org/poster", "is_published": True,
         "published_at": datetime(2019, 4, 24, tzinfo=timezone.utc)}])
    shown = page(f"/events/{event.public_id}/works", lang="en")
    titles = re.findall(r'<h2 class="card-title">(?:<a [^>]*>)?([^<]+)', shown.html)
    assert titles == ["Sea gypsies", "Mangroves", "Anonymous poster"]
    assert "Draft essay" not in shown.html
    assert f'href="/works/files/{"a" * 32}.pdf"' in shown.html
    assert 'href="https://example.org/mangroves"' in shown.html
    assert "By Nok" in shown.text and "By a participant" in shown.text and "Hidden name" not in shown.text
    assert "Featured" in shown.text and "Photo set" not in shown.text and "Article" in shown.text


def test_an_empty_gallery_says_so(page, event):
    assert "No media works have been published" in page(f"/events/{event.public_id}/works", lang="en").text


def test_a_finished_event_without_a_list_says_it_was_not_published_here(page, event, clock_at):
    clock_at(datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc))
    shown = page(f"/events/{event.public_id}/announcement")
    assert "รายชื่อผู้ได้รับคัดเลือกไม่ได้เผยแพร่บนเว็บไซต์นี้" in shown.text
    assert "ยังไม่ได้ประกาศ" not in shown.text and "2 เมษายน 2562" not in shown.text.split("กิจกรรมนี้จบแล้ว")[1]
    english = page(f"/events/{event.public_id}/announcement", lang="en")
    assert "was not published on this site" in english.text and "It is due on" not in english.text


@pytest.mark.parametrize("dates", [ROUND_3, {}], ids=["with its dates", "known only by its months"])
def test_the_api_never_says_not_yet_of_a_finished_event(client, clock_at, dates):
    event = make_event(**dates, period_starts_on=date(2019, 4, 1), period_ends_on=date(2019, 4, 30)) \
        if not dates else make_event(**dates)
    clock_at(datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc))
    body = client.get(f"/api/v1/events/{event.public_id}").get_json()
    assert body["status"] == "finished" and body["application_window"] == "closed"
