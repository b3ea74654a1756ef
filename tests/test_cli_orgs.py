"""`flask orgs import` and `flask orgs export`: the commands commit a clean file and refuse a bad one; the
export writes CSV, JSON or an Open Referral HSDS folder."""
import csv
import json
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus
from tests.hsds_schemas import validated_tables

DEV_ORGS = Path(__file__).resolve().parent / "data" / "dev_orgs.csv"


def organisation_count():
    db.session.rollback()  # see what the command committed, not what this session remembers
    return db.session.scalar(sa.select(sa.func.count()).select_from(Organisation))


def test_import_commits_and_reimport_changes_nothing(runner):
    first = runner.invoke(args=["orgs", "import", str(DEV_ORGS)])
    assert first.exit_code == 0, first.output
    assert "imported: 32 created, 0 updated, 0 unchanged" in first.stdout
    assert organisation_count() == 32

    again = runner.invoke(args=["orgs", "import", str(DEV_ORGS)])
    assert "imported: 0 created, 0 updated, 32 unchanged" in again.stdout


def test_a_dry_run_reports_and_writes_nothing(runner):
    result = runner.invoke(args=["orgs", "import", "--dry-run", str(DEV_ORGS)])
    assert result.exit_code == 0, result.output
    assert "dry run, nothing written: 32 created, 0 updated, 0 unchanged" in result.stdout
    assert organisation_count() == 0


def test_a_bad_file_prints_every_error_exits_non_zero_and_writes_nothing(runner, tmp_path):
    with DEV_ORGS.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    rows[3][header.index("province")] = "Atlantis"
    rows[5][header.index("email")] = "nobody-at-example.org"
    rows[5][header.index("founded_year")] = "๓๐๐๐"
    bad = tmp_path / "bad.csv"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)

    result = runner.invoke(args=["orgs", "import", str(bad)])

    this_year = date.today().year
    assert result.exit_code != 0
    # Each error in English, then in Thai, in the "row N, column C: reason" shape.
    assert result.stderr.splitlines()[-7:] == [
        "row 4, column province: unknown province 'Atlantis'; did you mean สตูล?",
        "    แถว 4 คอลัมน์ province: ไม่รู้จักจังหวัด 'Atlantis' หมายถึง สตูล หรือไม่",
        "row 6, column email: not a valid email address",
        "    แถว 6 คอลัมน์ email: ไม่ใช่ที่อยู่อีเมลที่ถูกต้อง",
        "row 6, column founded_year: founded year 3000 is not a year between 1800 and "
        f"{this_year} (or 2343 to {this_year + 543} in the Buddhist era)",
        f"    แถว 6 คอลัมน์ founded_year: ปีที่ก่อตั้ง 3000 ไม่ใช่ปีระหว่าง ค.ศ. 1800 ถึง {this_year} "
        f"(หรือ พ.ศ. 2343 ถึง {this_year + 543})",
        "Error: 3 error(s); nothing was imported",
    ]
    assert organisation_count() == 0


def test_export_writes_every_organisation_in_the_import_format(runner, tmp_path):
    runner.invoke(args=["orgs", "import", str(DEV_ORGS)])
    out = tmp_path / "out.csv"

    result = runner.invoke(args=["orgs", "export", str(out)])

    assert result.exit_code == 0, result.output
    assert f"exported 32 organisations to {out}" in result.stdout
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 32
    assert "0 created, 0 updated, 32 unchanged" in runner.invoke(args=["orgs", "import", str(out)]).stdout


def test_export_as_json_writes_the_published_organisations_as_on_the_data_page(runner, tmp_path):
    runner.invoke(args=["orgs", "import", str(DEV_ORGS)])
    out = tmp_path / "out.json"
    result = runner.invoke(args=["orgs", "export", "--format", "json", str(out)])
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    published = db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)
                                  .where(Organisation.status == OrganisationStatus.PUBLISHED))
    assert document["count"] == len(document["organisations"]) == published > 0
    assert f"exported {published} published organisations to {out}" in result.stdout


def test_export_as_hsds_writes_a_folder_of_tables_that_pass_the_hsds_schemas(runner, tmp_path):
    runner.invoke(args=["orgs", "import", str(DEV_ORGS)])
    out = tmp_path / "hsds"
    result = runner.invoke(args=["orgs", "export", "--format", "hsds", str(out)])
    assert result.exit_code == 0, result.output
    tables = validated_tables(out)
    published = db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)
                                  .where(Organisation.status == OrganisationStatus.PUBLISHED))
    assert len(tables["organizations"]) == published > 0
    assert tables["attributes"] and tables["taxonomy_terms"]
    assert f"exported {published} published organisations as HSDS 3.0 to {out}" in result.stdout


def test_export_refuses_a_folder_for_a_file_and_a_file_for_a_folder(runner, tmp_path):
    a_file = tmp_path / "out.json"
    a_file.write_text("")
    refused = runner.invoke(args=["orgs", "export", "--format", "hsds", str(a_file)])
    assert refused.exit_code == 2 and "is a file; --format hsds writes a folder" in refused.output
    refused = runner.invoke(args=["orgs", "export", "--format", "json", str(tmp_path)])
    assert refused.exit_code == 2 and "is a folder; --format json writes a file" in refused.output
