"""Finding published organisations by keyword and filters, one page at a time."""
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import IssueArea, Organisation, OrganisationStatus, OrganisationType, Province, Region


@dataclass(frozen=True)
class SearchCriteria:
    """Canonical criteria: codes and slugs only (the filter schema resolves what people type)."""

    q: str = ""
    provinces: tuple = ()
    districts: tuple = ()
    regions: tuple = ()
    issues: tuple = ()
    types: tuple = ()
    page: int = 1
    per_page: int = 20


@dataclass
class ResultPage:
    items: list
    total: int
    page: int
    per_page: int
    notes: list = field(default_factory=list)

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


def find_organisations(criteria: SearchCriteria) -> ResultPage:
    query = _filtered(criteria)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    items = db.session.scalars(
        query.order_by(Organisation.name_th, Organisation.id)
        .options(selectinload(Organisation.issue_areas), selectinload(Organisation.province),
                 selectinload(Organisation.type))
        .limit(criteria.per_page)
        .offset((criteria.page - 1) * criteria.per_page)
    ).all()
    return ResultPage(items=items, total=total, page=criteria.page, per_page=criteria.per_page)


def _filtered(criteria):
    query = sa.select(Organisation).where(Organisation.status == OrganisationStatus.PUBLISHED)
    if criteria.provinces:
        query = query.where(Organisation.province_code.in_(criteria.provinces))
    if criteria.districts:
        query = query.where(Organisation.district_code.in_(criteria.districts))
    if criteria.regions:
        query = query.where(Organisation.province.has(Province.region.has(Region.slug.in_(criteria.regions))))
    if criteria.types:
        query = query.where(Organisation.type.has(OrganisationType.slug.in_(criteria.types)))
    if criteria.issues:
        query = query.where(Organisation.issue_areas.any(IssueArea.slug.in_(criteria.issues)))
    for word in criteria.q.split():
        pattern = f"%{word}%"
        query = query.where(sa.or_(
            Organisation.name_th.ilike(pattern), Organisation.name_en.ilike(pattern),
            Organisation.description_th.ilike(pattern), Organisation.description_en.ilike(pattern),
        ))
    return query


def count_published_by(column):
    """{value: count} of published organisations grouped by one column (e.g. province_code)."""
    rows = db.session.execute(
        sa.select(column, sa.func.count()).select_from(Organisation)
        .where(Organisation.status == OrganisationStatus.PUBLISHED).group_by(column)
    )
    return dict(rows.all())


def count_published_by_issue_area():
    rows = db.session.execute(
        sa.select(IssueArea.slug, sa.func.count()).select_from(Organisation)
        .join(Organisation.issue_areas)
        .where(Organisation.status == OrganisationStatus.PUBLISHED).group_by(IssueArea.slug)
    )
    return dict(rows.all())
