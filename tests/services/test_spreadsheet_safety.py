"""Every CSV the app writes is safe to open in a spreadsheet (no cell runs as a formula) and imports back
unchanged; a CSV with broken quotes or the wrong number of cells is refused row by row, never misread."""
import csv
import io

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Organisation
from directory.services.platform.spreadsheets import protected, unprotected
from directory.workflows.organisation_import import ImportFailed, import_organisations_file

DANGEROUS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+66 81 234 5678", "-1", "@SUM(A1)", "\tx", "\rx",
             " =1+1", "＝1+1", "'=quoted already", "'"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_cell_that_would_run_as_a_formula_starts_with_a_quote_and_comes_back_unchanged(value):
    cell = protected(value)
    assert cell.startswith("'") or value == "'"
    assert unprotected(cell) == value


# Every character a spreadsheet may read as the start of a formula (OWASP's CSV injection list, and the
# full-width forms Excel also accepts), written out here rather than taken from the code under test.
LEAD_CHARACTERS = {"equals": "=", "plus": "+", "minus": "-", "at": "@", "tab": "\t", "carriage return": "\r",
                   "line feed": "\n", "full-width equals": "\uff1d", "full-width plus": "\uff0b",
                   "full-width minus": "\uff0d", "full-width at": "\uff20"}


@pytest.mark.parametrize("lead", LEAD_CHARACTERS.values(), ids=LEAD_CHARACTERS.keys())
@pytest.mark.parametrize("before", ["", " ", "   ", "'", " ' "], ids=["alone", "after a space", "after spaces",
                                                                       "after a quote", "after a spaced quote"])
def test_every_dangerous_lead_character_is_quoted_and_comes_back(lead, before):
    value = f"{before}{lead}SUM(A1:A9)"
    cell = protected(value)
    assert cell == f"'{value}"
    assert unprotected(cell) == value


@pytest.mark.parametrize("lead", LEAD_CHARACTERS.values(), ids=LEAD_CHARACTERS.keys())
def test_every_dangerous_lead_character_is_quoted_in_the_export_and_imports_back(app, tmp_path, make_organisation,
                                                                                 lead):
    from directory.services.organisations.csv_export import export_organisations_csv

    make_organisation(name_th="มูลนิธิทดสอบสูตร", name_en=f"{lead}HYPERLINK(1)", ref="F1")
    path = tmp_path / "export.csv"
    export_organisations_csv(path)
    with path.open(encoding="utf-8-sig", newline="") as exported:
        [row] = list(csv.DictReader(exported))
    assert row["name_en"] == f"'{lead}HYPERLINK(1)"
    if lead.isprintable():  # a name's tabs and line breaks are folded into spaces when it is read back
        report = import_organisations_file(path)
        assert (report.created, report.updated, report.unchanged) == (0, 0, 1)


@pytest.mark.parametrize("value", ["มูลนิธิ", "1999", "a=b", "'quoted'", "06-000-0000"])
def test_ordinary_cells_are_left_alone(value):
    assert protected(value) == value and unprotected(value) == value


def test_the_organisations_export_is_safe_and_imports_back_unchanged(app, tmp_path, make_organisation):
    make_organisation(name_th="=HYPERLINK(\"http://evil.example\")", name_en="@attack", phone="+66 81 234 5678",
                      description_th="-ลบ", address="'=x", ref="F1")
    db.session.commit()
    path = tmp_path / "export.csv"
    from directory.services.organisations.csv_export import export_organisations_csv

    export_organisations_csv(path)
    raw = path.read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(raw)) for cell in row]
    assert not [cell for cell in cells if cell.lstrip(" ").startswith(("=", "+", "-", "@"))]
    report = import_organisations_file(path)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)


def test_the_staff_downloads_are_protected_too(client, auth, make_user, open_round):
    from tests.public.test_apply import post as post_application

    post_application(client, open_round, full_name="=cmd|'/c calc'!A1", nickname="@x")
    auth.login(make_user(role="staff").email)
    body = client.get(f"/staff/events/{open_round.public_id}/applications.csv").get_data().decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(body)))
    assert all(not value.startswith(("=", "@")) for value in row.values())
    assert "'=cmd|'/c calc'!A1" in row.values()


def write(tmp_path, text):
    path = tmp_path / "sheet.csv"
    path.write_text(text, encoding="utf-8")
    return path


def rows_of(**kwargs):
    return "".join(f"R{n},กลุ่มที่ {n},สตูล\n" for n in range(kwargs.get("start", 1), kwargs.get("stop", 11)))


def test_an_unclosed_quote_is_an_error_and_the_rows_after_it_are_still_read(app, tmp_path):
    """Row 2's quote is never closed: before, it swallowed the other rows into one cell and imported 1."""
    path = write(tmp_path, "ref,name_th,province\n" + 'R0,"กลุ่มศูนย์,สตูล\n' + rows_of()
                 + "R11,กลุ่มที่ 11,Atlantis\n")
    with pytest.raises(ImportFailed) as failed:
        import_organisations_file(path)
    assert [(e.row, e.column) for e in failed.value.errors] == [(2, None), (13, "province")]
    assert "quote" in str(failed.value.errors[0])
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 0


def test_text_after_a_closing_quote_is_an_error(app, tmp_path):
    path = write(tmp_path, 'ref,name_th,province\nR0,"กลุ่ม"ศูนย์,สตูล\n' + rows_of(stop=3))
    with pytest.raises(ImportFailed) as failed:
        import_organisations_file(path)
    assert [(e.row, e.column) for e in failed.value.errors] == [(2, None)]


def test_a_row_with_too_few_cells_is_an_error(app, tmp_path):
    path = write(tmp_path, "ref,name_th,province\nR1,กลุ่มหนึ่ง\nR2,กลุ่มสอง,สตูล\n")
    with pytest.raises(ImportFailed) as failed:
        import_organisations_file(path)
    assert [(e.row, str(e)) for e in failed.value.errors] == [
        (2, "row 2: has 2 cells where the header has 3: a comma is missing, or a quote joined two cells")]


def test_a_quoted_cell_over_several_lines_is_one_cell(app, tmp_path):
    path = write(tmp_path, 'ref,name_th,province,description_th\nR1,กลุ่มหนึ่ง,สตูล,"บรรทัดแรก\nบรรทัดสอง"\n'
                 "R2,กลุ่มสอง,สตูล,\n")
    assert import_organisations_file(path).created == 2
