"""The one place resolver: what people type for a province or district, to its code.

The importer, the public filters, the forms and the search query all read places here. Accepted:
- official Thai and English names, DOPA codes ("91", "9104") and ISO codes ("TH-91");
- everyday names, kept as data with their sources in seeds/place_aliases.csv (กรุงเทพฯ, กทม., BKK, โคราช);
- the prefixes of Thai addresses with or without a dot or a space (จ. จังหวัด อ. อำเภอ กิ่งอ. เขต), with
  subdistrict text before a district (แขวง…, ต.…) skipped;
- "เมือง", "อ.เมือง" or "Mueang" with a province: its capital district (DOPA code XX01);
- Thai whose marks were typed in another order or twice, zero-width characters, no-break spaces, Thai
  digits, stray spaces, and romanisations with or without spaces and hyphens (Chiang Mai, Chiangmai).
What cannot be placed comes back as a PlaceProblem that says why, with the nearest names.
"""
from __future__ import annotations

import csv
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app

from directory.extensions import db
from directory.i18n import Message, joined
from directory.models import District, Province
from search_index.analysis import normalise_text

ALIASES_FILE = Path(__file__).resolve().parents[3] / "seeds" / "place_aliases.csv"
BANGKOK = "10"
CAPITAL_DISTRICT_SUFFIX = "01"  # DOPA numbers each province's capital (Mueang) district XX01
SUGGESTIONS = 3
SUGGESTION_CUTOFF = 0.75

# A marker starts the text or follows a space; a romanised one must be followed by a name, since
# "Sanam Chai Khet" is a district's own name.
_MARKER = re.compile(
    r"(?:^|(?<=\s))(?:"
    r"(?P<province>จังหวัด|จ\.|จ(?=\s)|changwat\b(?=\s+\S))"
    r"|(?P<district>กิ่ง\s*อำเภอ|กิ่ง\s*อ\.|อำเภอ|อ\.|อ(?=\s)|เขต"
    r"|(?:king\s+amphoe|amphoe|amphur|khet)\b(?=\s+\S))"
    r"|(?P<subdistrict>แขวง|ตำบล|ต\.|ต(?=\s)|(?:tambon|khwaeng)\b(?=\s+\S))"
    r")\s*",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\s*\b\d{5}\s*$")
_ENGLISH_SUFFIX = re.compile(r"\s+(district|province)$")
_IGNORED = re.compile(r"[\s\-'’.,()ฯ]+")
_DISTRICT_PREFIX = re.compile(r"^(?:กิ่ง|king)?(?:อำเภอ|เขต|amphoe|amphur|khet)(?=.)")
_ENGLISH_MUEANG = re.compile(r"^m(?:ue|u|eu)ang")
_MUEANG = re.compile(r"^(?:เมือง|mueang)")


def normalise(text, prefixes=()):
    """A lookup key: cleaned Thai, Latin digits, lower case, without spaces, dots, hyphens or ฯ.

    For the taxonomies people name in several forms too (regions, issue areas, types)."""
    text = _ENGLISH_SUFFIX.sub("", normalise_text(text).strip())
    for prefix in prefixes:
        if text.startswith(prefix):
            text = text[len(prefix):]
            break
    return _IGNORED.sub("", text)


def by_every_name(rows):
    """{key: row} keyed by each row's slug, Thai and English names, normalised as places are."""
    found = {}
    for row in rows:
        for name in (row.slug, row.name_th, row.name_en):
            found[normalise(name)] = row
    return found


def labelled_parts(text):
    """Split place text at its markers: [(label, text)], label "province", "district", "subdistrict" or None.

    "ต.คลองหนึ่ง อ.คลองหลวง จ.ปทุมธานี 12120" -> subdistrict คลองหนึ่ง, district คลองหลวง, province ปทุมธานี.
    A subdistrict is one word; what follows it without a marker is unlabelled.
    """
    text = _POSTCODE.sub("", normalise_text(text).replace("\u00a0", " ")).strip()
    parts, label, start = [], None, 0
    for marker in _MARKER.finditer(text):
        parts.append((label, text[start:marker.start()]))
        label, start = marker.lastgroup, marker.end()
    parts.append((label, text[start:]))
    split = []
    for label, value in parts:
        value = value.strip(" ,")
        if label == "subdistrict" and " " in value:
            word, rest = value.split(" ", 1)
            split += [(label, word), (None, rest.strip(" ,"))]
        elif value:
            split.append((label, value))
    return [(label, value) for label, value in split if value]


class AmbiguousPlace(ValueError):
    """The name fits several districts; `codes` lists them."""

    def __init__(self, codes):
        self.codes = tuple(sorted(codes))
        super().__init__("; ".join(self.codes))


@dataclass(frozen=True)
class PlaceRef:
    code: str
    name_th: str
    name_en: str
    latitude: float
    longitude: float
    province_code: str

    @property
    def names(self):
        return f"{self.name_th} ({self.name_en})"


@dataclass(frozen=True)
class PlaceProblem:
    """Why a province or district could not be read; `message` says it in English and Thai."""

    kind: str  # "unknown", "elsewhere" (a district of another province), "ambiguous", "needs_province"
    message: Message
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inference:
    """A value the resolver filled in from another column: shown to staff as such."""

    field: str  # "province" or "district"
    place: PlaceRef
    source: str  # "district" or "address"

    @property
    def message(self):
        if self.source == "district":
            return Message("province %(place)s inferred from the district", place=self.place.names)
        if self.field == "province":
            return Message("province %(place)s inferred from the address", place=self.place.names)
        return Message("district %(place)s inferred from the address", place=self.place.names)


@dataclass(frozen=True)
class PlaceResolution:
    province: PlaceRef | None = None
    district: PlaceRef | None = None
    inferred: tuple[Inference, ...] = ()
    problems: dict = field(default_factory=dict)  # "province" / "district" -> PlaceProblem

    @property
    def province_code(self):
        return self.province.code if self.province else None

    @property
    def district_code(self):
        return self.district.code if self.district else None


class Gazetteer:
    """An in-memory index of the provinces and districts and every name people give them."""

    def __init__(self, provinces, districts, aliases=()):
        self.provinces = {p.code: _ref(p, p.code) for p in provinces}
        self.districts = {d.code: _ref(d, d.province_code) for d in districts}
        self._province_keys = {}
        for province in provinces:
            for name in (province.code, province.iso_code, province.name_th, province.name_en):
                self._province_keys[normalise(name)] = province.code
        self._district_keys = defaultdict(set)
        for district in districts:
            self._district_keys[district.code].add(district.code)
            for name in (district.name_th, district.name_en):
                self._district_keys[_district_key(name)].add(district.code)
        for alias in aliases:
            if alias["district_code"]:
                self._district_keys[_district_key(alias["alias"])].add(alias["district_code"])
            else:
                self._province_keys[normalise(alias["alias"])] = alias["province_code"]
        self._districts_of = defaultdict(set)
        for code, district in self.districts.items():
            self._districts_of[district.province_code].add(code)
        self._names = {normalise(p.name_th): p.name_th for p in provinces}
        self._names |= {normalise(p.name_en): p.name_en for p in provinces}

    # -- single lookups ----------------------------------------------------------------------------
    def province(self, text) -> PlaceRef | None:
        """A province by any of its names or codes, with or without จ./จังหวัด; None if unknown."""
        if not text or not str(text).strip():
            return None
        parts = labelled_parts(str(text))
        named = [value for label, value in parts if label == "province"]
        for candidate in (named[-1] if named else None, " ".join(value for _, value in parts)):
            code = self._province_keys.get(normalise(candidate)) if candidate else None
            if code:
                return self.provinces[code]
        return None

    def district(self, text, province_code=None) -> PlaceRef | None:
        """A district by code or name, within one province when given; None if there is none.

        Raises AmbiguousPlace where a name fits several (two "Bang Sai" in Ayutthaya; "เมือง" without
        a province).
        """
        codes = self._district_codes(text, province_code)
        if len(codes) > 1:
            raise AmbiguousPlace(codes)
        return self.districts[next(iter(codes))] if codes else None

    def capital_of(self, province_code) -> PlaceRef | None:
        return self.districts.get(province_code + CAPITAL_DISTRICT_SUFFIX) if province_code != BANGKOK else None

    # -- a province and district together -----------------------------------------------------------
    def resolve(self, province=None, district=None, address=None) -> PlaceResolution:
        """Read a province and a district as they were typed, each checked even if the other is wrong.

        An empty province is inferred from a district found in only one province; with both empty,
        from the address. Every value filled in this way is listed in `inferred`.
        """
        province_text, district_text = _text(province), _text(district)
        problems, inferred = {}, []
        found_province = self.province(province_text) if province_text else None
        if province_text and found_province is None:
            problems["province"] = self._unknown_province(province_text)
        found_district = None
        if district_text:
            hint = found_province or (None if province_text else self._province_named_in(district_text))
            found_district, problem = self._district_in(district_text, hint)
            if problem:
                problems["district"] = problem
            elif found_district and found_province is None and not province_text:
                found_province = self.provinces[found_district.province_code]
                inferred.append(Inference("province", found_province, "district"))
            if found_district and "province" in problems:  # its district says which province was meant
                problems["province"] = self._unknown_province(province_text, found_district.province_code)
        elif not province_text and address:
            found_province, found_district = self.find_in_address(address)
            inferred += [Inference(name, place, "address")
                         for name, place in (("province", found_province), ("district", found_district)) if place]
        return PlaceResolution(found_province, found_district, tuple(inferred), problems)

    def find_in_address(self, address):
        """(province, district) named in an address, or None for either: "ต.… อ.คลองหลวง จ.ปทุมธานี"."""
        parts = labelled_parts(address)
        province = None
        for label, value in reversed(parts):
            province = self._province_in_part(value, label)
            if province:
                break
        district = None
        for label, value in reversed(parts):
            if label not in ("district", None):
                continue
            for candidate in _candidates(value):
                try:
                    district = self.district(candidate, province.code if province else None)
                except AmbiguousPlace:
                    district = None
                if district:
                    break
            if district:
                break
        if district and province is None:
            province = self.provinces[district.province_code]
        return province, district

    def places_in(self, words):
        """Place names in a list of typed words: [(start, end, province codes, district codes)].

        The longest run of up to four words that names a province or district wins ("Si Chiang Mai"
        is a district of Nong Khai, "Chiang Mai" a province). "เมือง" alone names no place.
        """
        found, start = [], 0
        while start < len(words):
            for end in range(min(len(words), start + 4), start, -1):
                text = " ".join(words[start:end])
                provinces, districts = self._place_codes(text)
                if provinces or districts:
                    found.append((start, end, provinces, districts))
                    start = end
                    break
            else:
                start += 1
        return found

    # -- helpers ---------------------------------------------------------------------------------------
    def _place_codes(self, text):
        key = normalise(text)
        if len(key) < 2 or key.isdigit():
            return (), ()
        code = self._province_keys.get(key)
        if code:
            return (code,), ()
        return (), tuple(sorted(self._district_codes(text, None)))

    def _district_codes(self, text, province_code):
        if not text or not str(text).strip():
            return set()
        key = _district_key(_district_part(str(text)))
        mueang = _MUEANG.match(key)
        if mueang and mueang.end() == len(key):
            capital = self.capital_of(province_code) if province_code else None
            return {capital.code} if capital else set()
        codes = self._district_keys.get(key, set())
        if not codes and mueang:  # "เมืองโคราช": Mueang of a province by any of its names
            code = self._province_keys.get(key[mueang.end():])
            capital = self.capital_of(code) if code else None
            codes = {capital.code} if capital else set()
        if province_code:
            codes = {c for c in codes if self.districts[c].province_code == province_code}
        return set(codes)

    def _district_in(self, text, province):
        """(district, None) or (None, PlaceProblem) for district text, in `province` when known."""
        province_code = province.code if province else None
        for candidate in _candidates(text, district=True):
            codes = self._district_codes(candidate, province_code)
            if len(codes) == 1:
                return self.districts[codes.pop()], None
            if codes:
                return None, self._ambiguous_district(text, codes, province)
        key = _district_key(_district_part(text))
        if _MUEANG.fullmatch(key):
            if province is None:
                return None, PlaceProblem("needs_province", Message(
                    "'%(value)s' is the capital district of a province: give the province", value=text.strip()))
            return None, PlaceProblem("unknown", Message(
                "%(province)s has no เมือง (Mueang) district; give one of its khet", province=province.names))
        if province is not None:
            elsewhere = self._district_codes(_district_part(text), None)
            if elsewhere:
                provinces = sorted({self.provinces[self.districts[c].province_code].names for c in elsewhere})
                return None, PlaceProblem("elsewhere", Message(
                    "district '%(value)s' is not in %(province)s; it is in %(elsewhere)s",
                    value=text.strip(), province=province.names, elsewhere=joined(provinces)))
        return None, self._unknown_district(text, province)

    def _ambiguous_district(self, text, codes, province):
        in_provinces = {self.districts[code].province_code for code in codes}
        if province is None and len(in_provinces) == 1:
            province = self.provinces[in_provinces.pop()]
        if province is None:
            provinces = sorted({self.provinces[self.districts[c].province_code].names for c in codes})
            return PlaceProblem("needs_province", Message(
                "'%(value)s' is a district in several provinces (%(provinces)s): give the province",
                value=text.strip(), provinces=joined(provinces)))
        choices = [f"{code} ({self.districts[code].name_th})" for code in sorted(codes)]
        return PlaceProblem("ambiguous", Message(
            "'%(value)s' names several districts of %(province)s; give the code of one: %(choices)s",
            value=text.strip(), province=province.names, choices=joined(choices)))

    def _unknown_province(self, text, district_province=None):
        suggestions = _closest(normalise(text), self._names)
        if district_province:
            suggestions = list(dict.fromkeys([self.provinces[district_province].name_th, *suggestions]))
        if suggestions:
            return PlaceProblem("unknown", Message("unknown province '%(value)s'; did you mean %(suggestions)s?",
                                        value=text.strip(), suggestions=joined(suggestions)), tuple(suggestions))
        return PlaceProblem("unknown", Message("unknown province '%(value)s'", value=text.strip()))

    def _unknown_district(self, text, province):
        codes = self._districts_of[province.code] if province else self.districts.keys()
        names = {}
        for code in codes:
            district = self.districts[code]
            names[_district_key(district.name_th)] = district.name_th
            names[_district_key(district.name_en)] = district.name_en
        suggestions = tuple(_closest(_district_key(_district_part(text)), names))
        value, hint = text.strip(), joined(suggestions)
        if province and suggestions:
            message = Message("unknown district '%(value)s' in %(province)s; did you mean %(suggestions)s?",
                              value=value, province=province.names, suggestions=hint)
        elif province:
            message = Message("unknown district '%(value)s' in %(province)s", value=value, province=province.names)
        elif suggestions:
            message = Message("unknown district '%(value)s'; did you mean %(suggestions)s?", value=value,
                              suggestions=hint)
        else:
            message = Message("unknown district '%(value)s'", value=value)
        return PlaceProblem("unknown", message, suggestions)

    def _province_named_in(self, text):
        """A province written inside district text ("อ.เมือง จ.ลำปาง"), or None."""
        named = [value for label, value in labelled_parts(text) if label == "province"]
        return self.province(named[-1]) if named else None

    def _province_in_part(self, value, label):
        if label not in ("province", None):
            return None
        for candidate in _candidates(value):
            code = self._province_keys.get(normalise(candidate))
            if code:
                return self.provinces[code]
        return None


def _text(value):
    return str(value).strip() if value is not None and str(value).strip() else ""


def _district_part(text):
    """District text without subdistrict or province parts: "แขวงลาดยาว เขตจตุจักร" -> "จตุจักร"."""
    parts = labelled_parts(text)
    named = [value for label, value in parts if label == "district"]
    if named:
        return named[-1]
    return " ".join(value for label, value in parts if label is None) or str(text)


def _candidates(text, district=False):
    """The whole text, then each of its words, last first (addresses end with the larger places)."""
    whole = _district_part(text) if district else text
    words = whole.split()
    return [whole, *reversed(words)] if len(words) > 1 else [whole]


def _district_key(text):
    """The lookup key of a district name: without its prefix, "Muang"/"Meuang" spelt "mueang"."""
    return _ENGLISH_MUEANG.sub("mueang", _DISTRICT_PREFIX.sub("", normalise(text)))


def _closest(key, names):
    """Up to SUGGESTIONS display names whose keys are nearest `key` (difflib's ratio)."""
    matches = difflib.get_close_matches(key, names.keys(), n=SUGGESTIONS, cutoff=SUGGESTION_CUTOFF)
    return list(dict.fromkeys(names[match] for match in matches))


def _ref(place, province_code):
    return PlaceRef(place.code, place.name_th, place.name_en, place.latitude, place.longitude, province_code)


def read_aliases():
    with open(ALIASES_FILE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def gazetteer() -> Gazetteer:
    """The app's gazetteer, built on first use; reference data changes only when seeded."""
    cached = current_app.extensions.get("gazetteer")
    if cached is None:
        cached = Gazetteer(db.session.scalars(db.select(Province)).all(),
                           db.session.scalars(db.select(District)).all(), read_aliases())
        current_app.extensions["gazetteer"] = cached
    return cached


def forget_gazetteer():
    current_app.extensions.pop("gazetteer", None)
