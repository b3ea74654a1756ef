"""Link previews, schema.org JSON-LD, sharing to LINE, sitemap.xml and robots.txt: all built from
PUBLIC_BASE_URL, all showing only what the public page shows."""
import json
import re
from datetime import date
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest

from directory.extensions import db
from directory.models import OrganisationStatus
from directory.services.programme.events import cancel_event
from tests.event_factories import make_applicant_with_personal_data, make_event

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE = "https://directory.example.org"


@pytest.fixture
def site(app):
    app.config["PUBLIC_BASE_URL"] = SITE


def json_ld(page):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(block)


def meta(page, key):
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', page)
    return found and found.group(1)


@pytest.fixture
def foundation(make_organisation):
    return make_organisation(
        name_th="มูลนิธิรักษ์ทะเลสตูล", name_en="Satun Sea Foundation", province="สตูล", district="ละงู",
        description_th="ดูแลป่าชายเลนและสอนเด็กในชุมชนชายฝั่ง", phone="074-711-111", website="https://raksatun.example",
        latitude=6.8667, longitude=99.7833, founded_year=2010)


def test_a_profile_previews_with_its_own_title_description_and_address(client, site, foundation):
    page = client.get(f"/organisations/{foundation.public_id}").get_data(as_text=True)
    url = f"{SITE}/organisations/{foundation.public_id}/{foundation.slug}"
    assert meta(page, "og:url") == url and f'<link rel="canonical" href="{url}">' in page
    assert meta(page, "og:title") == "มูลนิธิรักษ์ทะเลสตูล"
    assert meta(page, "og:description") == meta(page, "description") == "ดูแลป่าชายเลนและสอนเด็กในชุมชนชายฝั่ง"
    assert meta(page, "og:locale") == "th_TH"


def test_a_profile_is_an_ngo_with_its_address_and_position(client, site, foundation):
    data = json_ld(client.get(f"/organisations/{foundation.public_id}?lang=en").get_data(as_text=True))
    assert (data["@context"], data["@type"], data["name"], data["alternateName"]) == (
        "https://schema.org", "NGO", "มูลนิธิรักษ์ทะเลสตูล", "Satun Sea Foundation")
    assert data["url"] == f"{SITE}/organisations/{foundation.public_id}/{foundation.slug}"
    assert data["address"] == {"@type": "PostalAddress", "addressLocality": "La-ngu", "addressRegion": "Satun",
                               "addressCountry": "TH"}
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 6.8667, "longitude": 99.7833}
    assert (data["telephone"], data["sameAs"], data["foundingDate"]) == (
        "074-711-111", ["https://raksatun.example"], "2010")


def test_an_approximate_position_is_not_passed_off_as_exact(client, make_organisation):
    organisation = make_organisation(province="สตูล", district="ละงู")  # placed at the district's centre
    assert organisation.is_position_approximate
    assert "geo" not in json_ld(client.get(f"/organisations/{organisation.public_id}").get_data(as_text=True))


def test_a_long_description_is_cut_for_the_preview(client, make_organisation):
    organisation = make_organisation(description_th="ป่าชายเลน " * 100)
    description = meta(client.get(f"/organisations/{organisation.public_id}").get_data(as_text=True), "description")
    assert 100 < len(description) <= 163 and description.endswith("...")


def test_an_event_is_an_event_with_its_days_and_place(client, site):
    event = make_event(venue_th="ศาลาประชาคมอำเภอละงู", starts_on=date(2026, 5, 1), ends_on=date(2026, 5, 3))
    page = client.get(f"/events/{event.public_id}").get_data(as_text=True)
    data = json_ld(page)
    assert (data["@type"], data["name"], data["startDate"], data["endDate"]) == (
        "Event", event.title_th, event.starts_on.isoformat(), event.ends_on.isoformat())
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["name"] == "ศาลาประชาคมอำเภอละงู"
    assert meta(page, "og:url") == f"{SITE}/events/{event.public_id}/{event.slug}"
    cancel_event(event)
    db.session.commit()
    data = json_ld(client.get(f"/events/{event.public_id}").get_data(as_text=True))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_profiles_and_events_share_to_line_and_copy_their_address(client, site, foundation):
    page = client.get(f"/organisations/{foundation.public_id}").get_data(as_text=True)
    url = f"{SITE}/organisations/{foundation.public_id}/{foundation.slug}"
    line = re.search(r'href="(https://social-plugins\.line\.me/lineit/share\?[^"]+)"', page).group(1)
    assert parse_qs(urlsplit(line.replace("&amp;", "&")).query)["url"] == [url]
    assert f'<input id="share-link" type="text" readonly value="{url}">' in page
    assert 'data-copy="share-link"' in page and '<script src="/static/copy.js" defer>' in page
    event = make_event()
    assert "lineit/share" in client.get(f"/events/{event.public_id}").get_data(as_text=True)


def test_the_results_page_describes_what_it_found(client, foundation):
    page = client.get("/organisations?q=ทะเล").get_data(as_text=True)
    assert meta(page, "description").startswith("พบ 1 องค์กร")


def test_the_sitemap_lists_every_published_profile_and_event_and_nothing_else(client, site, make_organisation):
    published = [make_organisation() for _ in range(3)]
    draft = make_organisation(status=OrganisationStatus.DRAFT)
    event = make_event()
    response = client.get("/sitemap.xml", headers={"Host": "attacker.example"})
    assert response.status_code == 200 and response.mimetype == "application/xml"
    root = ElementTree.fromstring(response.data)
    locations = [node.findtext(f"{SITEMAP}loc") for node in root.iter(f"{SITEMAP}url")]
    expected = {f"{SITE}/organisations/{o.public_id}/{o.slug}" for o in published}
    assert expected <= set(locations)
    assert f"{SITE}/events/{event.public_id}/{event.slug}" in locations
    assert not any(draft.public_id in location for location in locations)
    assert all(location.startswith(SITE) for location in locations)  # never the forged Host
    lastmods = [node.findtext(f"{SITEMAP}lastmod") for node in root.iter(f"{SITEMAP}url")
                if published[0].public_id in node.findtext(f"{SITEMAP}loc")]
    assert lastmods == [published[0].updated_at.date().isoformat()]


def test_the_sitemap_holds_no_private_pages(client, site, make_organisation):
    event = make_event()
    make_applicant_with_personal_data(event)
    body = client.get("/sitemap.xml").get_data(as_text=True)
    assert "/applications/" not in body and "@" not in body


def test_robots_keep_out_of_private_pages_and_find_the_sitemap(client, site):
    response = client.get("/robots.txt", headers={"Host": "attacker.example"})
    lines = response.get_data(as_text=True).splitlines()
    assert response.mimetype == "text/plain"
    for private in ("/account/", "/staff/", "/applications/"):
        assert f"Disallow: {private}" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
