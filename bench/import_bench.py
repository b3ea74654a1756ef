"""How long `flask orgs import` takes for 10,000 rows, against the floor of a plain bulk insert.

Each step runs as a whole process in a fresh SQLite database, so start-up, migrations and the
commit are all counted. The baseline is measured in the same run: the same CSV parsed with the csv
module and inserted with sqlite3's executemany into a copy of the same migrated, seeded database,
resolving names with plain dicts and checking nothing. A plain script, never run as a test:

    .venv/bin/python bench/import_bench.py [--rows 10000] [--runs 5] [--seed 20261126]
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "seeds"
COLUMNS = [
    "ref", "name_th", "name_en", "type", "province", "district", "issue_areas", "description_th",
    "description_en", "address", "lat", "lon", "phone", "email", "website", "facebook", "line_id",
    "founded_year",
]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
FROM_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BOUNDS = {"lat": (5.5, 20.6), "lon": (97.3, 105.7)}
# How each type's organisations tend to start their Thai name.
NAME_PREFIXES_TH = {
    "community-group": ("กลุ่ม", "ชมรม"), "foundation": ("มูลนิธิ",), "association": ("สมาคม",),
    "network": ("เครือข่าย",), "community-enterprise": ("วิสาหกิจชุมชน",),
    "community-council": ("สภาองค์กรชุมชน",), "social-enterprise": ("กิจการเพื่อสังคม",), "other": ("ศูนย์",),
}


def read_seed(name):
    with open(SEEDS / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def short_name_th(name):
    for prefix in ("เขต", "อำเภอ"):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def generate_rows(count, seed):
    """Realistic rows built from the seed vocabulary; the same seed gives the same rows."""
    rng = random.Random(seed)
    provinces = {p["code"]: p for p in read_seed("provinces.csv")}
    districts = read_seed("districts.csv")
    tambon_means = {row["code"]: row for row in read_seed("districts_tambon_mean.csv")}
    issue_areas = read_seed("issue_areas.csv")
    types = read_seed("org_types.csv")
    english_names = {}
    for district in districts:
        key = (district["province_code"], district["name_en"])
        english_names[key] = english_names.get(key, 0) + 1
    names_used = {}  # (name, district) -> times: a name twice in one district is a likely duplicate
    for number in range(1, count + 1):
        district = rng.choice(districts)
        province = provinces[district["province_code"]]
        kind = rng.choice(types)
        areas = rng.sample(issue_areas, rng.choice((1, 1, 2, 2, 3)))
        place_th = short_name_th(district["name_th"])
        prefix = rng.choice(NAME_PREFIXES_TH[kind["slug"]])
        year = rng.randint(1975, 2024)
        name_th = f"{prefix}{areas[0]['name_th']}{place_th}"
        seen = names_used[name_th, district["code"]] = names_used.get((name_th, district["code"]), 0) + 1
        if seen > 1:
            name_th += f" หมู่ {seen}"  # another village's group of the same kind
        row = dict.fromkeys(COLUMNS, "")
        row.update(
            ref=f"B{number:05d}",
            name_th=name_th,
            name_en=f"{district['name_en']} {areas[0]['name_en']} {kind['name_en']}",
            type=rng.choice((kind["slug"], kind["slug"], kind["name_th"], kind["name_en"])),
            province=_province_as_typed(rng, province),
            district=_district_as_typed(rng, district, english_names),
            issue_areas=";".join(rng.choice((a["slug"], a["slug"], a["name_th"])) for a in areas),
            description_th=(f"{prefix}ที่ทำงานด้าน{'และ'.join(a['name_th'] for a in areas)} "
                            f"ในพื้นที่{district['name_th']} จังหวัด{province['name_th']} "
                            f"ร่วมกับชาวบ้านและภาคีเครือข่ายมาตั้งแต่ปี {year + 543}"),
            description_en=(f"Works on {' and '.join(a['name_en'].lower() for a in areas)} in "
                            f"{district['name_en']}, {province['name_en']}, with villagers and partners "
                            f"since {year}."),
            address=f"เลขที่ {rng.randint(1, 299)} หมู่ {rng.randint(1, 15)} {district['name_th']}",
            founded_year=str(year + 543 if rng.random() < 0.15 else year),
        )
        if rng.random() < 0.6:
            lat, lon = _centroid(district, tambon_means, province)
            row["lat"] = f"{_inside(lat + rng.uniform(-0.02, 0.02), 'lat'):.5f}"
            row["lon"] = f"{_inside(lon + rng.uniform(-0.02, 0.02), 'lon'):.5f}"
            if rng.random() < 0.1:
                row["lat"], row["lon"] = row["lat"].translate(THAI_DIGITS), row["lon"].translate(THAI_DIGITS)
        if rng.random() < 0.5:
            row["phone"] = (f"0{rng.randint(2, 9)}{rng.randint(0, 9)}-"
                            f"{rng.randint(0, 999):03d}-{rng.randint(0, 999):03d}")
        if rng.random() < 0.3:
            row["email"] = f"contact{number}@example.org"
        if rng.random() < 0.2:
            row["website"] = f"https://example.org/{row['ref'].lower()}"
        if rng.random() < 0.2:
            row["facebook"] = f"https://www.facebook.com/org{number}"
        if rng.random() < 0.1:
            row["line_id"] = f"@org{number}"
        yield row


def _province_as_typed(rng, province):
    return rng.choices((province["name_th"], province["name_en"], province["iso_code"], province["code"]),
                       weights=(6, 2, 1, 1))[0]


def _district_as_typed(rng, district, english_names):
    draw = rng.random()
    if draw < 0.1:
        return ""
    if draw < 0.55:
        return short_name_th(district["name_th"])
    if draw < 0.8 or english_names[(district["province_code"], district["name_en"])] > 1:
        return district["name_th"] if district["province_code"] == "10" else "อำเภอ" + district["name_th"]
    return district["name_en"]


def _centroid(district, tambon_means, province):
    if district["lat"]:
        return float(district["lat"]), float(district["lon"])
    if district["code"] in tambon_means:
        mean = tambon_means[district["code"]]
        return float(mean["lat_mean"]), float(mean["lon_mean"])
    return float(province["lat"]), float(province["lon"])


def _inside(value, axis):
    low, high = BOUNDS[axis]
    return min(max(value, low), high)


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def baseline_insert(database, csv_path):
    """The floor: parse with csv, resolve with dicts, insert with executemany, commit once."""
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA synchronous=NORMAL")
    provinces, province_positions = {}, {}
    for code, iso_code, name_th, name_en, lat, lon in connection.execute(
            "SELECT code, iso_code, name_th, name_en, latitude, longitude FROM provinces"):
        provinces.update(dict.fromkeys((code, iso_code, name_th, name_en), code))
        province_positions[code] = (lat, lon)
    districts, district_positions = {}, {}
    for code, province_code, name_th, name_en, lat, lon in connection.execute(
            "SELECT code, province_code, name_th, name_en, latitude, longitude FROM districts"):
        for name in (code, name_th, short_name_th(name_th), "อำเภอ" + name_th, name_en):
            districts[(province_code, name)] = code
        district_positions[code] = (lat, lon)
    types = {}
    for type_id, slug, name_th, name_en in connection.execute(
            "SELECT id, slug, name_th, name_en FROM organisation_types"):
        types.update(dict.fromkeys((slug, name_th, name_en), type_id))
    areas = {}
    for area_id, slug, name_th in connection.execute("SELECT id, slug, name_th FROM issue_areas"):
        areas.update(dict.fromkeys((slug, name_th), area_id))

    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    organisations, links = [], []
    for number, row in enumerate(rows):
        province_code = provinces[row["province"]]
        district_code = districts[(province_code, row["district"])] if row["district"] else None
        if row["lat"]:
            lat, lon = float(row["lat"].translate(FROM_THAI_DIGITS)), float(row["lon"].translate(FROM_THAI_DIGITS))
            approximate = False
        else:
            lat, lon = district_positions.get(district_code) or province_positions[province_code]
            approximate = True
        year = int(row["founded_year"])
        public_id = f"b{number:07d}"
        organisations.append((
            public_id, public_id, row["ref"], row["name_th"], row["name_en"] or None, types[row["type"]],
            row["description_th"] or None, row["description_en"] or None, year - 543 if year > 2300 else year,
            province_code, district_code, row["address"] or None, lat, lon, approximate, "[]",
            row["phone"] or None, row["email"] or None, row["website"] or None, row["facebook"] or None,
            row["line_id"] or None, "published", False, False, 1,
        ))
        links.append((row["ref"], {areas[name] for name in row["issue_areas"].split(";")}))
    connection.executemany(
        "INSERT INTO organisations (public_id, slug, ref, name_th, name_en, type_id, description_th, "
        "description_en, founded_year, province_code, district_code, address, latitude, longitude, "
        "is_position_approximate, target_groups, phone, email, website, facebook, line_id, status, "
        "is_verified, is_demo, version) VALUES (" + ", ".join("?" * 25) + ")",
        organisations,
    )
    ids = dict(connection.execute("SELECT ref, id FROM organisations"))
    connection.executemany(
        "INSERT INTO organisation_issue_areas (organisation_id, issue_area_id) VALUES (?, ?)",
        [(ids[ref], area_id) for ref, area_ids in links for area_id in area_ids],
    )
    connection.commit()
    connection.close()


def run(command, env, log):
    """Run a process to its end; returns (seconds, peak resident MB), or exits on failure."""
    with open(log, "wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=PROJECT, env=env, stdin=subprocess.DEVNULL,
                                   stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"failed ({process.returncode}): {' '.join(map(str, command))}\n{Path(log).read_text()[-3000:]}")
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return elapsed, peak_mb


def bench(rows, runs, seed):
    results = {}
    with tempfile.TemporaryDirectory(prefix="import-bench-") as scratch:
        scratch = Path(scratch)
        csv_path = scratch / "organisations.csv"
        write_csv(csv_path, generate_rows(rows, seed))
        flask = [sys.executable, "-m", "flask"]
        for number in range(1, runs + 1):
            folder = scratch / f"run{number}"
            folder.mkdir()
            database = folder / "directory.sqlite3"
            env = {**os.environ, "FLASK_APP": "wsgi", "DIRECTORY_ENV": "development",
                   "DATABASE_URL": f"sqlite:///{database}", "SEARCH_INDEX_DIR": str(folder / "index"),
                   "SECRET_KEY": "bench"}
            log = folder / "log.txt"

            def timed(step, command, environment=env):
                results.setdefault(step, []).append(run(command, environment, log))

            timed("flask app start (flask orgs --help)", [*flask, "orgs", "--help"])
            upgrade = run([*flask, "db", "upgrade"], env, log)
            seed_step = run([*flask, "seed"], env, log)
            results.setdefault("flask db upgrade + flask seed", []).append(
                (upgrade[0] + seed_step[0], max(upgrade[1], seed_step[1])))
            baseline_database = folder / "baseline.sqlite3"
            shutil.copyfile(database, baseline_database)
            timed(f"baseline: csv + sqlite3 executemany ({rows:,} rows)",
                  [sys.executable, __file__, "--baseline", str(baseline_database), str(csv_path)])
            timed("flask orgs import --dry-run (all but the commit)",
                  [*flask, "orgs", "import", "--dry-run", str(csv_path)])
            timed(f"flask orgs import ({rows:,} new rows)", [*flask, "orgs", "import", str(csv_path)])
            timed("flask orgs import again (no change)", [*flask, "orgs", "import", str(csv_path)])
            _check_same_counts(database, baseline_database, rows)
            print(f"run {number}/{runs} done", file=sys.stderr)
    return results


def _check_same_counts(database, baseline_database, rows):
    """Both sides must have written the same organisations and links, or the comparison is void."""
    counts = []
    for path in (database, baseline_database):
        with sqlite3.connect(path) as connection:
            counts.append(tuple(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                                for table in ("organisations", "organisation_issue_areas")))
    if counts[0] != counts[1] or counts[0][0] != rows:
        sys.exit(f"the two imports differ: ours {counts[0]}, baseline {counts[1]}")


def print_table(results, rows, runs):
    print(f"\n{rows:,} rows, {runs} runs each, fresh SQLite databases; whole processes, wall-clock seconds\n")
    print(f"| {'step':<52} | median s |  min s |  max s | peak RSS MB |")
    print(f"|{'-' * 54}|---------:|-------:|-------:|------------:|")
    for step, samples in results.items():
        seconds = [s for s, _ in samples]
        print(f"| {step:<52} | {statistics.median(seconds):8.2f} | {min(seconds):6.2f} | {max(seconds):6.2f} "
              f"| {statistics.median(m for _, m in samples):11.0f} |")
    floor = statistics.median(s for s, _ in results[f"baseline: csv + sqlite3 executemany ({rows:,} rows)"])
    print()
    for step in (f"flask orgs import ({rows:,} new rows)", "flask orgs import --dry-run (all but the commit)"):
        ours = statistics.median(s for s, _ in results[step])
        print(f"ratio ours/baseline, {step}: {ours / floor:.1f}x "
              f"({rows / ours:,.0f} rows/s against {rows / floor:,.0f} rows/s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--write-csv", metavar="PATH", help="only write the generated CSV and stop")
    parser.add_argument("--baseline", nargs=2, metavar=("DATABASE", "CSV"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.baseline:
        baseline_insert(*args.baseline)
    elif args.write_csv:
        write_csv(args.write_csv, generate_rows(args.rows, args.seed))
    else:
        print_table(bench(args.rows, args.runs, args.seed), args.rows, args.runs)


if __name__ == "__main__":
    main()
