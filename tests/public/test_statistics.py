"""/statistics and GET /api/v1/statistics: counts of published organisations and of the programme, the same in
the page's map, its table and the API, each linked to its search; the tile map places every province once."""
import csv
import re
from datetime import date, datetime, timezone
from types import SimpleNamespace

import pytest

from directory.extensions import db
from directory.models import ApplicationStatus, MediaWork, OrganisationStatus, WorkFormat
from directory.services.places.province_tiles import province_tiles
from directory.services.places.reference_data import SEEDS_DIR
from tests.event_factories import make_application, make_event


@pytest.fixture
def world(app, make_organisation, clock_at):
    clock_at(datetime(2026, 12, 1, 5, tzinfo=timezone.utc))
    for number in range(3):
        make_organisation(province="สตูล", issue_areas=["environment"], type="foundation", is_verified=number == 0)
    make_organisation(province="เชียงใหม่", issue_areas=["environment", "elderly-care"], type="association")
    make_organisation(province="เชียงใหม่", status=OrganisationStatus.DRAFT)  # not counted
    event = make_event(starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8))
    selected = make_application(event, status=ApplicationStatus.SELECTED, email="a@example.org")
    make_application(event, status=ApplicationStatus.REJECTED, email="b@example.org")
    selected.works.append(MediaWork(title="Mangroves", format=WorkFormat.VIDEO, url="https://example.org/v",
                                    is_published=True))
    make_event(starts_on=date(2019, 8, 1), ends_on=date(2019, 8, 3), is_cancelled=True)  # not counted
    db.session.commit()


def test_the_api_counts_published_organisations_and_the_programme(client, world):
    body = client.get("/api/v1/statistics").get_json()
    assert (body["total"], body["verified"], body["updated_recently"]) == (4, 1, 4)
    assert body["by_province"] == {"91": 3, "50": 1}
    assert body["by_region"]["south"] == 3 and body["by_region"]["north"] == 1 and body["by_region"]["central"] == 0
    assert body["by_issue_area"] == {"environment": 4, "elderly-care": 1}
    assert body["by_type"] == {"foundation": 3, "association": 1}
    assert body["programme"] == [{"year": 2019, "events": 1, "applicants": 2, "participants": 1,
                                  "works_published": 1}]


def test_the_page_shows_the_same_figures_in_its_map_and_its_table(client, world):
    page = client.get("/statistics").get_data(as_text=True)
    api = client.get("/api/v1/statistics").get_json()
    on_map = {code: int(count) for code, count in re.findall(r'data-province="(\d+)" data-count="(\d+)"', page)}
    in_table = {code: int(count) for code, count in re.findall(
        r'<tr data-province="(\d+)">.*?<td class="count">(\d+)</td>', page, re.S)}
    assert len(on_map) == len(in_table) == 77
    assert on_map == in_table
    assert {code: count for code, count in on_map.items() if count} == api["by_province"]
    assert 'href="/organisations?province=91"' in page and 'href="/organisations?region=south"' in page
    assert 'href="/organisations?issue=environment"' in page and 'href="/organisations?type=foundation"' in page
    assert re.search(r'<tr data-year="2019"><th scope="row">2562</th>\s*<td>1</td><td>2</td><td>1</td><td>1</td>', page)


def test_the_busiest_province_is_darkest_and_an_empty_one_is_blank(client, world):
    page = client.get("/statistics").get_data(as_text=True)
    level = dict(re.findall(r'data-province="(\d+)".*?class="tile level-(\d)"', page, re.S))
    assert (level["91"], level["50"], level["10"]) == ("4", "2", "0")


def test_every_province_gets_its_own_tile_near_its_centre():
    with (SEEDS_DIR / "provinces.csv").open(encoding="utf-8") as handle:
        provinces = [SimpleNamespace(code=row["code"], latitude=float(row["lat"]), longitude=float(row["lon"]))
                     for row in csv.DictReader(handle)]
    tiles = {tile.code: tile for tile in province_tiles(provinces)}
    assert len(tiles) == 77 and len({(tile.column, tile.row) for tile in tiles.values()}) == 77
    # Chiang Rai is north of Bangkok, Narathiwat south and Ubon Ratchathani east of it.
    assert tiles["57"].row < tiles["10"].row < tiles["96"].row
    assert tiles["34"].column > tiles["10"].column
    assert province_tiles(reversed(provinces)) == province_tiles(provinces)  # the same layout every time


def test_an_empty_directory_has_a_page_too(client, app):
    page = client.get("/statistics?lang=en").get_data(as_text=True)
    assert "No event yet." in page
    assert client.get("/api/v1/statistics").get_json()["total"] == 0


def test_each_worker_counts_at_most_once_a_minute(app, client, world, make_organisation):
    app.config["STATISTICS_CACHE_S"] = 60
    assert client.get("/api/v1/statistics").get_json()["total"] == 4
    make_organisation()
    assert client.get("/api/v1/statistics").get_json()["total"] == 4  # the figures counted a moment ago
    app.extensions["directory_statistics"]["until"] = 0  # a minute later
    assert client.get("/api/v1/statistics").get_json()["total"] == 5


def test_each_figure_is_what_the_search_it_links_to_finds(client, world, make_organisation):
    make_organisation(province="สตูล", type=None, issue_areas=["elderly-care"])  # no type
    body = client.get("/api/v1/statistics").get_json()
    assert body["total"] == 5 and body["by_type"][""] == 1

    def found(**filters):
        return client.get("/api/v1/organisations", query_string=filters).get_json()["total"]

    assert all(found(province=code) == count for code, count in body["by_province"].items())
    assert all(found(issue=slug) == count for slug, count in body["by_issue_area"].items())
    assert all(found(type=slug) == count for slug, count in body["by_type"].items() if slug)
    assert all(found(region=slug) == count for slug, count in body["by_region"].items())
    assert found() == body["total"]
