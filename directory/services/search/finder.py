"""Finding published organisations by keyword, filters and distance, one page at a time.

The search index answers (ids in rank order, facets, distances, highlights); the rows are then
loaded from the database in that order.
"""
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import joinedload, selectinload

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus
from directory.services.places.gazetteer import gazetteer
from directory.services.places.reference import reference
from directory.services.search.adapter import search_index
from search_index import PlaceTerm, SearchRequest


@dataclass(frozen=True)
class SearchCriteria:
    """Canonical criteria: codes and slugs only (the filter schema resolves what people type)."""

    q: str = ""
    provinces: tuple = ()
    districts: tuple = ()
    regions: tuple = ()
    issues: tuple = ()
    types: tuple = ()
    near: tuple | None = None  # (latitude, longitude)
    radius_km: float | None = None
    sort: str = "relevance"
    name_language: str = "th"
    page: int = 1
    per_page: int = 20


@dataclass
class ResultPage:
    items: list
    total: int
    page: int
    per_page: int
    hits: dict = field(default_factory=dict)  # organisation id -> search_index.Hit
    facets: dict = field(default_factory=dict)  # province: [(Province, n)], issue_area: [(IssueArea, n)]
    matched_any_word: bool = False
    suggestion: str | None = None
    is_partial: bool = False  # the search ran out of time: some matches may be missing

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))

    @property
    def found(self):
        """The items with what the search adds to each: distance_km and highlights."""
        return [FoundOrganisation(o, self.hits.get(o.id)) for o in self.items]


class FoundOrganisation:
    """An organisation as a search found it: its own attributes, plus distance_km and highlights."""

    def __init__(self, organisation, hit):
        self._organisation = organisation
        self.distance_km = hit.distance_km if hit else None
        self.highlights = hit.highlights if hit else {}

    def __getattr__(self, name):
        return getattr(self._organisation, name)


def find_organisations(criteria: SearchCriteria) -> ResultPage:
    index = search_index()
    result = index.search(_search_request(criteria, offset=(criteria.page - 1) * criteria.per_page,
                                          limit=criteria.per_page))
    ids = [int(hit.id) for hit in result.hits]
    rows = {o.id: o for o in db.session.scalars(
        sa.select(Organisation).where(Organisation.id.in_(ids), Organisation.status == OrganisationStatus.PUBLISHED)
        .options(selectinload(Organisation.issue_areas), joinedload(Organisation.province),
                 joinedload(Organisation.type), joinedload(Organisation.district))
    )}
    suggestion = result.corrected_query or (index.suggest(criteria.q) if criteria.q and not result.total else None)
    return ResultPage(
        items=[rows[i] for i in ids if i in rows], total=result.total, page=criteria.page,
        per_page=criteria.per_page, hits={int(h.id): h for h in result.hits},
        facets=_facet_rows(result.facets), matched_any_word=result.matched_any_word, suggestion=suggestion,
        is_partial=result.is_partial,
    )


def find_positions(criteria: SearchCriteria, limit):
    """(rows, total): the first `limit` results' public names and positions in the results' order, for a
    map of them; rows without a position are left out. `total` counts every result, positioned or not."""
    result = search_index().search(_search_request(criteria, limit=limit, with_facets=False, with_details=False))
    ids = [int(hit.id) for hit in result.hits]
    rows = {row.id: row for row in db.session.execute(
        sa.select(Organisation.id, Organisation.public_id, Organisation.name_th,
                  Organisation.name_en, Organisation.latitude, Organisation.longitude,
                  Organisation.is_position_approximate, Organisation.district_code)
        .where(Organisation.id.in_(ids), Organisation.status == OrganisationStatus.PUBLISHED,
               Organisation.latitude.is_not(None))
    )}
    return [rows[i] for i in ids if i in rows], result.total


def _search_request(criteria, **options):
    words, places = place_terms(criteria.q)
    return SearchRequest(
        q=words, typed=criteria.q, places=places, provinces=criteria.provinces, districts=criteria.districts,
        regions=criteria.regions, issues=criteria.issues, types=criteria.types,
        near=criteria.near, radius_km=criteria.radius_km, sort=criteria.sort,
        name_language=criteria.name_language, budget_s=current_app.config["SEARCH_BUDGET_S"], **options)


def place_terms(q):
    """(the words of q that are not place names, (PlaceTerm, ...)) by the place resolver.

    "ไฟป่า เชียงใหม่" -> ("ไฟป่า", (PlaceTerm("เชียงใหม่", provinces=("50",)),)); "Chiang Mai" and
    "Chiangmai" name the province, "กทม" Bangkok. Quoted text is left as it was typed.
    """
    words = q.split()
    if '"' in q or not words:
        return q, ()
    found = gazetteer().places_in(words)
    if not found:
        return q, ()
    in_places = {position for start, end, _, _ in found for position in range(start, end)}
    rest = " ".join(word for position, word in enumerate(words) if position not in in_places)
    return rest, tuple(PlaceTerm(" ".join(words[start:end]), provinces, districts)
                       for start, end, provinces, districts in found)


def _facet_rows(facets):
    """Codes and slugs with counts -> reference rows with counts, most first."""
    provinces, issue_areas = gazetteer().provinces, {area.slug: area for area in reference().issue_areas}

    def rows(counts, lookup):
        return sorted(((lookup[k], n) for k, n in counts.items() if k in lookup), key=lambda r: (-r[1], r[0].name_en))

    return {"province": rows(facets.get("province", {}), provinces),
            "issue_area": rows(facets.get("issue_area", {}), issue_areas)}


def count_published_by(column):
    """{value: count} of published organisations grouped by one column (e.g. province_code)."""
    rows = db.session.execute(
        sa.select(column, sa.func.count()).select_from(Organisation)
        .where(Organisation.status == OrganisationStatus.PUBLISHED).group_by(column)
    )
    return dict(rows.all())
