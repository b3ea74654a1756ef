"""The home page's organisation counts are /statistics' (services.statistics.directory_statistics, counted in
the search index), so the two pages never show different figures for the same directory."""
import re

import pytest

from directory.models import OrganisationStatus


@pytest.fixture
def directory(make_organisation):
    """Two published organisations, a draft and an archived one."""
    make_organisation(province="สตูล", issue_areas=["environment"])
    make_organisation(province="เชียงใหม่", issue_areas=["environment", "elderly-care"])
    make_organisation(province="สตูล", issue_areas=["environment"], status=OrganisationStatus.DRAFT)
    make_organisation(province="เชียงใหม่", issue_areas=["elderly-care"], status=OrganisationStatus.ARCHIVED)


def statistics_total(page):
    return int(re.search(r'data-figure="total">(\d+)</a>', page("/statistics").html).group(1))


def test_home_and_statistics_show_the_same_figures(page, client, directory):
    home = page("/", lang="en")
    assert statistics_total(page) == 2
    assert "The directory lists 2 organisations." in home.text
    by_province = {code: int(count) for code, count in
                   re.findall(r'data-province="(\d+)" data-count="(\d+)"', page("/statistics").html)}
    assert len(by_province) == 77
    assert {code: home.count_after(f"/provinces/{code}") for code in by_province} == by_province
    by_issue_area = client.get("/api/v1/statistics").get_json()["by_issue_area"]
    assert by_issue_area == {"environment": 2, "elderly-care": 1}
    assert {slug: home.count_after(f"/issues/{slug}") for slug in by_issue_area} == by_issue_area


def test_home_shows_the_figures_statistics_keeps_for_a_while(app, page, make_organisation, directory):
    """Within STATISTICS_CACHE_S both pages show the figures counted last, not one new and one old."""
    app.config["STATISTICS_CACHE_S"] = 60
    assert statistics_total(page) == 2
    make_organisation(province="น่าน")
    assert "The directory lists 2 organisations." in page("/", lang="en").text
    assert statistics_total(page) == 2
