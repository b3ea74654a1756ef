"""The demo data set: the generator reproduces the committed CSV, and `flask seed --demo` loads it once."""
import csv
import math
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus
from directory.workflows.demo_data import DEMO_CSV

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GENERATOR = SEEDS / "generate_demo_organisations.py"
COLUMNS = [
    "ref", "name_th", "name_en", "type", "province", "district", "issue_areas", "description_th",
    "description_en", "address", "lat", "lon", "phone", "email", "website", "facebook", "line_id",
    "founded_year",
]
# Words the search tests and demonstrations lean on; each must turn up in several descriptions.
SEARCH_TERMS = ["ผู้สูงอายุ", "เด็กและเยาวชน", "ป่าชุมชน", "สิทธิมนุษยชน", "การศึกษา", "แรงงานข้ามชาติ",
                "เกษตรอินทรีย์", "คนพิการ", "สันติภาพ"]


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def demo_rows():
    return read_csv(DEMO_CSV)


@pytest.fixture(scope="module")
def districts_by_province():
    found = {}
    for row in read_csv(SEEDS / "districts.csv"):
        found.setdefault(row["province_code"], []).append(row)
    return found


@pytest.fixture(scope="module")
def province_codes():
    return {row["name_th"]: row["code"] for row in read_csv(SEEDS / "provinces.csv")}


def test_the_generator_reproduces_the_committed_csv(tmp_path):
    output = tmp_path / "demo.csv"
    # Another hash seed than the committed run's (which was random): set order must not matter.
    subprocess.run([sys.executable, str(GENERATOR), "--output", str(output)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONHASHSEED": "7"})
    assert output.read_bytes() == DEMO_CSV.read_bytes()


def test_the_csv_is_in_the_import_format(demo_rows):
    first_line = DEMO_CSV.read_bytes().split(b"\n", 1)[0]
    assert first_line.decode("utf-8") == ",".join(COLUMNS)  # no BOM, no comment line before the header
    assert len(demo_rows) >= 300
    assert [row["ref"] for row in demo_rows] == [f"DEMO-{n:04d}" for n in range(1, len(demo_rows) + 1)]
    assert len({row["name_th"] for row in demo_rows}) == len(demo_rows)
    assert len({row["name_en"] for row in demo_rows}) == len(demo_rows)


def test_every_province_has_organisations_and_bangkok_the_most(demo_rows, province_codes):
    per_province = Counter(row["province"] for row in demo_rows)
    assert set(per_province) == set(province_codes)
    assert min(per_province.values()) >= 2
    assert per_province.most_common(1)[0][0] == "กรุงเทพมหานคร"


def test_types_issue_areas_and_years_are_valid(demo_rows):
    types = {row["slug"] for row in read_csv(SEEDS / "org_types.csv")}
    areas = {row["slug"] for row in read_csv(SEEDS / "issue_areas.csv")}
    assert {row["type"] for row in demo_rows} == types
    used_areas = set()
    for row in demo_rows:
        slugs = row["issue_areas"].split(";")
        assert 1 <= len(slugs) <= 3 and len(set(slugs)) == len(slugs) and set(slugs) <= areas, row["ref"]
        used_areas.update(slugs)
        assert 1975 <= int(row["founded_year"]) <= 2023
    assert used_areas == areas


def test_contacts_are_plainly_fake(demo_rows):
    for row in demo_rows:
        assert re.fullmatch(r"0\d\d-555-\d{4}", row["phone"]), row["ref"]
        assert row["email"] == "" or row["email"].endswith("@example.org")
        assert row["website"] == "" or row["website"].startswith("https://example.org/")
        assert row["facebook"] == "" or row["facebook"].startswith("https://facebook.com/example.")
    assert any(row["line_id"] for row in demo_rows) and any(not row["line_id"] for row in demo_rows)


def test_districts_are_written_the_ways_people_write_them(demo_rows, districts_by_province, province_codes):
    spellings = Counter()
    for row in demo_rows:
        district, spelling = _district(row, districts_by_province[province_codes[row["province"]]])
        assert district is not None, f"{row['ref']}: {row['district']!r} is not in {row['province']}"
        spellings[spelling] += 1
    assert set(spellings) == {"thai", "with prefix", "without prefix", "english"}


def test_half_give_a_position_near_their_district(demo_rows, districts_by_province, province_codes):
    positioned = [row for row in demo_rows if row["lat"]]
    assert 0.4 <= len(positioned) / len(demo_rows) <= 0.6
    for row in positioned:
        district, _ = _district(row, districts_by_province[province_codes[row["province"]]])
        assert district["lat"], row["ref"]
        assert _km(float(row["lat"]), float(row["lon"]), float(district["lat"]), float(district["lon"])) <= 5


def test_descriptions_carry_the_search_vocabulary(demo_rows):
    for term in SEARCH_TERMS:
        assert sum(term in row["description_th"] for row in demo_rows) >= 3, term
    assert all(row["description_th"] and row["description_en"] for row in demo_rows)


def test_seed_demo_loads_every_row_once(runner, demo_rows):
    result = runner.invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    assert f"{len(demo_rows)} created" in result.output

    organisations = db.session.scalars(sa.select(Organisation)).all()
    assert sorted(o.ref for o in organisations) == [row["ref"] for row in demo_rows]
    assert all(o.is_demo and o.status is OrganisationStatus.PUBLISHED for o in organisations)
    assert all(o.district_code is not None for o in organisations)
    assert sum(not o.is_position_approximate for o in organisations) == sum(bool(r["lat"]) for r in demo_rows)
    before = {o.ref: (o.version, o.updated_at) for o in organisations}

    result = runner.invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    assert f"0 created, 0 updated, {len(demo_rows)} unchanged" in result.output
    db.session.expire_all()
    after = {o.ref: (o.version, o.updated_at) for o in db.session.scalars(sa.select(Organisation))}
    assert after == before


def _district(row, districts):
    """The district a row's cell names, and which of the spellings it uses."""
    cell = row["district"]
    for district in districts:
        if cell == district["name_th"]:
            return district, "thai"
        if cell == "อำเภอ" + district["name_th"]:
            return district, "with prefix"
        if "เขต" + cell == district["name_th"]:
            return district, "without prefix"
        if cell == district["name_en"]:
            return district, "english"
    return None, None


def _km(lat1, lon1, lat2, lon2):
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((phi2 - phi1) / 2) ** 2
         + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(a))
