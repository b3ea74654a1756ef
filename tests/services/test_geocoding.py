"""The geopy layer: an offline gazetteer geocoder by default, Nominatim only when configured.

No test talks to the network: Nominatim is only built, never asked. The remote path is exercised with
a small local geopy Geocoder standing in for it.
"""
import time

import pytest
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from directory.services.places import geocoding
from directory.services.places.gazetteer import gazetteer
from directory.services.places.geocoding import GazetteerGeocoder, Position, build_geocoder, locate, lookup

LA_NGU = "9105"
SATUN = "91"


@pytest.fixture
def offline(app):
    return GazetteerGeocoder(gazetteer())


@pytest.mark.parametrize("query", ["ละงู, สตูล", "อำเภอละงู จังหวัดสตูล", "La-ngu, Satun", "ละงู", "9105, 91"])
def test_a_district_is_found_at_its_centroid(offline, query):
    district = gazetteer().districts[LA_NGU]
    found = offline.geocode(query)
    assert (found.latitude, found.longitude) == (district.latitude, district.longitude)
    assert found.raw["code"] == LA_NGU


def test_a_province_alone_is_found_at_its_centroid(offline):
    province = gazetteer().provinces[SATUN]
    found = offline.geocode("จังหวัดสตูล")
    assert (found.latitude, found.longitude) == (province.latitude, province.longitude)


def test_a_district_of_another_province_is_not_taken(offline):
    """ละงู is in สตูล: asked within เชียงใหม่, the answer is เชียงใหม่'s centre, not ละงู's."""
    found = offline.geocode("ละงู, เชียงใหม่")
    assert found.raw["code"] == gazetteer().province("เชียงใหม่").code


def test_unknown_places_are_not_found(offline):
    assert offline.geocode("Atlantis") is None
    assert offline.geocode("ละงู, สตูล", exactly_one=False)[0].raw["code"] == LA_NGU


def test_offline_is_the_default(app):
    assert isinstance(build_geocoder({}, gazetteer()), GazetteerGeocoder)
    assert isinstance(build_geocoder({"NOMINATIM_USER_AGENT": ""}, gazetteer()), GazetteerGeocoder)


def test_nominatim_only_when_a_user_agent_is_configured(app):
    built = build_geocoder({"NOMINATIM_USER_AGENT": "cso-directory-test (admin@example.org)"}, gazetteer())
    assert isinstance(built, Nominatim)
    assert built.headers["User-Agent"] == "cso-directory-test (admin@example.org)"


class RecordingGeocoder(Geocoder):
    """A local stand-in for a remote geocoder: answers from a dict and records every question."""

    def __init__(self, answers):
        super().__init__()
        self.answers, self.asked = answers, []

    def geocode(self, query, **kwargs):
        self.asked.append((query, time.monotonic()))
        point = self.answers.get(query)
        return Location(query, point, {}) if point else None


def test_a_remote_geocoder_is_cached_and_rate_limited(app):
    remote = RecordingGeocoder({"a": (13.7, 100.5), "b": (7.0, 100.0)})
    geocode = lookup(remote)
    assert geocode("a").latitude == 13.7
    assert geocode("a").latitude == 13.7
    assert geocode("b").latitude == 7.0
    assert [query for query, _ in remote.asked] == ["a", "b"]  # the second "a" came from the cache
    assert remote.asked[1][1] - remote.asked[0][1] >= 0.95  # at most one request a second


def test_locate_offline_gives_the_district_centroid(app):
    district = gazetteer().districts[LA_NGU]
    assert locate(province_code=SATUN, district_code=LA_NGU, address="1 ถนนสายหนึ่ง") == Position(
        district.latitude, district.longitude, is_approximate=True)
    province = gazetteer().provinces[SATUN]
    assert locate(province_code=SATUN) == Position(province.latitude, province.longitude, True)
    assert locate(province_code="00") is None


def test_locate_takes_an_address_in_thailand_from_the_remote_geocoder(app):
    remote = RecordingGeocoder({"1 ถนนสายหนึ่ง, ละงู, สตูล": (6.87, 99.78), "Paris, ละงู, สตูล": (48.85, 2.35)})
    offline = lookup(GazetteerGeocoder(gazetteer()))
    app.extensions["geocoding"] = (offline, lookup(remote))
    assert locate(province_code=SATUN, district_code=LA_NGU, address=" 1  ถนนสายหนึ่ง ") == Position(
        6.87, 99.78, is_approximate=False)
    district = gazetteer().districts[LA_NGU]
    # An answer outside Thailand (or none) falls back to the district's centre.
    assert locate(province_code=SATUN, district_code=LA_NGU, address="Paris") == Position(
        district.latitude, district.longitude, is_approximate=True)


def test_the_app_builds_its_geocoders_from_its_configuration(app):
    app.extensions.pop("geocoding", None)
    offline, remote = geocoding._geocoders()
    assert remote is None
    app.config["NOMINATIM_USER_AGENT"] = "cso-directory-test"
    app.extensions.pop("geocoding")
    offline, remote = geocoding._geocoders()
    assert remote is not None
