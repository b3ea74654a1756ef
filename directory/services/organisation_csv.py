"""Importing and exporting organisations as CSV, in the layout of the institute's spreadsheet.

An import is all or nothing: every row is checked and matched first, every error of every row is
reported, and only a clean file is applied. Applying goes through create_organisation and
update_organisation, which set only what differs, so importing the same file twice changes nothing.
The service flushes; the caller commits.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from marshmallow import ValidationError
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus, RevisionSource
from directory.schemas.organisation_rows import OrganisationRowSchema, RowReferences
from directory.services.organisations import create_organisation, update_organisation
from directory.services.places import AmbiguousPlace, gazetteer

CSV_COLUMNS = [
    "ref", "name_th", "name_en", "type", "province", "district", "issue_areas", "description_th",
    "description_en", "address", "lat", "lon", "phone", "email", "website", "facebook", "line_id",
    "founded_year",
]
REQUIRED_COLUMNS = ("name_th", "province")
# Rows are written in batches: a flush per row costs more than the row, one for 10,000 holds them all.
FLUSH_EVERY = 500
HEADER_ROW = 1  # rows are numbered as a spreadsheet shows them: the header is row 1
_COLUMN_ORDER = {column: position for position, column in enumerate(CSV_COLUMNS)}


@dataclass(frozen=True)
class RowError:
    """One problem, placed as a spreadsheet user would look for it."""

    row: int
    column: str | None
    message: str

    def __str__(self):
        if self.column is None:
            return f"row {self.row}: {self.message}"
        return f"row {self.row}, column {self.column}: {self.message}"


class ImportFailed(Exception):
    """The file was refused as a whole; `errors` lists every RowError found in it."""

    def __init__(self, errors):
        self.errors = sorted(errors, key=lambda e: (e.row, _COLUMN_ORDER.get(e.column, len(CSV_COLUMNS))))
        super().__init__(f"{len(self.errors)} error(s); nothing was imported")


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def import_organisations_csv(path, *, dry_run=False, progress=None, mark_demo=False) -> ImportSummary:
    """Import a UTF-8 CSV file (with or without a BOM) whose first row names the columns."""
    columns, numbered_rows = _read_csv(path)
    return _import(columns, numbered_rows, dry_run=dry_run, progress=progress, mark_demo=mark_demo)


def import_organisation_rows(rows, *, dry_run=False, progress=None, mark_demo=False) -> ImportSummary:
    """Import dicts keyed by column name, numbered from row 2 as if row 1 were a header.

    A column no row has is left alone on existing organisations; a blank or None cell clears the field.
    New organisations are published (and marked as demo data with mark_demo); an existing one keeps
    its status. With dry_run the work is done and flushed, so the database checks it too, then rolled
    back. Raises ImportFailed, having changed nothing, if any row is invalid.
    """
    rows = list(rows)
    columns = list(dict.fromkeys(column for row in rows for column in row))
    return _import(columns, list(enumerate(rows, start=HEADER_ROW + 1)),
                   dry_run=dry_run, progress=progress, mark_demo=mark_demo)


def export_organisations_csv(path) -> int:
    """Write every organisation in the import format (UTF-8 with a BOM, which Excel needs for Thai).

    Approximate positions (a district's centroid) are written blank, so that importing the export
    back changes nothing. Returns the number of organisations written.
    """
    places = gazetteer()
    organisations = db.session.scalars(
        db.select(Organisation).options(selectinload(Organisation.issue_areas), selectinload(Organisation.type))
    ).all()
    # Sorted here rather than in SQL, whose collation of refs differs between databases.
    organisations.sort(key=lambda o: (o.ref is None, o.ref or "", o.id))
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        writer.writerows(_export_row(organisation, places) for organisation in organisations)
    return len(organisations)


def _read_csv(path):
    """The header's column names and the non-blank rows as (spreadsheet row number, {column: cell})."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFailed([RowError(
            data[:error.start].count(b"\n") + 1, None,
            "the file is not UTF-8 text (Thai Excel saves Windows-874 by default): "
            "save it as 'CSV UTF-8 (comma delimited)'",
        )]) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    records = _records(reader)
    header = next(records, (HEADER_ROW, []))[1]
    if not any(cell.strip() for cell in header):
        raise ImportFailed([RowError(HEADER_ROW, None, "the first row must name the columns")])
    columns = [cell.strip().lower() for cell in header]
    errors = [RowError(HEADER_ROW, column, "this column appears more than once")
              for position, column in enumerate(columns) if column and column in columns[:position]]
    rows = []
    for number, cells in records:
        if not any(cell.strip() for cell in cells):
            continue  # an empty spreadsheet row
        # A short row is read as if its missing trailing cells were blank.
        row = dict(zip(columns, cells + [""] * (len(columns) - len(cells))))
        row.pop("", None)
        stray = [position for position, cell in enumerate(cells)
                 if cell.strip() and (position >= len(columns) or not columns[position])]
        if stray:
            errors.append(RowError(number, None, "has a value in a column without a header (column "
                                   + ", ".join(_spreadsheet_column(p) for p in stray) + ")"))
        rows.append((number, row))
    if errors:
        raise ImportFailed(errors)
    return [column for column in columns if column], rows


def _records(reader):
    number = HEADER_ROW
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFailed([RowError(number, None, f"is not valid CSV: {error}")]) from None
        yield number, cells
        number += 1


def _spreadsheet_column(position):
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _import(columns, numbered_rows, *, dry_run, progress, mark_demo):
    header_errors = _check_columns(columns)
    if header_errors:
        raise ImportFailed(header_errors)
    plan = _plan(numbered_rows)
    summary = ImportSummary()
    new_values = {"status": OrganisationStatus.PUBLISHED} | ({"is_demo": True} if mark_demo else {})
    for done, (organisation, values) in enumerate(plan, start=1):
        if organisation is None:
            create_organisation(values | new_values, source=RevisionSource.IMPORT, flush=False)
            summary.created += 1
        elif update_organisation(organisation, values, source=RevisionSource.IMPORT):
            summary.updated += 1
        else:
            summary.unchanged += 1
        if done % FLUSH_EVERY == 0:
            db.session.flush()
        if progress:
            progress(done, len(plan))
    db.session.flush()
    if dry_run:
        db.session.rollback()
    return summary


def _check_columns(columns):
    errors = [RowError(HEADER_ROW, column, f"unknown column; the columns are {', '.join(CSV_COLUMNS)}")
              for column in columns if column not in _COLUMN_ORDER]
    errors += [RowError(HEADER_ROW, column, "this required column is missing")
               for column in REQUIRED_COLUMNS if column not in columns]
    for column, partner in (("lat", "lon"), ("lon", "lat")):
        if column in columns and partner not in columns:
            errors.append(RowError(HEADER_ROW, partner, f"this column is missing; {column} needs it"))
    return errors


def _plan(numbered_rows):
    """Check and match every row: [(existing organisation or None, values)], or raise ImportFailed."""
    schema = OrganisationRowSchema(RowReferences.load())
    existing = _ExistingOrganisations()
    errors, plan = [], []
    first_row_of_ref, first_row_of_name = {}, {}
    for number, row in numbered_rows:
        ref = str(row.get("ref") or "").strip()
        if ref and ref in first_row_of_ref:
            errors.append(RowError(number, "ref", f"ref '{ref}' is already used by row {first_row_of_ref[ref]}"))
        elif ref:
            first_row_of_ref[ref] = number
        try:
            values = schema.load(row)
        except ValidationError as invalid:
            errors += _row_errors(number, invalid.messages)
            continue
        if ref:
            plan.append((existing.by_ref.get(ref), values))
            continue
        name = (values["name_th"], values["province_code"])
        if name in first_row_of_name:
            errors.append(RowError(number, "name_th", (
                f"row {first_row_of_name[name]} has the same Thai name and province and neither has a ref: "
                "give each a ref, or remove the duplicate")))
            continue
        first_row_of_name[name] = number
        matches = existing.without_ref_by_name.get(name, [])
        if len(matches) > 1:
            errors.append(RowError(number, "name_th", (
                f"{len(matches)} organisations without a ref have this Thai name in this province "
                f"({', '.join(o.public_id for o in matches)}): give the row a ref")))
            continue
        plan.append((matches[0] if matches else None, values))
    if errors:
        raise ImportFailed(errors)
    return plan


def _row_errors(number, messages):
    for column, column_messages in messages.items():
        if isinstance(column_messages, dict):  # a field's messages keyed by item: not used by our fields
            column_messages = [m for item in column_messages.values() for m in item]
        for message in column_messages:
            yield RowError(number, column, message)


class _ExistingOrganisations:
    """Every organisation, loaded once and indexed the two ways rows are matched."""

    def __init__(self):
        self.by_ref, self.without_ref_by_name = {}, {}
        query = db.select(Organisation).options(selectinload(Organisation.issue_areas))
        for organisation in db.session.scalars(query):
            if organisation.ref is not None:
                self.by_ref[organisation.ref] = organisation
            else:
                key = (organisation.name_th, organisation.province_code)
                self.without_ref_by_name.setdefault(key, []).append(organisation)


def _export_row(organisation, places):
    is_exact = organisation.latitude is not None and not organisation.is_position_approximate
    cells = {
        "ref": organisation.ref,
        "name_th": organisation.name_th,
        "name_en": organisation.name_en,
        "type": organisation.type.slug if organisation.type else None,
        "province": places.provinces[organisation.province_code].name_th,
        "district": _district_text(organisation, places),
        "issue_areas": ";".join(area.slug for area in organisation.issue_areas),
        "description_th": organisation.description_th,
        "description_en": organisation.description_en,
        "address": organisation.address,
        "lat": repr(organisation.latitude) if is_exact else None,
        "lon": repr(organisation.longitude) if is_exact else None,
        "phone": organisation.phone,
        "email": organisation.email,
        "website": organisation.website,
        "facebook": organisation.facebook,
        "line_id": organisation.line_id,
        "founded_year": organisation.founded_year,
    }
    return ["" if cells[column] is None else cells[column] for column in CSV_COLUMNS]


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
