"""Where an organisation is when its editors give no coordinates: geopy is the one geocoding layer.

By default the geocoder is offline: a geopy Geocoder over the seeded provinces and districts (the
gazetteer), which answers "ละงู, สตูล" with the district's centroid. Only when NOMINATIM_USER_AGENT
is configured is OpenStreetMap's Nominatim asked, for a street address; it is called at most once a
second (its usage policy) through geopy's RateLimiter, and its answers are cached in the process.
A failure or an answer outside Thailand falls back to the centroid, so an edit never waits on it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flask import current_app
from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from directory.models.organisations import THAILAND_BOUNDS
from directory.services.places.gazetteer import AmbiguousPlace, gazetteer

NOMINATIM_TIMEOUT_SECONDS = 5
NOMINATIM_MIN_DELAY_SECONDS = 1.0
CACHE_SIZE = 2048
_SEPARATORS = re.compile(r"\s*[,\n]\s*")


@dataclass(frozen=True)
class Position:
    latitude: float
    longitude: float
    is_approximate: bool  # the centre of a district or province, not the organisation's own address


class GazetteerGeocoder(Geocoder):
    """Offline geocoding of "district, province" (Thai or English names, codes) to seeded centroids.

    Without a province, a district name found in one province only is accepted.
    """

    def __init__(self, places):
        super().__init__()
        self.places = places

    def geocode(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL):
        place = self._place(str(query))
        if place is None:
            return None
        location = Location(place.name_th, (place.latitude, place.longitude),
                            {"code": place.code, "name_en": place.name_en})
        return location if exactly_one else [location]

    def _place(self, query):
        parts = [part for part in _SEPARATORS.split(query.strip()) if part]
        if len(parts) == 1:
            parts = parts[0].split()  # "อำเภอละงู จังหวัดสตูล"
        province = next((found for part in reversed(parts) if (found := self.places.province(part))), None)
        others = [part for part in parts if self.places.province(part) is None]
        for part in others:
            try:
                district = self.places.district(part, province.code if province else None)
            except AmbiguousPlace:
                continue
            if district is not None:
                return district
        return province


def build_geocoder(config, places):
    """Nominatim when NOMINATIM_USER_AGENT names this site (its policy requires one), else offline."""
    user_agent = config.get("NOMINATIM_USER_AGENT")
    if user_agent:
        return Nominatim(user_agent=user_agent, timeout=NOMINATIM_TIMEOUT_SECONDS)
    return GazetteerGeocoder(places)


def lookup(geocoder):
    """geocode(query) -> Location | None: rate-limited when the geocoder is remote, cached in any case."""
    geocode = geocoder.geocode
    if not isinstance(geocoder, GazetteerGeocoder):
        # No retries: a form submission should not wait out a remote service.
        geocode = RateLimiter(geocode, min_delay_seconds=NOMINATIM_MIN_DELAY_SECONDS, max_retries=0,
                              swallow_exceptions=True, return_value_on_exception=None)

    @lru_cache(maxsize=CACHE_SIZE)
    def cached(query):
        try:
            return geocode(query, country_codes="th") if isinstance(geocoder, Nominatim) else geocode(query)
        except GeopyError:
            current_app.logger.warning("geocoding failed for %r", query, exc_info=True)
            return None

    return cached


def _geocoders():
    """(offline geocode, remote geocode or None) for this app, built on first use with their caches."""
    found = current_app.extensions.get("geocoding")
    if found is None:
        places = gazetteer()
        chosen = build_geocoder(current_app.config, places)
        offline = lookup(GazetteerGeocoder(places))
        remote = None if isinstance(chosen, GazetteerGeocoder) else lookup(chosen)
        found = current_app.extensions["geocoding"] = (offline, remote)
    return found


def locate(*, province_code, district_code=None, address=None) -> Position | None:
    """Where an organisation is: its address found by Nominatim in Thailand when that is configured,
    else its district's centroid (its province's without a district). None for an unknown province."""
    places = gazetteer()
    province = places.provinces.get(province_code)
    if province is None:
        return None
    district = places.districts.get(district_code) if district_code else None
    offline, remote = _geocoders()
    if remote is not None and address and address.strip():
        area = ", ".join(place.name_th for place in (district, province) if place is not None)
        found = remote(f"{' '.join(address.split())}, {area}")
        if found is not None and _in_thailand(found.latitude, found.longitude):
            return Position(found.latitude, found.longitude, is_approximate=False)
    # By code: a name may be shared by two districts, a code never.
    centre = offline(", ".join(place.code for place in (district, province) if place is not None))
    if centre is None:
        return None
    return Position(centre.latitude, centre.longitude, is_approximate=True)


def _in_thailand(latitude, longitude):
    return (THAILAND_BOUNDS["lat_min"] <= latitude <= THAILAND_BOUNDS["lat_max"]
            and THAILAND_BOUNDS["lon_min"] <= longitude <= THAILAND_BOUNDS["lon_max"])
