"""Reading the spreadsheets staff keep (CSV or Excel .xlsx) into numbered rows of text cells.

Rows are numbered as a spreadsheet shows them (the header is row 1), so that every message can say
where to look. A file that cannot be read as a table raises UnreadableSheet with every problem found.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from directory.i18n import Message, in_language

HEADER_ROW = 1
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class RowMessage:
    """One problem or remark, placed as a spreadsheet user would look for it."""

    row: int
    column: str | None
    message: str  # usually a Message: English as a str, Thai through in_language

    def __str__(self):
        return self.in_language("en")

    def in_language(self, language=None):
        reason = in_language(self.message, language)
        if self.column is None:
            return Message("row %(row)s: %(reason)s", row=self.row, reason=reason).in_language(language)
        return Message("row %(row)s, column %(column)s: %(reason)s",
                       row=self.row, column=self.column, reason=reason).in_language(language)


class UnreadableSheet(Exception):
    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(str(error) for error in self.errors))


@dataclass
class Sheet:
    columns: list[str]  # the header's names, stripped and lower-cased; '' where a header cell is empty
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells as text), blank rows left out


def read_sheet(path) -> Sheet:
    """A CSV (UTF-8, with or without a BOM) or an .xlsx workbook's first sheet, by its content."""
    path = Path(path)
    with open(path, "rb") as handle:
        start = handle.read(4)
    if start == _XLSX_MAGIC or path.suffix.lower() in XLSX_SUFFIXES:
        records = _xlsx_records(path)
    else:
        records = _csv_records(path.read_bytes())
    return _sheet(records)


def _sheet(records):
    records = iter(records)
    number, header = next(records, (HEADER_ROW, []))
    if not any(cell.strip() for cell in header):
        raise UnreadableSheet([RowMessage(HEADER_ROW, None, Message("the first row must name the columns"))])
    columns = [cell.strip().lower() for cell in header]
    rows = [(number, cells) for number, cells in records if any(cell.strip() for cell in cells)]
    return Sheet(columns, rows)


def _csv_records(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableSheet([RowMessage(
            data[:error.start].count(b"\n") + 1, None,
            Message("the file is not UTF-8 text (Thai Excel saves Windows-874 by default): "
                    "save it as 'CSV UTF-8 (comma delimited)' or as an Excel workbook"),
        )]) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    number = HEADER_ROW
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise UnreadableSheet([RowMessage(number, None, Message("is not valid CSV: %(error)s",
                                                                    error=str(error)))]) from None
        yield number, cells
        number += 1


def _xlsx_records(path):
    from openpyxl import load_workbook  # only files that need it pay for importing it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UnreadableSheet([RowMessage(HEADER_ROW, None, Message(
            "is not an Excel workbook that can be read (%(error)s): save it again as .xlsx or CSV UTF-8",
            error=type(error).__name__))]) from None
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=HEADER_ROW):
            yield number, [_cell_text(value) for value in values]
    finally:
        workbook.close()


def _cell_text(value):
    """A cell as the text a person sees in it: 2548 not 2548.0, a date as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
