"""Importing and exporting organisations as CSV: all or nothing, idempotent, and a faithful round trip."""
import csv
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus
from directory.services.organisations.csv_export import CSV_COLUMNS, export_organisations_csv
from directory.services.places.gazetteer import gazetteer
from directory.workflows.organisation_import import ImportFailed, import_organisation_rows, import_organisations_file

DEV_ORGS = Path(__file__).resolve().parents[1] / "data" / "dev_orgs.csv"

GOOD_ROW = {"ref": "T01", "name_th": "มูลนิธิทดสอบละงู", "name_en": "La-ngu Test Foundation", "type": "foundation",
            "province": "สตูล", "district": "ละงู", "issue_areas": "elderly-care", "lat": "6.862", "lon": "99.781",
            "founded_year": "2012"}


def write_csv(path, rows, columns=CSV_COLUMNS, bom=False):
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows(rows)
    return path


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def row(**changes):
    """GOOD_ROW with changes; another ref gets a name of its own
    (one name twice in a district is a likely duplicate)."""
    if changes.get("ref", GOOD_ROW["ref"]) != GOOD_ROW["ref"]:
        changes.setdefault("name_th", f"{GOOD_ROW['name_th']} {changes['ref']}")
    return {**GOOD_ROW, **changes}


def failures(path, **options):
    with pytest.raises(ImportFailed) as failed:
        import_organisations_file(path, **options)
    return failed.value.errors


def organisations():
    return db.session.scalars(sa.select(Organisation).order_by(Organisation.ref, Organisation.id)).all()


def organisation_count():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Organisation))


@contextmanager
def recorded_statements():
    """Every SQL statement sent while the block runs, as upper-cased text."""
    statements = []

    def record(_connection, _cursor, statement, *_args):
        statements.append(statement.strip().upper())

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)


def snapshot():
    """(ref, version, updated_at) of every organisation, read afresh from the database."""
    db.session.expire_all()
    return [(o.ref, o.id, o.version, o.updated_at) for o in organisations()]


def test_the_development_organisations_load_cleanly(app, tmp_path):
    summary = import_organisations_file(DEV_ORGS)
    db.session.commit()

    assert (summary.created, summary.updated, summary.unchanged) == (32, 0, 0)
    assert str(summary) == "32 created, 0 updated, 0 unchanged"
    by_ref = {o.ref: o for o in organisations()}
    assert by_ref["D03"].province_code == "91"  # given as TH-91
    assert by_ref["D07"].district.name_en == "Chiang Kham"  # given in English
    assert [a.slug for a in by_ref["D01"].issue_areas] == ["health-promotion", "elderly-care"]
    assert all(o.status is OrganisationStatus.PUBLISHED and not o.is_demo for o in by_ref.values())


def test_every_error_of_every_row_is_reported_and_nothing_is_written(app, tmp_path):
    path = write_csv(tmp_path / "bad.csv", [
        row(ref="A1"),                                                  # row 2: fine
        row(ref="A2", province="Atlantis"),                             # row 3
        row(ref="A3", district="แม่ริม"),                                # row 4: in Chiang Mai, not Satun
        row(ref="A4", email="not-an-email", lat="95", lon="99.7"),      # row 5: two errors
        row(ref="A5", lat="1.3", lon="103.8"),                          # row 6: Singapore's latitude
        row(ref="A6", lat="6.86", lon=""),                              # row 7
        row(ref="A7", name_th="  "),                                    # row 8
        row(ref="A8", founded_year="1492"),                             # row 9
        row(ref="A9", issue_areas="elderly-care;space-travel", type="guild"),  # row 10: two errors
        row(ref="A1"),                                                  # row 11: duplicate ref
        row(ref="A10", province="Phra Nakhon Si Ayutthaya", district="Bang Sai", lat="", lon=""),  # row 12
        row(ref="A11", founded_year="twenty"),                          # row 13
    ])

    errors = failures(path)

    assert [(e.row, e.column) for e in errors] == [
        (3, "province"), (4, "district"), (5, "lat"), (5, "email"), (6, "lat"), (7, "lon"),
        (8, "name_th"), (9, "founded_year"), (10, "type"), (10, "issue_areas"), (11, "ref"), (12, "district"),
        (13, "founded_year"),
    ]
    messages = [str(e) for e in errors]
    # The district is still read, and it says which province was meant.
    assert messages[0] == "row 3, column province: unknown province 'Atlantis'; did you mean สตูล?"
    assert "เชียงใหม่" in messages[1] and "สตูล" in messages[1]
    assert "out of range" in messages[2] and "outside Thailand" in messages[4]
    assert "space-travel" in messages[9] and "row 2" in messages[10]
    assert "1404" in messages[11] and "1413" in messages[11]
    assert organisation_count() == 0


def test_a_file_with_one_bad_row_among_good_ones_writes_none_of_them(app, tmp_path):
    path = write_csv(tmp_path / "one-bad.csv", [row(ref=f"R{i}") for i in range(5)] + [row(ref="R9", lat="x")])
    assert [str(e) for e in failures(path)] == ["row 7, column lat: not a number"]
    assert organisation_count() == 0


def test_unknown_and_missing_columns_are_refused_before_any_row(app, tmp_path):
    path = write_csv(tmp_path / "columns.csv", [{"ref": "X", "name_en": "x", "notes": "?", "lat": "7"}],
                     columns=["ref", "name_en", "notes", "lat"])
    assert [(e.row, e.column) for e in failures(path)] == [(1, "name_th"), (1, "province"), (1, "lon"), (1, "notes")]


def test_cells_beyond_the_header_are_refused(app, tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("name_th,province\nกลุ่มหนึ่ง,สตูล\nกลุ่มสอง,สตูล,extra\n", encoding="utf-8")
    assert [str(e) for e in failures(path)] == ["row 3: has a value in a column without a header (column C)"]


def test_a_file_that_is_not_utf8_is_refused_with_a_hint(app, tmp_path):
    path = tmp_path / "windows-874.csv"
    path.write_bytes("name_th,province\nกลุ่มหนึ่ง,สตูล\n".encode("cp874"))
    assert "UTF-8" in str(failures(path)[0])


@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_utf8_with_or_without_a_bom(app, tmp_path, bom):
    path = write_csv(tmp_path / "file.csv", [row()], bom=bom)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf") is bom
    import_organisations_file(path)
    assert [(o.ref, o.name_th) for o in organisations()] == [("T01", "มูลนิธิทดสอบละงู")]


def test_thai_digits_and_buddhist_era_years(app, tmp_path):
    path = write_csv(tmp_path / "thai.csv", [
        row(ref="T1", lat="๖.๘๖๒", lon="๙๙.๗๘๑", founded_year="๒๕๕๕"),
        row(ref="T2", founded_year="๒๐๐๘"),
    ])
    import_organisations_file(path)
    first, second = organisations()
    assert (first.latitude, first.longitude, first.founded_year) == (6.862, 99.781, 2012)
    assert not first.is_position_approximate
    assert second.founded_year == 2008


@pytest.mark.parametrize("province", ["สตูล", "Satun", "91", "TH-91", "จังหวัดสตูล", "๙๑"])
def test_a_province_in_any_form(app, province):
    import_organisation_rows([row(province=province, district="")])
    assert organisations()[0].province_code == "91"


@pytest.mark.parametrize("district, province, code", [
    ("ละงู", "สตูล", "9105"), ("อำเภอละงู", "สตูล", "9105"), ("La-ngu", "Satun", "9105"), ("9105", "91", "9105"),
    ("บางรัก", "กรุงเทพมหานคร", "1004"), ("เขตบางรัก", "Bangkok", "1004"), ("Bang Rak District", "10", "1004"),
    ("บางไทร", "พระนครศรีอยุธยา", "1404"),
])
def test_a_district_with_or_without_its_prefix(app, district, province, code):
    import_organisation_rows([row(district=district, province=province, lat="", lon="")])
    assert organisations()[0].district_code == code


def test_without_coordinates_the_district_or_province_centroid_is_used_and_marked_approximate(app):
    import_organisation_rows([row(ref="D", lat="", lon=""), row(ref="P", district="", lat="", lon="")])
    in_district, in_province = organisations()
    places = gazetteer()
    assert (in_district.latitude, in_district.longitude) == (places.districts["9105"].latitude,
                                                             places.districts["9105"].longitude)
    assert (in_province.latitude, in_province.longitude) == (places.provinces["91"].latitude,
                                                             places.provinces["91"].longitude)
    assert in_district.is_position_approximate and in_province.is_position_approximate


def test_reimporting_the_same_file_changes_nothing(app):
    summary = import_organisations_file(DEV_ORGS)
    db.session.commit()
    before = snapshot()

    with recorded_statements() as statements:
        again = import_organisations_file(DEV_ORGS)
        db.session.commit()

    assert (again.created, again.updated, again.unchanged) == (0, 0, 32)
    assert summary.created == 32
    assert not [s for s in statements if s.startswith(("INSERT", "UPDATE", "DELETE"))]
    assert snapshot() == before


def test_export_then_import_changes_nothing(app, tmp_path, make_organisation):
    import_organisations_file(DEV_ORGS)
    make_organisation(name_th="กลุ่มที่ไม่มีรหัส", district="1413", province="Phra Nakhon Si Ayutthaya")
    make_organisation(name_th="กลุ่มที่ตั้งแน่นอน", latitude=6.9, longitude=100.0, commit=False)
    db.session.commit()
    before = snapshot()

    assert export_organisations_csv(tmp_path / "export.csv") == 34
    with recorded_statements() as statements:
        summary = import_organisations_file(tmp_path / "export.csv")
        db.session.commit()

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 34)
    assert not [s for s in statements if s.startswith(("INSERT", "UPDATE", "DELETE"))]
    assert snapshot() == before


def test_export_of_an_import_reproduces_the_file(app, tmp_path):
    import_organisations_file(DEV_ORGS)
    db.session.commit()
    export_organisations_csv(tmp_path / "export.csv")
    places = gazetteer()

    exported, original = read_csv(tmp_path / "export.csv"), read_csv(DEV_ORGS)

    assert list(exported[0]) == CSV_COLUMNS
    assert [r["ref"] for r in exported] == [r["ref"] for r in original]
    for out, given in zip(exported, original):
        province = places.province(given["province"]).code
        assert places.province(out["province"]).code == province
        assert (places.district(out["district"], province).code
                == places.district(given["district"], province).code)
        assert set(out["issue_areas"].split(";")) == set(given["issue_areas"].split(";"))
        assert out["type"] == given["type"]
        for column in ("lat", "lon"):
            assert (float(out[column]) if out[column] else None) == (float(given[column]) if given[column] else None)
        for column in set(CSV_COLUMNS) - {"province", "district", "issue_areas", "type", "lat", "lon"}:
            assert out[column] == given.get(column, ""), (given["ref"], column)  # a newer column: blank


def test_export_writes_a_bom_and_lists_organisations_without_a_ref_last(app, tmp_path, make_organisation):
    make_organisation(name_th="ไม่มีรหัส")
    import_organisation_rows([row(ref="B"), row(ref="A")])
    db.session.commit()
    export_organisations_csv(tmp_path / "export.csv")
    assert (tmp_path / "export.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert [r["ref"] for r in read_csv(tmp_path / "export.csv")] == ["A", "B", ""]


def test_a_row_with_a_known_ref_updates_that_organisation_in_place(app, tmp_path):
    import_organisations_file(DEV_ORGS)
    db.session.commit()
    before = {ref: (id_, version) for ref, id_, version, _ in snapshot()}
    rows = read_csv(DEV_ORGS)
    rows[2].update(name_en="Satun Youth Sea Network", province="Phayao", district="Chiang Kham", lat="", lon="")

    summary = import_organisations_file(write_csv(tmp_path / "changed.csv", rows))
    db.session.commit()

    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 31)
    after = {ref: (id_, version) for ref, id_, version, _ in snapshot()}
    assert after["D03"] == (before["D03"][0], before["D03"][1] + 1)
    assert {ref: v for ref, v in after.items() if ref != "D03"} == {
        ref: v for ref, v in before.items() if ref != "D03"}
    changed = db.session.scalar(sa.select(Organisation).filter_by(ref="D03"))
    assert (changed.name_en, changed.province_code, changed.district.name_en) == (
        "Satun Youth Sea Network", "56", "Chiang Kham")
    assert changed.is_position_approximate


def test_rows_without_a_ref_match_by_thai_name_in_the_same_province(app, make_organisation):
    draft = make_organisation(name_th="กลุ่มออมทรัพย์บ้านนา", province="สตูล", status=OrganisationStatus.DRAFT)
    draft_id = draft.id

    summary = import_organisation_rows([
        {"name_th": "กลุ่มออมทรัพย์บ้านนา", "province": "Satun", "name_en": "Ban Na Savings Group"},
        {"name_th": "กลุ่มออมทรัพย์บ้านนา", "province": "Trang"},
    ])
    db.session.commit()

    assert (summary.created, summary.updated) == (1, 1)
    matched = db.session.get(Organisation, draft_id)
    assert matched.name_en == "Ban Na Savings Group"
    assert matched.status is OrganisationStatus.DRAFT  # an import never changes a status
    new = db.session.scalar(sa.select(Organisation).filter_by(province_code="92"))
    assert new.status is OrganisationStatus.PUBLISHED


def test_a_row_without_a_ref_that_could_be_several_organisations_is_refused(app, make_organisation):
    first = make_organisation(name_th="กลุ่มแม่บ้าน")
    second = make_organisation(name_th="กลุ่มแม่บ้าน")
    with pytest.raises(ImportFailed) as failed:
        import_organisation_rows([{"name_th": "กลุ่มแม่บ้าน", "province": "สตูล"}])
    assert first.public_id in str(failed.value.errors[0]) and second.public_id in str(failed.value.errors[0])


def test_two_rows_without_a_ref_for_the_same_organisation_are_refused(app):
    with pytest.raises(ImportFailed) as failed:
        import_organisation_rows([{"name_th": "กลุ่มแม่บ้าน", "province": "สตูล"},
                                  {"name_th": "กลุ่มแม่บ้าน", "province": "Satun"}])
    assert [(e.row, e.column) for e in failed.value.errors] == [(3, "name_th")]


def test_a_column_left_out_of_the_file_is_left_alone(app, make_organisation):
    organisation = make_organisation(name_th="กลุ่มเดิม", email="old@example.org", founded_year=2001)
    import_organisation_rows([{"name_th": "กลุ่มเดิม", "province": "สตูล", "email": ""}])
    db.session.commit()
    db.session.refresh(organisation)
    assert (organisation.email, organisation.founded_year) == (None, 2001)


def test_mark_demo_marks_new_organisations_only(app, make_organisation):
    make_organisation(name_th="กลุ่มจริง")
    import_organisation_rows([{"name_th": "กลุ่มจริง", "province": "สตูล"}, row()], mark_demo=True)
    db.session.commit()
    assert {o.name_th: o.is_demo for o in organisations()} == {"กลุ่มจริง": False, "มูลนิธิทดสอบละงู": True}


def test_a_dry_run_counts_but_writes_nothing(app):
    summary = import_organisations_file(DEV_ORGS, dry_run=True)
    db.session.commit()
    assert summary.created == 32
    assert organisation_count() == 0


def test_progress_is_reported_row_by_row(app):
    calls = []
    import_organisations_file(DEV_ORGS, progress=lambda step, done, total: calls.append((step, done, total)))
    assert [call for call in calls if call[0] == "writing"] == [("writing", done, 32) for done in range(1, 33)]
    assert [call for call in calls if call[0] == "checking"] == [("checking", done, 32) for done in range(1, 33)]


def test_matching_costs_the_same_queries_for_3_rows_as_for_30(app, tmp_path):
    import_organisations_file(DEV_ORGS)
    db.session.commit()
    rows = read_csv(DEV_ORGS)
    for changed in rows:
        changed["name_en"] += " (renamed)"
    counts = []
    for size in (3, 30):
        with recorded_statements() as statements:
            import_organisations_file(write_csv(tmp_path / f"{size}.csv", rows[:size]))
        db.session.rollback()
        counts.append(len([s for s in statements if s.startswith("SELECT")]))
    assert counts[0] == counts[1]


def test_blank_lines_and_a_copy_of_the_shared_file(app, tmp_path):
    path = tmp_path / "with-blank-lines.csv"
    shutil.copyfile(DEV_ORGS, path)
    with open(path, "a", encoding="utf-8", newline="") as handle:
        handle.write("\r\n,,,,,,,,,,,,,,,,,\r\n")
    assert import_organisations_file(path).created == 32
