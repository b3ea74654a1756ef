"""Organisations as CSV in the import format: the columns, and the export staff and the open-data page offer.

Every cell is written as the import reads it back (workflows/organisation_import.py), so importing an
export changes nothing.
"""
from __future__ import annotations

from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus
from directory.organisation_fields import CSV_FIELDS
from directory.services.places.gazetteer import AmbiguousPlace, gazetteer
from directory.services.platform.spreadsheets import write_csv

CSV_COLUMNS = [field.csv for field in CSV_FIELDS]


def export_organisations_csv(path, *, published_only=False) -> int:
    """Write every organisation (or every published one) in the import format (UTF-8 with a BOM, which
    Excel needs for Thai; no cell a spreadsheet would run as a formula).

    Approximate positions (a district's centroid) are written blank, so that importing the export
    back changes nothing. Returns the number of organisations written.
    """
    query = db.select(Organisation).options(selectinload(Organisation.issue_areas), selectinload(Organisation.type))
    if published_only:
        query = query.where(Organisation.status == OrganisationStatus.PUBLISHED)
    organisations = db.session.scalars(query).all()
    # Sorted here rather than in SQL, whose collation of refs differs between databases.
    organisations.sort(key=lambda o: (o.ref is None, o.ref or "", o.id))
    places = gazetteer()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        write_csv(handle, CSV_COLUMNS, (_export_row(organisation, places) for organisation in organisations))
    return len(organisations)


def _export_row(organisation, places):
    is_exact = organisation.latitude is not None and not organisation.is_position_approximate
    return ["" if cell is None else cell
            for cell in (_export_cell(field, organisation, places, is_exact) for field in CSV_FIELDS)]


def _export_cell(field, organisation, places, is_exact):
    """The field's cell as the import reads it back."""
    value = getattr(organisation, field.name)
    match field.kind:
        case "type":
            return value.slug if value else None
        case "province":
            return places.provinces[value].name_th
        case "district":
            return _district_text(organisation, places)
        case "issue_areas":
            return ";".join(area.slug for area in value)
        case "coordinate":
            return repr(value) if is_exact else None
    return value


def _district_text(organisation, places):
    """The district's Thai name, or its code where the name would not lead back to it."""
    if organisation.district_code is None:
        return None
    district = places.districts[organisation.district_code]
    try:
        found = places.district(district.name_th, organisation.province_code)
    except AmbiguousPlace:
        found = None
    return district.name_th if found and found.code == district.code else district.code
