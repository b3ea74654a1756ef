"""Spreadsheet downloads of personal data: UTF-8 with a BOM (Excel then reads Thai right), never cached,
and no cell a spreadsheet would run as a formula (services/spreadsheets.write_csv)."""
import io

from flask import Response

from directory.services.platform.spreadsheets import write_csv


def spreadsheet_download(header, rows, filename):
    output = io.StringIO()
    write_csv(output, header, rows)
    return Response(output.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": f"attachment; filename={filename}", "Cache-Control": "no-store"})
