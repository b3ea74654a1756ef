"""How long the results map's points take at 50,000 organisations, against the results page in the same run.

One SQLite database is filled with bench/import_bench.py's generated organisations and indexed; then, in
one process, the test client asks in turn for the results page and the map's points
(/organisations/map.json: the first MAP_MARKER_LIMIT results' names and positions) of the same searches,
after one warm-up request each, with the answer cache off (SEARCH_CACHE=0) so that every request searches
(and no per-address limit: SEARCH_LIMIT is raised).
Medians are printed with their ratio to the results page of the same search. A plain script, never a test:

    .venv/bin/python bench/map_bench.py [--rows 50000] [--requests 20] [--seed 20261204]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from statistics_bench import filled_database, measure_in_child  # noqa: E402

SEARCHES = ["", "?province=10", "?q=เด็ก", "?near=13.75,100.5&radius_km=50"]
MEASURE = """
import json, statistics, sys, time
from wsgi import app
client = app.test_client()
searches = json.loads(sys.argv[2])
paths = [base + search for search in searches for base in ("/organisations", "/organisations/map.json")]
times = {path: [] for path in paths}
points = {}
for path in paths:
    response = client.get(path)  # warm-up
    assert response.status_code == 200, path
    if "map.json" in path:
        points[path] = (len(response.get_json()["features"]), response.get_json()["total"], len(response.data))
for _ in range(int(sys.argv[1])):
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        times[path].append(time.perf_counter() - started)
        assert response.status_code == 200
print(json.dumps({path: [statistics.median(times[path]), points.get(path)] for path in paths}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=20261204)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="map-bench-") as scratch:
        env = filled_database(Path(scratch), arguments.rows, arguments.seed, ["search", "reindex"])
        output = measure_in_child(MEASURE, {**env, "SEARCH_CACHE": "0", "SEARCH_LIMIT": "100000 per minute"},
                                  arguments.requests, json.dumps(SEARCHES))
    medians = json.loads(output[-1])
    print(f"{arguments.rows:,} organisations, {arguments.requests} requests each, test client, one process, "
          "SEARCH_CACHE=0")
    for search in SEARCHES:
        page, _ = medians["/organisations" + search]
        points, (shown, total, size) = medians["/organisations/map.json" + search]
        print(f"  {search or '(everything)':32} page {page * 1000:7.1f} ms   map points {points * 1000:7.1f} ms "
              f"({points / page:4.2f}x the page; {shown:,} of {total:,} results, {size / 1024:,.0f} KiB)")


if __name__ == "__main__":
    main()
