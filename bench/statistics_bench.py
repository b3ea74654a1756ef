"""How long /statistics takes at 50,000 organisations, against the home page in the same run.

One SQLite database is filled with bench/import_bench.py's generated organisations (imported with
`flask orgs import`) and the programme's events; then, in one process, the test client asks for the
home page, /statistics and /api/v1/statistics in turn, after one warm-up request each, and the medians
are printed with their ratio to the home page's: once counting on every request (STATISTICS_CACHE_S=0),
once with the default per-worker cache of a minute. A plain script, never run as a test:

    .venv/bin/python bench/statistics_bench.py [--rows 50000] [--requests 30] [--seed 20261204]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_bench import generate_rows, run, write_csv  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
MEASURE = """
import statistics, sys, time
from wsgi import app
client = app.test_client()
paths = ["/", "/statistics", "/api/v1/statistics"]
times = {path: [] for path in paths}
for path in paths:
    assert client.get(path).status_code == 200  # warm-up
for _ in range(int(sys.argv[1])):
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        times[path].append(time.perf_counter() - started)
        assert response.status_code == 200
body = client.get("/api/v1/statistics").get_json()
print(body["total"])
for path in paths:
    print(path, statistics.median(times[path]), min(times[path]), max(times[path]))
"""


def filled_database(scratch, rows, seed, *commands):
    """The environment of an app on a new SQLite database in `scratch`, seeded, with `rows` generated
    organisations imported (then each of `commands`, e.g. ["search", "reindex"], run)."""
    env = {**os.environ, "FLASK_APP": "wsgi", "DIRECTORY_ENV": "development", "SECRET_KEY": "bench",
           "DATABASE_URL": f"sqlite:///{scratch / 'directory.sqlite3'}",
           "SEARCH_INDEX_DIR": str(scratch / "index"), "UPLOAD_DIR": str(scratch / "uploads")}
    log = scratch / "log.txt"
    source = scratch / "generated.csv"
    write_csv(source, generate_rows(rows, seed))
    flask = [sys.executable, "-m", "flask"]
    for command in (["db", "upgrade"], ["seed"], ["orgs", "import", str(source)], *commands):
        run([*flask, *command], env, log)
    return env


def measure_in_child(script, env, *arguments):
    """Run `script` with `python -c script *arguments` in the project on `env` (filled_database's, plus any
    settings the measurement needs) and return the lines it printed. A child of its own keeps this process's
    imports and the database setup out of the timings; a failure exits with the child's error output."""
    child = subprocess.run([sys.executable, "-c", script, *map(str, arguments)], cwd=PROJECT, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if child.returncode:
        sys.exit(f"measurement failed ({child.returncode}):\n{child.stderr[-3000:]}")
    return child.stdout.splitlines()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20261204)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="statistics-bench-") as scratch:
        env = filled_database(Path(scratch), arguments.rows, arguments.seed, ["search", "reindex"])
        outputs = {cache: measure_in_child(MEASURE, {**env, "STATISTICS_CACHE_S": cache}, arguments.requests)
                   for cache in ("0", "60")}
    for cache, output in outputs.items():
        total, lines = int(output[0]), [line.split() for line in output[1:]]
        home = float(lines[0][1])
        print(f"{total:,} published organisations, {arguments.requests} requests each, test client, one process, "
              f"STATISTICS_CACHE_S={cache}" + (" (counted on every request)" if cache == "0" else " (the default)"))
        for path, median, fastest, slowest in lines:
            median, fastest, slowest = float(median), float(fastest), float(slowest)
            print(f"  {path:22} median {median * 1000:7.1f} ms  (min {fastest * 1000:6.1f}, "
                  f"max {slowest * 1000:6.1f})  {median / home:5.2f}x home")


if __name__ == "__main__":
    main()
