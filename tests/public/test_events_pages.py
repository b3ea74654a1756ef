"""The public event pages: the list, an event's page with its dates, hosts and application area."""
from datetime import date, datetime

import pytest

from directory.extensions import db
from directory.services.programme.events import cancel_event
from directory.services.programme.hosts import add_host
from tests.event_factories import make_applicant_with_personal_data, make_event

SATUN_SLUG = "we-are-cso-3-satun-la-ngu-2019"


@pytest.fixture
def satun(programme):
    return programme[SATUN_SLUG]


def event_url(event):
    return f"/events/{event.public_id}/{event.slug}"


def test_the_satun_round_in_thai_with_buddhist_era_dates(page, satun, set_clock):
    set_clock(2019, 3, 20)
    shown = page(event_url(satun), lang="th")
    assert "We Are CSO : ภาคประชาสังคมใคร ๆ ก็เป็นได้ ครั้งที่ 3 อำเภอละงู จังหวัดสตูล" in shown.text
    assert "6-8 เมษายน 2562" in shown.text
    assert "14-31 มีนาคม 2562" in shown.text  # the application window
    assert "2 เมษายน 2562" in shown.text and "21 เมษายน 2562" in shown.text
    assert "อำเภอละงู จังหวัดสตูล" in shown.text
    assert "เสื้อแขนยาว" in shown.text
    assert "thethaiact@gmail.com" in shown.text and "09 4868 6855" in shown.text and "@Thethaiact" in shown.text
    assert "เปิดรับสมัคร" in shown.text
    assert "2019" not in shown.section('id="when-where"', "</section>")


def test_the_satun_round_in_english_with_gregorian_dates(page, satun, set_clock):
    set_clock(2019, 3, 20)
    shown = page(event_url(satun), lang="en")
    assert "6-8 April 2019" in shown.text
    assert "14-31 March 2019" in shown.text
    assert "2 April 2019" in shown.text and "21 April 2019" in shown.text
    assert "At least 10 people" in shown.text
    assert "long-sleeved clothes and sun protection" in shown.text
    assert "Open for applications" in shown.text
    assert "2562" not in shown.section('id="when-where"', "</section>")


def test_the_canonical_address_has_the_slug_and_any_slug_finds_the_event(page, satun):
    shown = page(f"/events/{satun.public_id}")
    assert f'rel="canonical" href="http://localhost/events/{satun.public_id}/{satun.slug}"' in shown
    assert "6-8 เมษายน 2562" in page(f"/events/{satun.public_id}/old-slug").text


@pytest.mark.parametrize("public_id", ["nosuchid", "bad%00id", "x" * 200])
def test_an_unknown_event_is_a_404(page, programme, public_id):
    page(f"/events/{public_id}", status=404)


def test_before_the_window_the_page_says_when_applications_open(page, satun, set_clock):
    set_clock(2019, 3, 13, 23, 59)
    shown = page(event_url(satun), lang="en")
    assert "Applications open on 14 March 2019." in shown.text
    assert 'class="application-form"' not in shown
    assert "Applications open on 14 มีนาคม 2562." not in shown.text
    thai = page(event_url(satun), lang="th")
    assert "14 มีนาคม 2562" in thai.section('id="apply"', "</section>")


def test_inside_the_window_the_page_has_the_application_form(page, satun, set_clock):
    set_clock(2019, 3, 14, 0, 0)
    shown = page(event_url(satun), lang="en")
    area = shown.section('id="apply"', "</article>")  # the form comes last, after hosts and contacts
    assert 'class="application-form"' in area
    assert f'action="/events/{satun.public_id}/apply"' in area
    assert "Applications are open until 31 March 2019 (Thailand time)." in shown.text


def test_after_midnight_in_bangkok_applications_are_closed(page, satun, clock_at):
    # 17:30 UTC on 31 March is already 1 April in Bangkok.
    clock_at(datetime.fromisoformat("2019-03-31T17:30:00+00:00"))
    shown = page(event_url(satun), lang="en")
    assert "Applications are closed." in shown.text
    assert 'class="application-form"' not in shown
    assert "Applications closed" in shown.text  # the status badge


def test_a_cancelled_event_says_so(page, satun, set_clock):
    set_clock(2019, 3, 20)
    cancel_event(satun)
    db.session.commit()
    shown = page(event_url(satun), lang="en")
    assert "This event has been cancelled." in shown.text
    assert 'class="application-form"' not in shown
    thai = page(event_url(satun), lang="th")
    assert "ยกเลิก" in thai.text


def test_the_list_puts_coming_events_first_and_gives_periods_for_unknown_dates(page, programme, set_clock):
    set_clock(2019, 3, 20)
    shown = page("/events", lang="en")
    current = shown.section('id="current-events"', "</section>")
    titles = [event.title_en for event in programme.values()]
    assert all(title in current for title in titles)
    assert "Open for applications" in current
    assert "La-ngu, Satun" in shown.text
    assert "6-8 April 2019" in current
    assert current.count("January - June 2019") == 3
    assert 'id="past-events"' not in shown
    thai = page("/events", lang="th")
    assert thai.html.count("มกราคม - มิถุนายน 2562") == 3
    assert "6-8 เมษายน 2562" in thai.text


def test_finished_and_cancelled_events_come_after_the_coming_ones(page, programme, set_clock):
    set_clock(2019, 7, 15)
    coming = make_event(title_en="A coming event", starts_on=date(2019, 9, 1), ends_on=date(2019, 9, 2),
                        applications_open_on=date(2019, 8, 1), applications_close_on=date(2019, 8, 15))
    cancelled = make_event(title_en="A cancelled event", starts_on=date(2019, 10, 1))
    cancel_event(cancelled)
    db.session.commit()
    shown = page("/events", lang="en")
    current = shown.section('id="current-events"', "</section>")
    past = shown.section('id="past-events"', "</section>")
    assert coming.title_en in current and "Upcoming" in current
    assert cancelled.title_en in past and "Cancelled" in past
    assert programme[SATUN_SLUG].title_en in past and "Finished" in past
    # Latest first among the past ones.
    assert past.index(cancelled.title_en) < past.index(programme[SATUN_SLUG].title_en)


def test_the_page_lists_hosts_and_their_profiles_list_the_event(page, satun, make_organisation):
    organisation = make_organisation(name_th="กลุ่มรักษ์ป่าชายเลนละงู", name_en="La-ngu Mangrove Group",
                                     district="ละงู")
    add_host(satun, organisation, capacity=7, issue_areas=["environment"],
             activities_th="ปลูกป่าชายเลนกับชาวบ้าน", activities_en="Planting mangroves with villagers")
    db.session.commit()
    shown = page(event_url(satun), lang="en")
    hosts = shown.section('id="hosts"', "</section>")
    assert f'href="/organisations/{organisation.public_id}/{organisation.slug}"' in hosts
    assert "La-ngu Mangrove Group" in hosts
    assert "Takes up to 7 participants" in hosts
    assert "Planting mangroves with villagers" in hosts
    assert "Environment" in hosts or "environment" in hosts.lower()
    thai = page(event_url(satun), lang="th")
    assert "ปลูกป่าชายเลนกับชาวบ้าน" in thai.section('id="hosts"', "</section>")

    profile = page(f"/organisations/{organisation.public_id}", lang="th")
    hosted = profile.section('id="hosted-events"', "</section>")
    assert f'href="/events/{satun.public_id}/{satun.slug}"' in hosted
    assert "6-8 เมษายน 2562" in hosted


def test_no_personal_data_on_the_event_pages_or_the_host_profile(page, satun, make_organisation, set_clock):
    organisation = make_organisation()
    host = add_host(satun, organisation, capacity=5)
    db.session.commit()
    _, secrets_ = make_applicant_with_personal_data(satun, host=host)
    for day in ((2019, 3, 20), (2019, 4, 3), (2019, 5, 1)):
        set_clock(*day)
        for language in ("th", "en"):
            for url in ("/events", event_url(satun), f"/organisations/{organisation.public_id}"):
                shown = page(url, lang=language)
                leaked = [value for value in secrets_ if value in shown.html]
                assert not leaked, f"{url} ({language}) shows {leaked}"
