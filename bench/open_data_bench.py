"""How long the /data downloads take to write, against the floor of dumping the same table with the csv module.

One SQLite database is filled with generated organisations (bench/import_bench.py's rows, imported with
`flask orgs import`), then each step runs as a whole process, several times, and reports its median:

- the app's start-up alone (`flask orgs --help`), which every flask step below includes;
- baseline: every column of the organisations table written with sqlite3 + csv (no joins, no formatting);
- `flask orgs export FILE.csv` (what /data/organisations.csv writes, every organisation here);
- `flask orgs export --format json FILE.json` (what /data/organisations.json writes);
- `flask orgs export --format hsds FOLDER` (the Open Referral HSDS tables /data/organisations.hsds.zip zips);
- a cached download: the /data page and its JSON served by the test client once the files exist.

A plain script, never run as a test:

    .venv/bin/python bench/open_data_bench.py [--rows 10000] [--runs 3] [--seed 20261204]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_bench import generate_rows, run, write_csv  # noqa: E402
from statistics_bench import measure_in_child  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
DUMP = """
import csv, sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("SELECT * FROM organisations")
with open(sys.argv[2], "w", encoding="utf-8", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(column[0] for column in rows.description)
    writer.writerows(rows)
"""
SERVE = """
import time
from wsgi import app
client = app.test_client()
client.get("/data")  # writes the files if they are missing
started = time.perf_counter()
for _ in range(20):
    with client.get("/data/organisations.json") as response:
        assert response.status_code == 200 and len(response.data) > 1000
print((time.perf_counter() - started) / 20)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261204)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="open-data-bench-") as scratch:
        scratch = Path(scratch)
        database = scratch / "directory.sqlite3"
        env = {**os.environ, "FLASK_APP": "wsgi", "DIRECTORY_ENV": "development", "SECRET_KEY": "bench",
               "DATABASE_URL": f"sqlite:///{database}", "SEARCH_INDEX_DIR": str(scratch / "index"),
               "UPLOAD_DIR": str(scratch / "uploads")}
        log = scratch / "log.txt"
        flask = [sys.executable, "-m", "flask"]
        source = scratch / "generated.csv"
        write_csv(source, generate_rows(arguments.rows, arguments.seed))
        for command in (["db", "upgrade"], ["seed"], ["orgs", "import", str(source)]):
            run([*flask, *command], env, log)
        steps = {
            "flask app start (flask orgs --help)": [*flask, "orgs", "--help"],
            "baseline: sqlite3 + csv, one table": [sys.executable, "-c", DUMP, str(database),
                                                   str(scratch / "dump.csv")],
            "flask orgs export (CSV, import format)": [*flask, "orgs", "export", str(scratch / "out.csv")],
            "flask orgs export --format json": [*flask, "orgs", "export", "--format", "json",
                                                str(scratch / "out.json")],
            "flask orgs export --format hsds (a folder)": [*flask, "orgs", "export", "--format", "hsds",
                                                           str(scratch / "hsds")],
        }
        times = {name: [] for name in steps}
        for number in range(arguments.runs):
            for name, command in steps.items():
                times[name].append(run(command, env, log)[0])
            print(f"run {number + 1}/{arguments.runs} done", file=sys.stderr)
        served = float(measure_in_child(SERVE, env)[-1])
    baseline = statistics.median(times["baseline: sqlite3 + csv, one table"])
    print(f"{arguments.rows:,} organisations, median of {arguments.runs} whole-process runs")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:45} {median:7.2f} s   {median / baseline:5.1f}x baseline")
    print(f"  cached /data/organisations.json, served       {served * 1000:7.1f} ms a download (test client)")


if __name__ == "__main__":
    main()
