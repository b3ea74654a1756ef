"""Importing sheets as staff keep them: real place spellings, inferred places, Excel, likely duplicates."""
import csv
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus
from directory.workflows import organisation_import
from directory.workflows.organisation_import import ImportFailed, import_organisation_rows, import_organisations_file

DATA = Path(__file__).resolve().parents[1] / "data"
REAL_SPELLINGS = DATA / "dev_orgs_real_spellings.csv"
MESSY = DATA / "messy_places.csv"  # bench/messy_sheet.py wrote it, with the codes each row must get beside it


def organisations():
    return db.session.scalars(sa.select(Organisation).order_by(Organisation.ref, Organisation.id)).all()


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def write_xlsx(path, header, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_the_real_spellings_file_imports_with_no_error_and_lists_what_it_inferred(app):
    report = import_organisations_file(REAL_SPELLINGS, dry_run=True)
    assert str(report) == "16 created, 0 updated, 0 unchanged"
    assert [(m.row, m.column) for m in report.inferred] == [(11, "province")]  # R10: the district alone
    assert "เชียงใหม่" in str(report.inferred[0])


def test_real_spellings_land_on_the_right_places(app):
    import_organisations_file(REAL_SPELLINGS)
    db.session.commit()
    by_ref = {o.ref: o for o in organisations()}
    assert {ref: (o.province_code, o.district_code) for ref, o in by_ref.items()} == {
        "R01": ("10", "1033"), "R02": ("10", "1005"), "R03": ("52", "5201"), "R04": ("46", "4601"),
        "R05": ("82", "8204"), "R06": ("50", "5001"), "R07": ("92", "9202"), "R08": ("55", "5501"),
        "R09": ("10", "1030"), "R10": ("50", "5001"), "R11": ("51", "5102"), "R12": ("40", "4001"),
        "R13": ("13", "1302"), "R14": ("30", "3001"), "R15": ("26", "2603"), "R16": ("57", "5715"),
    }
    assert by_ref["R11"].founded_year == 2015 and by_ref["R12"].founded_year == 2007  # Thai digits, Buddhist Era


def test_a_messy_sheet_of_240_rows_imports_every_row_to_its_place(app):
    report = import_organisations_file(MESSY)
    db.session.commit()
    expected = {row["ref"]: (row["province_code"], row["district_code"]) for row in read_csv(
        DATA / "messy_places_expected.csv")}
    assert report.created == len(expected) == 240
    assert {o.ref: (o.province_code, o.district_code) for o in organisations()} == expected
    assert len(report.inferred) > 20  # districts alone, and addresses


def test_names_are_stored_as_meant_whatever_was_typed(app):
    import_organisation_rows([{"name_th": "กลุ่ม\u200bทอผ้า  บ้านกาฬสินธ์ุ\u00a0", "province": "กาฬสินธุ์"}])
    assert organisations()[0].name_th == "กลุ่มทอผ้า บ้านกาฬสินธุ์"


def test_an_excel_workbook_imports_like_a_csv(app, tmp_path):
    rows = read_csv(REAL_SPELLINGS)
    header = list(rows[0])
    path = write_xlsx(tmp_path / "real.xlsx", header, [
        [int(cell) if column == "founded_year" and cell.isdigit() else cell for column, cell in row.items()]
        for row in rows])
    report = import_organisations_file(path)
    db.session.commit()
    assert report.created == 16
    by_ref = {o.ref: o for o in organisations()}
    assert by_ref["R01"].founded_year == 2005  # 2548 as an Excel number, not "2548.0"
    assert by_ref["R14"].district_code == "3001"


def test_an_excel_cell_reads_as_people_see_it(app, tmp_path):
    path = write_xlsx(tmp_path / "cells.xlsx", ["name_th", "province", "lat", "lon", "founded_year"],
                      [["กลุ่มหนึ่ง", "สตูล", 6.862, 99.781, 2555.0]])
    import_organisations_file(path)
    organisation = organisations()[0]
    assert (organisation.latitude, organisation.longitude, organisation.founded_year) == (6.862, 99.781, 2012)


def test_a_bad_row_in_an_excel_workbook_writes_nothing(app, tmp_path):
    path = write_xlsx(tmp_path / "bad.xlsx", ["ref", "name_th", "province"],
                      [["X1", "กลุ่มหนึ่ง", "สตูล"], ["X2", "กลุ่มสอง", "Atlantis"], ["X3", "กลุ่มสาม", "ตรัง"]])
    with pytest.raises(ImportFailed) as failed:
        import_organisations_file(path)
    assert [(e.row, e.column) for e in failed.value.errors] == [(3, "province")]
    assert organisations() == []


def test_a_file_named_xlsx_that_is_not_a_workbook_is_refused_clearly(app, tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFailed) as failed:
        import_organisations_file(path)
    assert "not an Excel workbook" in str(failed.value.errors[0])


def test_errors_say_what_to_do_in_english_and_thai(app):
    with pytest.raises(ImportFailed) as failed:
        import_organisation_rows([
            {"name_th": "กลุ่มหนึ่ง", "province": "ประจวบคิรีขันธ์", "district": "หัวหิน"},
            {"name_th": "กลุ่มสอง", "province": "ลำปาง", "district": "กันตัง"},
            {"name_th": "กลุ่มสาม", "province": "14", "district": "Bang Sai"},
            {"name_th": "กลุ่มสี่", "province": "สตูล", "type": "guild", "issue_areas": "space-travel"},
        ])
    errors = {(e.row, e.column): e for e in failed.value.errors}
    assert "did you mean ประจวบคีรีขันธ์?" in str(errors[2, "province"])
    assert "it is in ตรัง (Trang)" in str(errors[3, "district"])
    assert "1404" in str(errors[4, "district"]) and "1413" in str(errors[4, "district"])
    assert "the types are: association, community-council" in str(errors[5, "type"])
    assert "elderly-care" in str(errors[5, "issue_areas"])
    assert errors[3, "district"].in_language("th").startswith("แถว 3 คอลัมน์ district: อำเภอ/เขต 'กันตัง' ไม่ได้อยู่ใน")
    assert errors[2, "province"].in_language("th") == (
        "แถว 2 คอลัมน์ province: ไม่รู้จักจังหวัด 'ประจวบคิรีขันธ์' หมายถึง ประจวบคีรีขันธ์ หรือไม่")


def test_a_province_column_may_be_left_out_when_districts_or_addresses_name_it(app):
    report = import_organisation_rows([{"name_th": "กลุ่มหนึ่ง", "district": "คลองหลวง"},
                                       {"name_th": "กลุ่มสอง", "address": "อ.ละงู จ.สตูล"}])
    assert report.created == 2
    assert sorted((o.name_th, o.province_code) for o in organisations()) == [("กลุ่มสอง", "91"), ("กลุ่มหนึ่ง", "13")]
    with pytest.raises(ImportFailed) as failed:
        import_organisation_rows([{"name_th": "กลุ่มสาม", "address": "ชุมชนริมคลอง"}])
    assert [(e.row, e.column) for e in failed.value.errors] == [(2, "province")]


# Likely duplicates

def test_the_same_name_in_the_same_district_is_refused_unless_allowed(app, make_organisation):
    existing = make_organisation(name_th="ชมรมผู้สูงอายุตำบลบ้านใหม่", province="นครราชสีมา",
                                 district="เมืองนครราชสีมา", ref="KORAT-1")
    row = {"ref": "NEW-1", "name_th": "ชมรมผู้สูงอายุ ตำบลบ้านใหม่", "province": "โคราช", "district": "อ.เมือง"}

    with pytest.raises(ImportFailed) as failed:
        import_organisation_rows([row], dry_run=True)
    [error] = failed.value.errors
    assert (error.row, error.column) == (2, "name_th") and existing.public_id in str(error)

    report = import_organisation_rows([row], allow_duplicates=True)
    assert report.created == 1 and [(m.row, m.column) for m in report.duplicates] == [(2, "name_th")]


def test_a_missing_district_compares_within_the_province(app, make_organisation):
    make_organisation(name_th="วัดกู่", province="ลำพูน", district="แม่ทา")
    with pytest.raises(ImportFailed):
        import_organisation_rows([{"ref": "W1", "name_th": "วัดกู่", "province": "ลำพูน"}])


def test_the_same_name_in_another_district_is_only_a_note(app, make_organisation):
    make_organisation(name_th="วัดกู่", province="ลำพูน", district="แม่ทา")
    make_organisation(name_th="วัดกู่", province="เชียงใหม่", district="สันทราย")  # another province: no note
    report = import_organisation_rows([{"ref": "W1", "name_th": "วัดกู่", "province": "ลำพูน",
                                        "district": "เมืองลำพูน"}])
    assert report.created == 1
    [note] = report.notes
    assert note.row == 2 and "another district" in str(note)


def test_two_rows_of_one_name_in_one_district_are_likely_duplicates(app):
    rows = [{"ref": "A", "name_th": "กลุ่มแม่บ้าน", "province": "สตูล", "district": "ละงู"},
            {"ref": "B", "name_th": "กลุ่มแม่บ้าน", "province": "สตูล", "district": "ละงู"},
            {"ref": "C", "name_th": "กลุ่มแม่บ้าน", "province": "สตูล", "district": "ควนโดน"}]
    with pytest.raises(ImportFailed) as failed:
        import_organisation_rows(rows)
    assert [(e.row, "row 2" in str(e)) for e in failed.value.errors] == [(3, True)]
    assert [n.row for n in failed.value.report.notes] == [4]


def test_an_archived_organisation_is_no_duplicate_and_updating_one_is_not_either(app, make_organisation):
    make_organisation(name_th="กลุ่มเก่า", province="สตูล", status=OrganisationStatus.ARCHIVED, ref="OLD")
    same = make_organisation(name_th="กลุ่มเดิม", province="สตูล", ref="SAME")
    report = import_organisation_rows([{"ref": "NEW", "name_th": "กลุ่มเก่า", "province": "สตูล"},
                                       {"ref": "SAME", "name_th": "กลุ่มเดิม", "province": "สตูล", "name_en": "x"}])
    assert (report.created, report.updated, report.duplicates) == (1, 1, [])
    assert same.name_en == "x"


def test_a_file_with_too_many_rows_is_refused_before_any_row_is_read(app, tmp_path, monkeypatch):
    monkeypatch.setattr(organisation_import, "MAX_ROWS", 3)
    path = tmp_path / "big.csv"
    path.write_text("name_th,province\n" + "".join(f"กลุ่ม {n},สตูล\n" for n in range(4)), encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        import_organisations_file(path)
    assert "at most 3 can be imported" in str(failed.value.errors[0])
