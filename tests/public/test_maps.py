"""Maps: the points each page hands to static/maps.js, the vendored Leaflet, and the tiles' place in the policy."""
import json
import re
from pathlib import Path

import pytest

from directory.extensions import db
from directory.map_features import APPROXIMATE_RADIUS_M
from directory.models import OrganisationStatus
from directory.security import content_security_policy
from directory.services.programme.hosts import add_host

STATIC = Path(__file__).resolve().parents[2] / "directory" / "static"


def features_in(page, map_id):
    """The GeoJSON features a page gives the map `map_id`."""
    found = re.search(rf'id="{map_id}"[^>]*data-features=\'([^\']*)\'', page.html)
    assert found, f"no features for #{map_id}"
    return json.loads(found.group(1).replace("&#34;", '"'))


def map_of(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.get_json()


def test_the_results_page_points_its_map_at_the_same_search_without_the_paging(page, make_organisation):
    make_organisation(province="สตูล", district="ละงู", issue_areas=["environment"])
    body = page("/organisations?province=91&issue=environment&issue=elderly-care&page=1&per_page=5")
    frame = body.section('<details class="results-map"', "</details>")
    assert "hidden" in frame.split(">")[0]  # drawn by maps.js: without JavaScript only the list shows
    url = re.search(r'data-features-url="([^"]+)"', frame).group(1).replace("&amp;", "&")
    assert url.startswith("/organisations/map.json?")
    assert sorted(url.split("?")[1].split("&")) == ["issue=elderly-care", "issue=environment", "province=91"]
    assert "data-cluster" in frame and 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in frame
    assert "vendor/leaflet/leaflet.js" in body and "maps.js" in body


def test_the_map_has_the_results_in_their_order_and_follows_the_filters(client, make_organisation):
    exact = make_organisation(name_th="กลุ่มแม่น้ำ", province="สตูล", latitude=6.9, longitude=99.8)
    district = make_organisation(name_th="กลุ่มป่าชายเลน", province="สตูล", district="ละงู")
    elsewhere = make_organisation(name_th="กลุ่มดอยสูง", province="เชียงใหม่")
    unplaced = make_organisation(name_th="กลุ่มไร้ที่ตั้ง", province="สตูล")
    unplaced.latitude = unplaced.longitude = None
    make_organisation(name_th="กลุ่มร่าง", province="สตูล", status=OrganisationStatus.DRAFT)
    db.session.commit()

    everything = map_of(client, "/organisations/map.json?sort=name")
    assert everything["type"] == "FeatureCollection" and everything["total"] == 4
    by_name = {f["properties"]["name"]: f for f in everything["features"]}
    assert list(by_name) == ["กลุ่มดอยสูง", "กลุ่มป่าชายเลน", "กลุ่มแม่น้ำ"]  # by name; no position, no point
    assert by_name["กลุ่มแม่น้ำ"]["geometry"] == {"type": "Point", "coordinates": [99.8, 6.9]}
    assert "radius_m" not in by_name["กลุ่มแม่น้ำ"]["properties"]
    assert by_name["กลุ่มป่าชายเลน"]["properties"]["radius_m"] == APPROXIMATE_RADIUS_M["district"]
    assert by_name["กลุ่มดอยสูง"]["properties"]["radius_m"] == APPROXIMATE_RADIUS_M["province"]
    assert by_name["กลุ่มแม่น้ำ"]["properties"]["url"] == f"/organisations/{exact.public_id}"

    satun = map_of(client, "/organisations/map.json?province=91")
    assert satun["total"] == 3
    assert {f["properties"]["url"].split("/")[2] for f in satun["features"]} == {exact.public_id, district.public_id}
    assert elsewhere.public_id not in json.dumps(satun)
    english = map_of(client, f"/organisations/map.json?q={district.public_id[:0]}ป่าชายเลน&lang=en")
    assert [f["properties"]["name"] for f in english["features"]] == [district.name_en]


def test_the_map_shows_at_most_the_configured_number_and_the_page_says_so(app, page, client, make_organisation):
    for _ in range(3):
        make_organisation(province="สตูล")
    app.config["MAP_MARKER_LIMIT"] = 2
    assert len(map_of(client, "/organisations/map.json")["features"]) == 2
    assert "แผนที่แสดง 2 รายการแรกจากทั้งหมด 3 รายการ" in page("/organisations").text
    app.config["MAP_MARKER_LIMIT"] = 3
    assert "รายการแรกจากทั้งหมด" not in page("/organisations?sort=name").text  # another search: not the cached page


def test_a_search_without_results_has_no_map(page):
    assert 'class="results-map"' not in page("/organisations?q=ไม่มีองค์กรไหนชื่อนี้เลย")


def test_a_bad_filter_on_the_map_is_a_json_error_naming_it(client):
    response = client.get("/organisations/map.json?radius_km=-3&near=6.9,99.8")
    assert response.status_code == 400 and response.mimetype == "application/json"
    assert "radius_km" in response.get_json()["fields"]


def test_the_map_says_nothing_but_public_names_links_and_positions(client, make_organisation):
    make_organisation(phone="074-123 456", email="info@example.org", address="12 หมู่ 3")
    collection = map_of(client, "/organisations/map.json")
    assert {key for feature in collection["features"] for key in feature["properties"]} <= {
        "name", "url", "kind", "radius_m"}
    assert "074" not in json.dumps(collection) and "example.org" not in json.dumps(collection)


def test_a_profile_map_shows_an_exact_point_as_a_pin(page, make_organisation):
    organisation = make_organisation(name_th="กลุ่มแม่น้ำ", latitude=6.9, longitude=99.8)
    body = page(f"/organisations/{organisation.public_id}")
    [feature] = features_in(body, "profile-map")
    assert feature["geometry"]["coordinates"] == [99.8, 6.9] and "radius_m" not in feature["properties"]
    assert "ตำแหน่งที่องค์กรให้ไว้" in body.text and "แผนที่: ที่ตั้งของ กลุ่มแม่น้ำ" in body


def test_a_profile_map_shows_an_approximate_position_as_the_district_and_says_so(page, make_organisation):
    organisation = make_organisation(province="สตูล", district="ละงู")
    body = page(f"/organisations/{organisation.public_id}", lang="en")
    [feature] = features_in(body, "profile-map")
    assert feature["properties"]["radius_m"] == APPROXIMATE_RADIUS_M["district"]
    assert "The dashed circle covers the area the position stands for" in body.text


def test_a_profile_without_a_position_has_no_map_and_loads_no_map_code(page, make_organisation):
    organisation = make_organisation()
    organisation.latitude = organisation.longitude = None
    db.session.commit()
    body = page(f"/organisations/{organisation.public_id}")
    assert 'id="profile-map"' not in body and "leaflet" not in body


def test_an_event_map_has_the_venue_area_and_the_hosts(page, programme, make_organisation):
    event = next(iter(programme.values()))
    host = make_organisation(name_th="มูลนิธิเจ้าภาพ", province="สตูล", latitude=6.9, longitude=99.8)
    add_host(event, host, capacity=2)
    db.session.commit()
    body = page(f"/events/{event.public_id}")
    venue, *hosts = features_in(body, "event-map")
    assert venue["properties"]["kind"] == "venue" and venue["properties"]["radius_m"] > 0
    place = event.district or event.province
    assert venue["geometry"]["coordinates"] == [round(place.longitude, 5), round(place.latitude, 5)]
    assert [(h["properties"]["kind"], h["properties"]["name"]) for h in hosts] == [("host", "มูลนิธิเจ้าภาพ")]


def test_leaflet_is_served_from_here_with_its_licences(client):
    for path in ("vendor/leaflet/leaflet.js", "vendor/leaflet/leaflet.css", "vendor/leaflet/images/marker-icon.png",
                 "vendor/leaflet.markercluster/leaflet.markercluster.js", "maps.js"):
        response = client.get(f"/static/{path}")
        assert response.status_code == 200, path
        response.close()
    assert "BSD 2-Clause" in (STATIC / "vendor/leaflet/LICENSE").read_text()
    assert "MIT" in (STATIC / "vendor/leaflet.markercluster/MIT-LICENCE.txt").read_text()
    assert "leaflet@1.9.4" in (STATIC / "vendor/README.md").read_text()


def test_no_page_loads_a_script_or_style_from_elsewhere(page, make_organisation):
    organisation = make_organisation()
    for url in ("/organisations", f"/organisations/{organisation.public_id}"):
        body = page(url)
        for source in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', body.html):
            assert source.startswith(("/", "https://localhost", "http://localhost")), source


@pytest.mark.parametrize("tile_url, images", [
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "'self' data: https://tile.openstreetmap.org"),
    ("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "'self' data: https://*.tiles.example.org"),
    ("http://127.0.0.1:8123/{z}/{x}/{y}.png", "'self' data: http://127.0.0.1:8123"),
    ("/tiles/{z}/{x}/{y}.png", "'self' data:"),
])
def test_the_policy_allows_the_tiles_as_images_and_nothing_more(tile_url, images):
    policy = dict(part.strip().split(" ", 1) for part in content_security_policy(tile_url).split(";"))
    assert policy["img-src"] == images
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'" and policy["default-src"] == "'self'"


def test_the_map_of_a_distance_search_has_the_results_nearest_first(client, page, make_organisation):
    for name, (latitude, longitude) in {"ไกล": (7.3, 99.9), "ใกล้": (6.91, 99.81), "กลาง": (7.0, 99.85)}.items():
        make_organisation(name_th=f"กลุ่ม{name}", latitude=latitude, longitude=longitude)
    search = "near=6.9,99.8&radius_km=100&sort=distance"
    on_map = [f["properties"]["name"] for f in map_of(client, f"/organisations/map.json?{search}")["features"]]
    assert on_map == page(f"/organisations?{search}").result_names() == ["กลุ่มใกล้", "กลุ่มกลาง", "กลุ่มไกล"]
