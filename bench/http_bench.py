"""The app as production runs it, under load: gunicorn (gunicorn.conf.py) with 4 workers on PostgreSQL,
10,000 organisations, the search follower running, and HTTP clients in other processes.

    .venv/bin/python bench/http_bench.py                       # 10,000 organisations, 16 clients, 60 s
    .venv/bin/python bench/http_bench.py --orgs 2000 --seconds 15 --static-seconds 10   # a quick look

Phases, one after another on the same server:
1. static: 16 clients fetch /static/site.css (the baseline measured in the same run);
2. search: 16 clients run a mix of searches (API and results page; Thai and English words, filters,
   distance, pages) from a fixed list, for --seconds;
3. editors: 8 editors save concurrently (PATCH with their version, retrying a 409 from the current
   version) while 8 clients keep searching; afterwards every organisation must hold exactly its saves
   (0 lost updates), and `flask search check` must be clean once the follower has caught up.
It prints throughput, median and p95 latency and errors per phase, and the search/static ratio.
Needs PostgreSQL at --database-server (a database is created and dropped) and Redis (rate limits).
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

QUERIES = [
    "q=ชุมชน", "q=เด็ก", "q=ผู้สูงอายุ", "q=สิ่งแวดล้อม", "q=สุขภาพ", "q=เกษตร", "q=elderly", "q=children",
    "q=environment", "q=community", "q=ป่าชายเลน", "q=สตรี", "q=แรงงาน", "q=ภัยพิบัติ", "q=วัฒนธรรม",
    "q=ชุมชน&province=สตูล", "q=เด็ก&province=เชียงใหม่", "q=elderly&province=Bangkok", "province=กทม",
    "q=สุขภาพ&issue=health-promotion", "q=ชุมชน&page=2", "q=เด็ก&page=3", "issue=environment&province=91",
    "near_district=ละงู&radius_km=50&sort=distance", "near_district=เมืองเชียงใหม่&radius_km=30",
    "q=มูลนิธิ&sort=name", "q=เครือข่าย", "q=Chiang Mai", "q=ไฟป่า เชียงใหม่", "q=สมาคม&type=association",
]


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


# --- clients (each in its own process) ---------------------------------------------------------------

def _client(port, paths, seconds, seed, results):
    """Fetch paths (a list, picked at random) over one keep-alive connection until time runs out."""
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    latencies, errors, statuses = [], 0, {}
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        path = rng.choice(paths)
        began = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            status = 0
        latencies.append(time.perf_counter() - began)
        statuses[status] = statuses.get(status, 0) + 1
        if status != 200:
            errors += 1
    results.put({"latencies": latencies, "errors": errors, "statuses": statuses})


def _editor(port, token, targets, seconds, seed, results):
    """Save the organisations in `targets` (public ids) over and over; a 409 is retried from the current
    version. Reports each save that succeeded: (public id, value, version) and each save's latency."""
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    saves, latencies, conflicts, errors = [], [], 0, 0
    deadline = time.monotonic() + seconds
    number = 0
    while time.monotonic() < deadline:
        public_id = rng.choice(targets)
        connection.request("GET", f"/api/v1/organisations/{public_id}")
        current = json.loads(connection.getresponse().read())
        number += 1
        value = f"editor {seed} save {number}"
        body = json.dumps({"version": current["version"], "description_en": value})
        began = time.perf_counter()
        connection.request("PATCH", f"/api/v1/organisations/{public_id}", body=body, headers=headers)
        response = connection.getresponse()
        answer = response.read()
        latencies.append(time.perf_counter() - began)
        if response.status == 200:
            saves.append((public_id, value, json.loads(answer)["version"]))
        elif response.status == 409:
            conflicts += 1
        else:
            errors += 1
    results.put({"saves": saves, "latencies": latencies, "conflicts": conflicts, "errors": errors})


def run_clients(target, count, argument_lists):
    results = multiprocessing.get_context("fork").Queue()
    processes = [multiprocessing.get_context("fork").Process(target=target, args=(*arguments, results))
                 for arguments in argument_lists[:count]]
    for process in processes:
        process.start()
    gathered = [results.get() for _ in processes]
    for process in processes:
        process.join()
    return gathered


def summary(name, gathered, seconds):
    latencies = [value for result in gathered for value in result["latencies"]]
    errors = sum(result["errors"] for result in gathered)
    return {"phase": name, "requests": len(latencies), "per_s": len(latencies) / seconds,
            "median_ms": statistics.median(latencies) * 1000 if latencies else float("nan"),
            "p95_ms": percentile(latencies, 0.95) * 1000, "max_ms": max(latencies, default=0) * 1000,
            "errors": errors}


# --- the server ------------------------------------------------------------------------------------

class Server:
    def __init__(self, environment, port, scratch):
        self.environment, self.port, self.scratch = environment, port, scratch
        self.processes = []

    def flask(self, *arguments, check=True):
        return subprocess.run([sys.executable, "-m", "flask", *arguments], cwd=PROJECT, env=self.environment,
                              check=check, capture_output=True, text=True)

    def start(self, workers):
        environment = {**self.environment, "WEB_CONCURRENCY": str(workers), "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                       "GUNICORN_ACCESS_LOG": str(self.scratch / "access.log"),
                       "GUNICORN_ERROR_LOG": str(self.scratch / "error.log")}
        self.processes.append(subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
                                               cwd=PROJECT, env=environment))
        self.processes.append(subprocess.Popen([sys.executable, "-m", "flask", "search", "follow"], cwd=PROJECT,
                                               env=self.environment, stdout=subprocess.DEVNULL))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/readyz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"the server did not become ready:\n{(self.scratch / 'error.log').read_text()[-3000:]}")

    def stop(self):
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            process.wait(60)


def prepare(environment, organisations, scratch):
    """Migrate, seed, import the generated organisations and build the index; returns editors' tokens
    and the organisations they edit."""
    from bench.import_bench import generate_rows, write_csv

    csv_path = scratch / "organisations.csv"
    write_csv(csv_path, generate_rows(organisations, 20261203))
    run = lambda *arguments: subprocess.run([sys.executable, "-m", "flask", *arguments], cwd=PROJECT,  # noqa: E731
                                            env=environment, check=True, capture_output=True)
    run("db", "upgrade")
    run("seed")
    run("orgs", "import", str(csv_path))
    run("search", "reindex")
    script = (
        "from directory import create_app\n"
        "from directory.extensions import db\n"
        "from directory.models import Organisation, OrganisationMembership\n"
        "from directory.services.accounts.users import create_user, create_api_token\n"
        "import json, sys\n"
        "app = create_app()\n"
        "with app.app_context():\n"
        "    targets = [o.public_id for o in db.session.scalars(\n"
        "        db.select(Organisation).order_by(Organisation.id).limit(4))]\n"
        "    tokens = []\n"
        "    for n in range(8):\n"
        "        user = create_user(f'editor{n}@example.org', 'a long bench password 2569', f'Editor {n}',\n"
        "                           verified=True)\n"
        "        for public_id in targets:\n"
        "            db.session.add(OrganisationMembership(user=user, organisation=db.session.scalar(\n"
        "                db.select(Organisation).filter_by(public_id=public_id))))\n"
        "        tokens.append(create_api_token(user, 'bench')[1])\n"
        "    db.session.commit()\n"
        "    print(json.dumps({'targets': targets, 'tokens': tokens}))\n"
    )
    output = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, env=environment, check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def verify_saves(environment, saves, targets):
    """0 lost updates: each organisation's version went up once per save, and holds the last save's value."""
    script = (
        "from directory import create_app\nfrom directory.extensions import db\n"
        "from directory.models import Organisation\nimport json\napp = create_app()\n"
        "with app.app_context():\n"
        f"    rows = db.session.scalars(db.select(Organisation).where(Organisation.public_id.in_({targets!r})))\n"
        "    print(json.dumps({o.public_id: [o.version, o.description_en] for o in rows}))\n"
    )
    final = json.loads(subprocess.run([sys.executable, "-c", script], cwd=PROJECT, env=environment, check=True,
                                      capture_output=True, text=True).stdout.strip().splitlines()[-1])
    lost = 0
    for public_id in targets:
        mine = sorted((version, value) for saved_id, value, version in saves if saved_id == public_id)
        version, value = final[public_id]
        if mine and (mine[-1] != (version, value) or len({v for v, _ in mine}) != len(mine)):
            lost += 1
    return lost, final


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--orgs", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--static-seconds", type=float, default=30)
    parser.add_argument("--editor-seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-server", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379")
    arguments = parser.parse_args()

    import sqlalchemy as sa

    name = f"http_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(arguments.database_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    database_url = sa.make_url(arguments.database_server).set(database=name).render_as_string(hide_password=False)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="http-bench-") as scratch:
        scratch = Path(scratch)
        environment = {
            **os.environ, "FLASK_APP": "wsgi", "DIRECTORY_ENV": "production", "SECRET_KEY": secrets.token_hex(32),
            "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}", "DATABASE_URL": database_url,
            "SEARCH_INDEX_DIR": str(scratch / "index"), "UPLOAD_DIR": str(scratch / "uploads"),
            "MAIL_FOLDER": str(scratch / "mail"), "RATELIMIT_STORAGE_URI": arguments.redis,
            "RATELIMIT_KEY_PREFIX": name, "SEARCH_LIMIT": "1000000 per minute",  # one address plays every client
        }
        server = Server(environment, port, scratch)
        try:
            print(f"preparing {arguments.orgs:,} organisations on PostgreSQL ...", flush=True)
            began = time.perf_counter()
            editors = prepare(environment, arguments.orgs, scratch)
            print(f"  ready in {time.perf_counter() - began:.0f} s", flush=True)
            server.start(arguments.workers)
            paths = [f"/api/v1/organisations?{query}" for query in QUERIES]
            paths += [f"/organisations?{query}" for query in QUERIES]
            paths = [urllib.parse.quote(path, safe="/?=&") for path in paths]
            run_clients(_client, arguments.clients, [(port, paths, 5, n) for n in range(arguments.clients)])  # warm-up
            results = []
            static = run_clients(_client, arguments.clients, [(port, ["/static/site.css"], arguments.static_seconds, n)
                                                              for n in range(arguments.clients)])
            results.append(summary("static file", static, arguments.static_seconds))
            searches = run_clients(_client, arguments.clients, [(port, paths, arguments.seconds, n)
                                                                for n in range(arguments.clients)])
            results.append(summary("searches", searches, arguments.seconds))

            context = multiprocessing.get_context("fork")
            queue = context.Queue()
            editor_processes = [context.Process(target=_editor, args=(port, token, editors["targets"],
                                                                      arguments.editor_seconds, n, queue))
                                for n, token in enumerate(editors["tokens"])]
            search_processes = [context.Process(target=_client, args=(port, paths, arguments.editor_seconds, n, queue))
                                for n in range(8)]
            for process in editor_processes + search_processes:
                process.start()
            gathered = [queue.get() for _ in editor_processes + search_processes]
            for process in editor_processes + search_processes:
                process.join()
            edits = [result for result in gathered if "saves" in result]
            searching = [result for result in gathered if "saves" not in result]
            results.append(summary("saves (8 editors)", edits, arguments.editor_seconds))
            results.append(summary("searches while saving", searching, arguments.editor_seconds))
            saves = [save for result in edits for save in result["saves"]]
            lost, _final = verify_saves(environment, saves, editors["targets"])
            deadline = time.monotonic() + 60
            check = server.flask("search", "check", check=False)
            while check.returncode and time.monotonic() < deadline:
                time.sleep(1)
                check = server.flask("search", "check", check=False)
        finally:
            server.stop()
            admin.dispose()
            with sa.create_engine(arguments.database_server, isolation_level="AUTOCOMMIT").connect() as connection:
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    print(f"\n{arguments.orgs:,} organisations, gunicorn {arguments.workers} workers on PostgreSQL, "
          f"{arguments.clients} clients; whole requests over HTTP on 127.0.0.1\n")
    print("| phase | requests | req/s | median ms | p95 ms | max ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in results:
        print(f"| {row['phase']} | {row['requests']:,} | {row['per_s']:.1f} | {row['median_ms']:.1f} | "
              f"{row['p95_ms']:.1f} | {row['max_ms']:.0f} | {row['errors']} |")
    static_rate, search_rate = results[0]["per_s"], results[1]["per_s"]
    print(f"\nsearch throughput / static file: {search_rate / static_rate:.1%} (target >= 25%)")
    print(f"saves: {len(saves)} succeeded, {sum(r['conflicts'] for r in edits)} stale (409, retried), "
          f"slowest {results[2]['max_ms']:.0f} ms (target < 2000), lost updates: {lost}")
    print(f"flask search check afterwards: {'clean' if check.returncode == 0 else check.stdout + check.stderr}")


if __name__ == "__main__":
    main()
