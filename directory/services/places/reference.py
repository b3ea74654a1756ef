"""The reference data as plain read-only rows, read once per process: regions with their provinces, the
provinces with their region and districts, issue areas and organisation types. It changes only when
`flask seed` runs, which forgets this copy (a deploy restarts the web workers, which forget theirs).
Searches, pages, forms and the API's lists read it here rather than asking the database each time.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from pythainlp.util import collate

from directory.extensions import db
from directory.models import IssueArea, OrganisationType, Region
from directory.services.places.gazetteer import PlaceRef, by_every_name, gazetteer, normalise


@dataclass(frozen=True)
class Term:
    """An issue area, organisation type or region: what pages, filters and facets show of it."""

    slug: str
    name_th: str
    name_en: str
    position: int = 0
    is_from_announcement: bool = False


@dataclass(frozen=True)
class RegionRow(Term):
    provinces: tuple[PlaceRef, ...] = field(default=())


@dataclass(frozen=True)
class ProvinceRow:
    """A province as lists, filters, forms and the API show it: its codes, names, region and districts
    (ordered by code)."""

    code: str
    iso_code: str
    name_th: str
    name_en: str
    region: Term
    districts: tuple[PlaceRef, ...] = field(default=())


class Reference:
    def __init__(self, regions, issue_areas, types, provinces=()):
        self.regions = tuple(regions)
        self.provinces = tuple(sorted(provinces, key=lambda province: province.code))
        self._by_province_code = {code: province for province in self.provinces
                                  for code in (province.code, province.iso_code.upper())}
        self.issue_areas = tuple(issue_areas)
        self.types = tuple(types)
        self._by_slug = {kind: {row.slug: row for row in rows} for kind, rows in (
            ("region", self.regions), ("issue", self.issue_areas), ("type", self.types))}
        self._by_name = {kind: by_every_name(rows.values()) for kind, rows in self._by_slug.items()}
        self._memo = {}

    def province(self, code):
        """The province with this DOPA code ("91") or ISO 3166-2 code ("TH-91", any case), or None."""
        return self._by_province_code.get(code.upper())

    def term(self, kind, slug):
        """The region, issue area or type ("region", "issue", "type") with this slug, or None."""
        return self._by_slug[kind].get(slug)

    def term_named(self, kind, text):
        """A region, issue area or type by slug, Thai or English name, as people type them; or None."""
        return self._by_name[kind].get(normalise(text))

    def regions_in(self, language):
        """[(region, its provinces in the order of their names in `language`)], sorted once per process."""
        def sort():
            return [(region, self._in_name_order(region.provinces, language)) for region in self.regions]

        return self.memo(("regions", language), sort)

    @staticmethod
    def _in_name_order(places, language):
        if language == "en":
            return tuple(sorted(places, key=lambda place: place.name_en.casefold()))
        by_name = {}
        for place in places:
            by_name.setdefault(place.name_th, []).append(place)
        return tuple(place for name in collate(by_name) for place in by_name[name])

    def memo(self, key, compute):
        """compute() once per process for `key`: for what pages derive from the reference data alone
        (a province list in Thai order, the district suggestions of a language)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


def reference() -> Reference:
    cached = current_app.extensions.get("reference")
    if cached is None:
        places = gazetteer()
        districts_of = {}
        for district in sorted(places.districts.values(), key=lambda district: district.code):
            districts_of.setdefault(district.province_code, []).append(district)
        regions, provinces = [], []
        for region in db.session.scalars(db.select(Region).order_by(Region.id)):
            codes = [province.code for province in region.provinces]
            regions.append(RegionRow(region.slug, region.name_th, region.name_en, region.id,
                                     provinces=tuple(places.provinces[code] for code in codes)))
            provinces += [ProvinceRow(province.code, province.iso_code, province.name_th, province.name_en,
                                      regions[-1], tuple(districts_of.get(province.code, ())))
                          for province in region.provinces]
        terms = {model: [Term(row.slug, row.name_th, row.name_en, row.position,
                              getattr(row, "is_from_announcement", False))
                         for row in db.session.scalars(db.select(model).order_by(model.position))]
                 for model in (IssueArea, OrganisationType)}
        cached = current_app.extensions["reference"] = Reference(regions, terms[IssueArea], terms[OrganisationType],
                                                               provinces)
    return cached


def forget_reference():
    current_app.extensions.pop("reference", None)
