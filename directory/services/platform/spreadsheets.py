"""Reading the spreadsheets staff keep (CSV or Excel .xlsx) into numbered rows of text cells.

Rows are numbered as a spreadsheet shows them (the header is row 1), so that every message can say
where to look. A file that cannot be read as a table raises UnreadableSheet with every problem found.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from directory.i18n import Message, in_language

HEADER_ROW = 1
MAX_BROKEN_RECORDS = 100  # after this many, the file is clearly not CSV: stop listing
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
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
    errors: list[RowMessage] = field(default_factory=list)  # rows that could not be read as a table
    is_ragged_ok: bool = False  # a workbook's short rows are blank at the end; a CSV's are an error


def read_sheet(path) -> Sheet:
    """A CSV (UTF-8, with or without a BOM) or an .xlsx workbook's first sheet, by its content.

    Cells protected against spreadsheet formulas by our own export ('=...) come back as they were.
    """
    path = Path(path)
    with open(path, "rb") as handle:
        start = handle.read(4)
    if start == _XLSX_MAGIC or path.suffix.lower() in XLSX_SUFFIXES:
        return _sheet(_xlsx_records(path), is_ragged_ok=True)
    return _sheet(_csv_records(path.read_bytes()))


def _sheet(records, is_ragged_ok=False):
    records = iter(records)
    number, header = next(records, (HEADER_ROW, []))
    if isinstance(header, RowMessage) or not any(cell.strip() for cell in header):
        raise UnreadableSheet([header if isinstance(header, RowMessage) else
                               RowMessage(HEADER_ROW, None, Message("the first row must name the columns"))])
    columns = [cell.strip().lower() for cell in header]
    rows, errors = [], []
    for number, cells in records:
        if isinstance(cells, RowMessage):
            errors.append(cells)
        elif any(cell.strip() for cell in cells):
            rows.append((number, [unprotected(cell) for cell in cells]))
    return Sheet(columns, rows, errors, is_ragged_ok)


def _csv_records(data):
    """(row number, cells) for each record; (row number, RowMessage) for one that is not valid CSV.

    After a broken record (a quote left open, text after a closing quote) reading goes on at the next
    line, so one stray quote cannot swallow the rows after it and every other error is still found.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableSheet([RowMessage(
            data[:error.start].count(b"\n") + 1, None,
            Message("the file is not UTF-8 text (Thai Excel saves Windows-874 by default): "
                    "save it as 'CSV UTF-8 (comma delimited)' or as an Excel workbook"),
        )]) from None
    lines = io.StringIO(text, newline="").readlines()
    first_line, number, broken = 0, HEADER_ROW, 0
    while first_line < len(lines) and broken < MAX_BROKEN_RECORDS:
        reader = csv.reader(io.StringIO("".join(lines[first_line:]), newline=""), strict=True)
        read_lines = 0
        try:
            for cells in reader:
                yield number, cells
                number, read_lines = number + 1, reader.line_num
            return
        except csv.Error as error:
            reason = (Message("a quoted cell is never closed: a quote (\") is missing or one too many")
                      if "end of data" in str(error) else Message("is not valid CSV: %(error)s", error=str(error)))
            yield number, RowMessage(number, None, reason)
            number, broken = number + 1, broken + 1
            first_line += read_lines + 1


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


def protected(value):
    """A cell a spreadsheet will show as text, never run as a formula (OWASP's CSV injection rules):
    one that starts with = + - @ or a tab or line break (after any spaces), or with the quote this adds,
    gets a leading quote. `unprotected` takes it off again, so an export imports back unchanged."""
    if value is None:
        return ""
    text = str(value)
    return f"'{text}" if _needs_quote(text) else text


def _needs_quote(text):
    stripped = text.lstrip(" ")
    return stripped.startswith(FORMULA_STARTS) or (stripped.startswith("'") and
                                                   stripped[1:].lstrip(" ").startswith((*FORMULA_STARTS, "'")))


def unprotected(cell):
    """A cell as it was before `protected`: the added quote taken off (any other quote stays)."""
    return cell[1:] if cell.startswith("'") and _needs_quote(cell[1:]) else cell


def write_csv(handle, header, rows):
    """Rows as CSV that Excel opens right: a BOM for Thai, every cell quoted and protected."""
    handle.write("\ufeff")
    writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    writer.writerows([protected(value) for value in row] for row in rows)
