"""Resolving what people type for a place ("Satun", "สตูล", "TH-91", "91", "อำเภอละงู") to a code."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from flask import current_app

from directory.extensions import db
from directory.models import District, Province
from search_index.analysis import THAI_DIGITS

_PROVINCE_PREFIXES = ("จังหวัด", "จ.", "changwat ")
_DISTRICT_PREFIXES = ("อำเภอ", "อ.", "เขต", "khet ", "amphoe ")
_IGNORED = re.compile(r"[\s\-'’.()]+")
_DISTRICT_SUFFIX = re.compile(r"\s+district$")


class AmbiguousPlace(ValueError):
    """The name fits several places; the message lists their codes."""


@dataclass(frozen=True)
class PlaceRef:
    code: str
    name_th: str
    name_en: str
    latitude: float
    longitude: float
    province_code: str


def normalise(text, prefixes=()):
    text = text.strip().translate(THAI_DIGITS).casefold()
    text = _DISTRICT_SUFFIX.sub("", text)
    for prefix in prefixes:
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    return _IGNORED.sub("", text)


def by_every_name(rows):
    """{name: row} keyed by each row's slug, Thai and English names, normalised as places are.

    For the taxonomies people name in any of those forms (regions, issue areas, organisation types).
    """
    found = {}
    for row in rows:
        for name in (row.slug, row.name_th, row.name_en):
            found[normalise(name)] = row
    return found


class Gazetteer:
    """An in-memory index of the provinces and districts, built once from the database."""

    def __init__(self, provinces, districts):
        self.provinces = {p.code: _ref(p, p.code) for p in provinces}
        self.districts = {d.code: _ref(d, d.province_code) for d in districts}
        self._province_keys = {}
        for province in provinces:
            for key in (province.code, province.iso_code, province.name_th, province.name_en):
                self._province_keys[normalise(key, _PROVINCE_PREFIXES)] = province.code
        self._district_keys = defaultdict(set)
        for district in districts:
            for key in (district.name_th, district.name_en):
                self._district_keys[normalise(key, _DISTRICT_PREFIXES)].add(district.code)

    def province(self, text) -> PlaceRef | None:
        if not text or not text.strip():
            return None
        code = self._province_keys.get(normalise(text, _PROVINCE_PREFIXES))
        return self.provinces.get(code)

    def district(self, text, province_code=None) -> PlaceRef | None:
        """Find a district by code or name, within one province when given.

        Raises AmbiguousPlace where a name fits several districts (e.g. two "Bang Sai" in Ayutthaya).
        """
        if not text or not text.strip():
            return None
        key = normalise(text, _DISTRICT_PREFIXES)
        codes = {key} & self.districts.keys() or self._district_keys.get(key, set())
        if province_code:
            codes = {c for c in codes if self.districts[c].province_code == province_code}
        if len(codes) > 1:
            raise AmbiguousPlace("; ".join(sorted(codes)))
        return self.districts[next(iter(codes))] if codes else None  # codes may be the index's own set


def _ref(place, province_code):
    return PlaceRef(place.code, place.name_th, place.name_en, place.latitude, place.longitude, province_code)


def gazetteer() -> Gazetteer:
    """The app's gazetteer, built on first use; reference data changes only when seeded."""
    cached = current_app.extensions.get("gazetteer")
    if cached is None:
        cached = Gazetteer(db.session.scalars(db.select(Province)).all(),
                           db.session.scalars(db.select(District)).all())
        current_app.extensions["gazetteer"] = cached
    return cached


def forget_gazetteer():
    current_app.extensions.pop("gazetteer", None)
