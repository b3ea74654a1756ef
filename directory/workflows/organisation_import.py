"""Importing organisations from the institute's spreadsheet (CSV or Excel): rows checked by the row schema,
then applied through the organisation services.

An import is all or nothing: every row is checked and matched first, every error of every row is
reported, and only a clean file is applied. Applying goes through create_organisation and
update_organisation, which set only what differs, so importing the same file twice changes nothing.
Besides errors, a report lists what the place resolver inferred and the likely duplicates: a row whose
Thai name matches another organisation's (or another row's) in the same district is refused unless
duplicates are allowed; the same name elsewhere in the province is only a note. The service flushes;
the caller commits.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from marshmallow import ValidationError
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.i18n import Message, joined
from directory.models import Organisation, OrganisationStatus, RevisionSource
from directory.schemas.organisations.rows import OrganisationRowSchema, RowReferences
from directory.services.organisations.csv_export import CSV_COLUMNS
from directory.services.organisations.duplicates import is_same_place, name_key
from directory.services.organisations.records import create_organisation, update_organisation
from directory.services.platform.spreadsheets import HEADER_ROW, RowMessage, UnreadableSheet, read_sheet

PLACE_COLUMNS = ("province", "district", "address")  # a row needs one that names its province
# Rows are written in batches: a flush per row costs more than the row, one for 10,000 holds them all.
FLUSH_EVERY = 500
MAX_ROWS = 50_000  # a larger file is refused before any row is read (README: staff imports)
MAX_NAMES_IN_A_NOTE = 3
_COLUMN_ORDER = {column: position for position, column in enumerate(CSV_COLUMNS)}


def _in_order(messages):
    return sorted(messages, key=lambda m: (m.row, _COLUMN_ORDER.get(m.column, len(CSV_COLUMNS))))


@dataclass
class ImportReport:
    """What an import did (or, in a dry run, would do), with what it inferred and noticed."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    inferred: list[RowMessage] = field(default_factory=list)  # values the place resolver filled in
    duplicates: list[RowMessage] = field(default_factory=list)  # likely duplicates, imported as allowed
    notes: list[RowMessage] = field(default_factory=list)  # the same name elsewhere in the province

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


class ImportFailed(Exception):
    """The file was refused as a whole; `errors` lists every problem found, `report` what was inferred."""

    def __init__(self, errors, report=None):
        self.errors = _in_order(errors)
        self.report = report or ImportReport()
        super().__init__(f"{len(self.errors)} error(s); nothing was imported")


def import_organisations_file(path, *, dry_run=False, progress=None, mark_demo=False,
                              allow_duplicates=False) -> ImportReport:
    """Import a CSV (UTF-8, with or without a BOM) or an .xlsx workbook whose first row names the columns."""
    try:
        sheet = read_sheet(path)
    except UnreadableSheet as unreadable:
        raise ImportFailed(unreadable.errors) from None
    header_errors = _check_header(sheet.columns)
    if header_errors:
        raise ImportFailed(header_errors + sheet.errors)
    if len(sheet.rows) > MAX_ROWS:
        raise ImportFailed([RowMessage(HEADER_ROW, None, Message(
            "the file has %(count)s rows; at most %(limit)s can be imported at once: split it",
            count=format(len(sheet.rows), ","), limit=format(MAX_ROWS, ",")))])
    errors, numbered_rows = list(sheet.errors), []
    for number, cells in sheet.rows:
        problem = _shape_problem(cells, sheet)
        if problem:
            errors.append(RowMessage(number, None, problem))
            continue  # its cells are not where the header says: checking them would only mislead
        row = dict(zip(sheet.columns, cells + [""] * (len(sheet.columns) - len(cells))))
        row.pop("", None)
        numbered_rows.append((number, row))
    columns = [column for column in sheet.columns if column]
    return _import(columns, numbered_rows, dry_run=dry_run, progress=progress, mark_demo=mark_demo,
                   allow_duplicates=allow_duplicates, errors=errors)


def _shape_problem(cells, sheet):
    """Why a row's cells do not line up with the header, or None."""
    stray = [position for position, cell in enumerate(cells)
             if cell.strip() and (position >= len(sheet.columns) or not sheet.columns[position])]
    if stray:
        return Message("has a value in a column without a header (column %(columns)s)",
                       columns=joined(_spreadsheet_column(p) for p in stray))
    if len(cells) < len(sheet.columns) and not sheet.is_ragged_ok:
        return Message("has %(count)s cells where the header has %(expected)s: a comma is missing, or a quote "
                       "joined two cells", count=len(cells), expected=len(sheet.columns))
    return None


def import_organisation_rows(rows, *, dry_run=False, progress=None, mark_demo=False,
                             allow_duplicates=False) -> ImportReport:
    """Import dicts keyed by column name, numbered from row 2 as if row 1 were a header.

    A column no row has is left alone on existing organisations; a blank or None cell clears the field.
    New organisations are published (and marked as demo data with mark_demo); an existing one keeps
    its status. With dry_run the work is done and flushed, so the database checks it too, then rolled
    back. Raises ImportFailed, having changed nothing, if any row is invalid.
    """
    rows = list(rows)
    columns = list(dict.fromkeys(column for row in rows for column in row))
    header_errors = _check_header(columns)
    if header_errors:
        raise ImportFailed(header_errors)
    return _import(columns, list(enumerate(rows, start=HEADER_ROW + 1)), dry_run=dry_run, progress=progress,
                   mark_demo=mark_demo, allow_duplicates=allow_duplicates)


def _spreadsheet_column(position):
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _check_header(columns):
    errors = [RowMessage(HEADER_ROW, column, Message("this column appears more than once"))
              for position, column in enumerate(columns) if column and column in columns[:position]]
    errors += [RowMessage(HEADER_ROW, column, Message("unknown column; the columns are %(columns)s",
                                                      columns=joined(CSV_COLUMNS)))
               for column in dict.fromkeys(columns) if column and column not in _COLUMN_ORDER]
    if "name_th" not in columns:
        errors.append(RowMessage(HEADER_ROW, "name_th", Message("this required column is missing")))
    if not any(column in columns for column in PLACE_COLUMNS):
        errors.append(RowMessage(HEADER_ROW, "province", Message("this required column is missing")))
    for column, partner in (("lat", "lon"), ("lon", "lat")):
        if column in columns and partner not in columns:
            errors.append(RowMessage(HEADER_ROW, partner, Message("this column is missing; %(column)s needs it",
                                                                  column=column)))
    return errors


def _import(columns, numbered_rows, *, dry_run, progress, mark_demo, allow_duplicates, errors=()):
    """Check every row (adding to `errors`, problems found before them), then write, or raise ImportFailed."""
    report = ImportReport()
    plan = _plan(numbered_rows, report, allow_duplicates, progress, list(errors))
    new_values = {"status": OrganisationStatus.PUBLISHED} | ({"is_demo": True} if mark_demo else {})
    for done, (organisation, values) in enumerate(plan, start=1):
        if organisation is None:
            create_organisation(values | new_values, source=RevisionSource.IMPORT, flush=False)
            report.created += 1
        elif update_organisation(organisation, values, source=RevisionSource.IMPORT):
            report.updated += 1
        else:
            report.unchanged += 1
        if done % FLUSH_EVERY == 0:
            db.session.flush()
        if progress:
            progress("writing", done, len(plan))
    db.session.flush()
    if dry_run:
        db.session.rollback()
    return report


def _plan(numbered_rows, report, allow_duplicates, progress, errors):
    """Check and match every row: [(existing organisation or None, values)], or raise ImportFailed."""
    schema = OrganisationRowSchema(RowReferences.load())
    existing = _ExistingOrganisations()
    plan = []
    first_row_of_ref, first_row_of_name = {}, {}
    earlier_rows = defaultdict(list)  # name key -> [(row number, province, district)]
    for done, (number, row) in enumerate(numbered_rows, start=1):
        if progress:
            progress("checking", done, len(numbered_rows))
        ref = str(row.get("ref") or "").strip()
        ref_repeated = bool(ref) and ref in first_row_of_ref
        if ref_repeated:
            errors.append(RowMessage(number, "ref", Message("ref '%(ref)s' is already used by row %(row)s",
                                                            ref=ref, row=first_row_of_ref[ref])))
        elif ref:
            first_row_of_ref[ref] = number
        try:
            loaded = schema.load_row(row)
        except ValidationError as invalid:
            errors += _row_errors(number, invalid.messages)
            continue
        values = loaded.values
        report.inferred += [RowMessage(number, inference.field, inference.message)
                            for inference in loaded.places.inferred]
        if ref:
            target = existing.by_ref.get(ref)
        else:
            name = (values["name_th"], values["province_code"])
            if name in first_row_of_name:
                errors.append(RowMessage(number, "name_th", Message(
                    "row %(row)s has the same Thai name and province and neither has a ref: "
                    "give each a ref, or remove the duplicate", row=first_row_of_name[name])))
                continue
            first_row_of_name[name] = number
            matches = existing.without_ref_by_name.get(name, [])
            if len(matches) > 1:
                errors.append(RowMessage(number, "name_th", Message(
                    "%(count)s organisations without a ref have this Thai name in this province (%(ids)s): "
                    "give the row a ref", count=len(matches), ids=joined(o.public_id for o in matches))))
                continue
            target = matches[0] if matches else None
        place = (values["province_code"],
                 values["district_code"] if "district_code" in values else getattr(target, "district_code", None))
        if ref_repeated:
            continue  # the same organisation twice: its ref's error says so
        duplicates, notes = _likely_duplicates(values["name_th"], place, target, existing, earlier_rows)
        (report.duplicates if allow_duplicates else errors).extend(
            RowMessage(number, "name_th", duplicate) for duplicate in duplicates)
        report.notes += [RowMessage(number, "name_th", note) for note in notes]
        earlier_rows[name_key(values["name_th"])].append((number, *place))
        plan.append((target, values))
    report.inferred = _in_order(report.inferred)
    if errors:
        raise ImportFailed(errors, report)
    return plan


def _likely_duplicates(name, place, target, existing, earlier_rows):
    """([Message] for the same name in the same place, [Message] notes for it elsewhere in the province)."""
    key = name_key(name)
    same = {"organisations": [], "rows": []}
    elsewhere = {"organisations": [], "rows": []}
    for other in existing.by_name_key.get(key, ()):
        if other is target:
            continue
        described = f"{other.public_id} '{other.name_th}'" + (f" (ref {other.ref})" if other.ref else "")
        if is_same_place(place, (other.province_code, other.district_code)):
            same["organisations"].append(described)
        elif other.province_code == place[0]:
            elsewhere["organisations"].append(described)
    for number, province, district in earlier_rows.get(key, ()):
        if is_same_place(place, (province, district)):
            same["rows"].append(str(number))
        elif province == place[0]:
            elsewhere["rows"].append(str(number))
    duplicates, notes = [], []
    if same["organisations"]:
        duplicates.append(Message("likely a duplicate of %(others)s: the same name in the same district "
                                  "(or province, where a district is missing)",
                                  others=joined(same["organisations"])))
    if same["rows"]:
        duplicates.append(Message("likely a duplicate of row %(others)s: the same name in the same district "
                                  "(or province, where a district is missing)", others=joined(same["rows"])))
    if elsewhere["organisations"]:
        notes.append(Message("the same name is used in another district of the province by %(others)s",
                             others=joined(elsewhere["organisations"][:MAX_NAMES_IN_A_NOTE])))
    if elsewhere["rows"]:
        notes.append(Message("the same name is used in another district of the province by row %(others)s",
                             others=joined(elsewhere["rows"][:MAX_NAMES_IN_A_NOTE])))
    return duplicates, notes


def _row_errors(number, messages):
    for column, column_messages in messages.items():
        if isinstance(column_messages, dict):  # a field's messages keyed by item: not used by our fields
            column_messages = [m for item in column_messages.values() for m in item]
        for message in column_messages:
            yield RowMessage(number, column, message)


class _ExistingOrganisations:
    """Every organisation, loaded once and indexed the ways rows are matched and compared."""

    def __init__(self):
        self.by_ref, self.without_ref_by_name = {}, {}
        self.by_name_key = defaultdict(list)  # for likely duplicates; archived ones are left out
        query = db.select(Organisation).options(selectinload(Organisation.issue_areas))
        for organisation in db.session.scalars(query):
            if organisation.ref is not None:
                self.by_ref[organisation.ref] = organisation
            else:
                key = (organisation.name_th, organisation.province_code)
                self.without_ref_by_name.setdefault(key, []).append(organisation)
            if organisation.status is not OrganisationStatus.ARCHIVED:
                self.by_name_key[name_key(organisation.name_th)].append(organisation)
