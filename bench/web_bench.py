"""Server-side latency of the self-service, events and matching pages, through the whole app stack.

Each request goes through Flask's test client (no network, no web server) into a real app on a fresh,
migrated SQLite database in a temporary folder, seeded with the reference data, the programme's events,
the 408 demo organisations and the demo event (open for applications, 5 hosts, 25 applicants). Every
measured response's status is checked, and each case's side effects are counted afterwards, so a
broken feature fails the run instead of printing a fast number. Not a test: run it by hand.

    .venv/bin/python bench/web_bench.py [--requests 50] [--only sign-in api-patch ...]
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from directory.config import Config, TestingConfig  # noqa: E402

MIGRATIONS_DIR = PROJECT / "migrations"
PASSWORD = "correct horse battery staple"
WARM_UP = 3  # untimed requests per case first: templates compiled, caches filled, connections open
CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
ARGON2_SETTINGS = ("ARGON2_TIME_COST", "ARGON2_MEMORY_COST", "ARGON2_PARALLELISM")
PRODUCTION_COST = {name: getattr(Config, name) for name in ARGON2_SETTINGS}
TESTING_COST = {name: getattr(TestingConfig, name) for name in ARGON2_SETTINGS}
BASELINE = "static"
# The order they run in: the staff list before `apply` adds to it (so it lists the demo's 25 applicants),
# and the baseline again at the end, to show how much the machine drifted during the run.
ORDER = ("static", "home", "organisation", "event", "staff-applications", "staff-matching", "api-patch", "apply",
         "sign-in", "sign-in-testing-cost", "static-end")
ALWAYS = (BASELINE, "static-end")


class BenchFailure(SystemExit):
    """A request answered something other than what the feature answers when it works."""


@dataclass
class Case:
    name: str
    label: str
    request: Callable[[int], object]  # number -> response; the only part that is timed
    expect: tuple = (200,)
    marker: str | None = None  # text every good response contains
    prepare: Callable[[int], None] = lambda number: None  # untimed, before each request
    after: Callable[[object], None] = lambda response: None  # untimed, after each checked response
    verify: Callable[[int], None] = lambda count: None  # untimed, after the block: side effects happened
    samples: list = field(default_factory=list)


def cost_label(cost):
    return (f"t={cost['ARGON2_TIME_COST']}, {cost['ARGON2_MEMORY_COST'] // 1024} MiB, "
            f"p={cost['ARGON2_PARALLELISM']}")


def load():
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


# -- the app and its data ---------------------------------------------------------------------------

def build_app(folder):
    from directory import create_app

    return create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite3'}",
        "SEARCH_INDEX_DIR": str(folder / "search-index"),
        "MAIL_FOLDER": str(folder / "mail"),
        "UPLOAD_DIR": str(folder / "uploads"),
        "SECRET_KEY": secrets.token_hex(32),
        "RATELIMIT_ENABLED": False,  # fifty sign-ins a minute from one address would be throttled
        **PRODUCTION_COST,
    })


def seed(app):
    """The database as `make setup` leaves it, plus the people the bench signs in as; returns their ids."""
    import sqlalchemy as sa
    from flask_migrate import upgrade

    from directory.extensions import db
    from directory.models import Event, EventHost, OrganisationMembership, UserRole
    from directory.services.accounts.users import create_api_token, create_user
    from directory.services.places.reference_data import seed_reference_data
    from directory.services.programme import demo_events
    from directory.services.programme.events import seed_programme_events
    from directory.services.search import sync as search_sync
    from directory.workflows.demo_data import seed_demo_organisations

    with app.app_context():
        upgrade(directory=str(MIGRATIONS_DIR))
        seed_reference_data()
        seed_programme_events()
        seed_demo_organisations()
        counts = demo_events.seed_demo_event()
        if counts != {"events": 1, "hosts": 5, "applications": 25}:
            raise BenchFailure(f"the demo event was not seeded as expected: {counts}")
        db.session.commit()
        search_sync.reindex()
        event = db.session.scalar(sa.select(Event).where(Event.slug == demo_events.DEMO_EVENT_SLUG))
        host_organisation = db.session.scalars(
            sa.select(EventHost).where(EventHost.event_id == event.id).order_by(EventHost.id)).first().organisation
        staff = create_user("staff@example.org", PASSWORD, "Staff", role=UserRole.STAFF, verified=True)
        editor = create_user("editor@example.org", PASSWORD, "Editor", verified=True)
        db.session.add(OrganisationMembership(user=editor, organisation=host_organisation))
        _, api_secret = create_api_token(editor, "web-bench")
        # Each sign-in account's hash is made at the cost it is measured with, so no sign-in rehashes.
        create_user("sign-in@example.org", PASSWORD, "Sign in", verified=True)
        app.config.update(TESTING_COST)
        create_user("sign-in-testing@example.org", PASSWORD, "Sign in (testing cost)", verified=True)
        app.config.update(PRODUCTION_COST)
        db.session.commit()
        ids = {"event": event.public_id, "event_year": event.starts_on.year, "staff": staff.email,
               "organisation": host_organisation.public_id, "version": host_organisation.version,
               "api_secret": api_secret}
        db.engine.dispose()
    return ids


def canonical(client, url):
    """Where a short URL lands (profiles and events redirect to the URL with their slug)."""
    response = client.get(url)
    if response.status_code in (301, 302, 308):
        return response.headers["Location"].removeprefix("http://localhost")
    return url


def form_token(client, url):
    """The CSRF token of the form on `url`, as a browser reads it from the page."""
    response = client.get(url)
    found = CSRF_FIELD.search(response.get_data(as_text=True))
    if not found:
        raise BenchFailure(f"no CSRF token in the form at {url} ({response.status_code})")
    return found.group(1)


def count_rows(app, model, **where):
    import sqlalchemy as sa

    from directory.extensions import db

    with app.app_context():
        query = sa.select(sa.func.count()).select_from(model).filter_by(**where)
        return db.session.scalar(query)


# -- the cases --------------------------------------------------------------------------------------

def make_cases(app, ids):
    from directory.models import Application, Organisation, PersonalDataAccess
    from directory.services.programme import demo_events

    event = ids["event"]
    anonymous = app.test_client()
    organisation_url = canonical(anonymous, f"/organisations/{ids['organisation']}")
    event_url = canonical(anonymous, f"/events/{event}")
    staff = app.test_client()
    signed_in = staff.post("/account/login", data={"email": ids["staff"], "password": PASSWORD,
                                                   "csrf_token": form_token(staff, "/account/login")})
    if signed_in.status_code != 302 or "/account/login" in signed_in.headers.get("Location", ""):
        raise BenchFailure(f"staff could not sign in ({signed_in.status_code})")

    cases = [
        Case("static", "GET /static/site.css (baseline)", lambda n: anonymous.get("/static/site.css")),
        Case("home", "GET / (home page)", lambda n: anonymous.get("/")),
        Case("organisation", "GET public organisation profile", lambda n: anonymous.get(organisation_url),
             marker=ids["organisation"]),
        Case("event", "GET open event page with its form", lambda n: anonymous.get(event_url),
             marker='name="full_name"'),
    ]

    for name, cost, email in (("sign-in", PRODUCTION_COST, "sign-in@example.org"),
                              ("sign-in-testing-cost", TESTING_COST, "sign-in-testing@example.org")):
        cases.append(sign_in_case(app, name, cost, email))

    headers = {"Authorization": f"Bearer {ids['api_secret']}"}
    version = {"current": ids["version"]}

    def patch(number):
        return anonymous.patch(f"/api/v1/organisations/{ids['organisation']}", headers=headers, json={
            "version": version["current"], "description_th": f"คำอธิบายที่แก้ไขผ่าน API ครั้งที่ {number}"})

    def patched(response):
        body = response.get_json()
        if body.get("version") != version["current"] + 1:
            raise BenchFailure(f"api-patch: version {body.get('version')} after {version['current']}")
        version["current"] = body["version"]

    def versions_moved(count):
        with app.app_context():
            from directory.extensions import db

            now = db.session.scalar(db.select(Organisation.version).filter_by(public_id=ids["organisation"]))
        if now != ids["version"] + count:
            raise BenchFailure(f"api-patch: version {now} after {count} edits from {ids['version']}")

    cases.append(Case("api-patch", "PATCH /api/v1/organisations/<id> (bearer)", patch, after=patched,
                      verify=versions_moved))
    cases.append(apply_case(app, event, event_url, ids["event_year"], Application))

    applications_url = f"/staff/events/{event}/applications"
    audits_before = {}
    cases.append(Case(
        "staff-applications", "GET staff applications list (+ audit row)", lambda n: staff.get(applications_url),
        marker=f"{demo_events.FIRST_NAMES[0]} {demo_events.SURNAMES[0]}",  # the first demo applicant
        prepare=lambda n: audits_before or audits_before.update(
            count=count_rows(app, PersonalDataAccess, action="list_applications")),
        verify=lambda count: _expect_count(app, PersonalDataAccess, audits_before["count"] + count,
                                           "staff-applications audit rows", action="list_applications")))
    views_before = {}
    cases.append(Case(
        "staff-matching", "GET staff matching page (runs the engine)",
        lambda n: staff.get(f"/staff/events/{event}/matching"), marker='name="fingerprint"',
        prepare=lambda n: views_before or views_before.update(
            count=count_rows(app, PersonalDataAccess, action="view_matching")),
        verify=lambda count: _expect_count(app, PersonalDataAccess, views_before["count"] + count,
                                           "staff-matching audit rows", action="view_matching")))
    cases.append(Case("static-end", "GET /static/site.css again, at the end", lambda n: anonymous.get(
        "/static/site.css")))
    by_name = {case.name: case for case in cases}
    return [by_name[name] for name in ORDER]


def sign_in_case(app, name, cost, email):
    clients = {}

    def password_hash():
        from directory.extensions import db
        from directory.models import User

        with app.app_context():
            return db.session.scalar(db.select(User.password_hash).filter_by(email=email))

    hashed = password_hash()

    def not_rehashed(count):
        if password_hash() != hashed:
            raise BenchFailure(f"{name}: the password was rehashed, so one sign-in paid for two hashes")

    def prepare(number):
        app.config.update(cost)  # read per check by services/passwords, so one app serves both costs
        clients[number] = app.test_client()
        clients["token"] = form_token(clients[number], "/account/login")

    def request(number):
        return clients[number].post("/account/login", data={"email": email, "password": PASSWORD,
                                                            "csrf_token": clients["token"]})

    def after(response):
        if response.headers.get("Location", "").rstrip("/").endswith("/account/login"):
            raise BenchFailure(f"{name}: sent back to the sign-in page")
        app.config.update(PRODUCTION_COST)

    return Case(name, f"POST sign-in, Argon2id {cost_label(cost)}", request, expect=(302,),
                prepare=prepare, after=after, verify=not_rehashed)


def apply_case(app, event, event_url, year, Application):
    client = app.test_client()
    apply_url = f"/events/{event}/apply"
    token = {}
    before = {}

    def prepare(number):
        if not before:
            before["count"] = count_rows(app, Application)
        token["value"] = form_token(client, event_url)

    def request(number):
        return client.post(apply_url, data={
            "full_name": f"ผู้สมัครทดสอบ {number}", "nickname": "ทดสอบ", "email": f"bench-{number}@example.org",
            "phone": "081-234-5678", "line_id": "", "birth_year": str(year - 30 + 543), "province": "50",
            "occupation": "นักศึกษา", "interests": ["community-development", "environment"],
            "media_skills": ["video"], "other_skill": "", "motivation": "อยากเรียนรู้งานภาคประชาสังคม",
            "health_notes": "", "guardian_name": "", "guardian_contact": "", "consent_processing": "yes",
            "consent_share_with_host": "yes", "consent_publish_name": "yes", "csrf_token": token["value"]})

    return Case("apply", "POST /events/<id>/apply (application)", request, expect=(200, 302),
                marker="/applications/", prepare=prepare,
                verify=lambda count: _expect_count(app, Application, before["count"] + count, "apply applications"))


def _expect_count(app, model, expected, what, **where):
    found = count_rows(app, model, **where)
    if found != expected:
        raise BenchFailure(f"{what}: {found} rows, expected {expected}")


# -- measuring --------------------------------------------------------------------------------------

def run_case(case, requests):
    """WARM_UP untimed requests, then `requests` timed ones; every response is checked."""
    for number in range(WARM_UP + requests):
        case.prepare(number)
        started = time.perf_counter()
        response = case.request(number)
        body = response.get_data()
        elapsed = time.perf_counter() - started
        if response.status_code not in case.expect:
            raise BenchFailure(f"{case.name}: request {number} answered {response.status_code}, expected "
                               f"{' or '.join(map(str, case.expect))}\n{body[:2000].decode('utf-8', 'replace')}")
        if case.marker and case.marker.encode() not in body:
            raise BenchFailure(f"{case.name}: request {number} answered {response.status_code} without "
                               f"{case.marker!r}")
        case.after(response)
        response.close()
        if number >= WARM_UP:
            case.samples.append(elapsed * 1000)
    case.verify(WARM_UP + requests)


def p95(samples):
    return statistics.quantiles(samples, n=20)[18] if len(samples) > 1 else samples[0]


def print_table(cases, requests):
    floor = statistics.median(next(case for case in cases if case.name == BASELINE).samples)
    print(f"\n{requests} requests per case after {WARM_UP} untimed; Flask test client, fresh SQLite database; "
          f"wall-clock ms per request\n")
    print(f"| {'name':<22} | {'what':<44} |   n | median ms | p95 ms | median/baseline |")
    print(f"|{'-' * 24}|{'-' * 46}|----:|----------:|-------:|----------------:|")
    for case in cases:
        median = statistics.median(case.samples)
        print(f"| {case.name:<22} | {case.label:<44} | {len(case.samples):3} | {median:9.2f} "
              f"| {p95(case.samples):6.2f} | {median / floor:14.1f}x |")


def main():
    names = [name for name in ORDER if name not in ALWAYS]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="timed requests per case (default 50)")
    parser.add_argument("--only", nargs="+", choices=names, metavar="NAME",
                        help=f"measure only these (the baseline is always measured): {', '.join(names)}")
    args = parser.parse_args()
    if args.requests < 1:
        parser.error("--requests must be at least 1")

    print(f"web_bench: {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs; "
          f"load average before: {load()}", file=sys.stderr)
    load_before = load()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="web-bench-") as scratch:
        app = build_app(Path(scratch))
        ids = seed(app)
        setup_seconds = time.perf_counter() - started
        print(f"set up in {setup_seconds:.1f} s (migrations, seeds, demo event, search index)", file=sys.stderr)
        cases = [case for case in make_cases(app, ids) if case.name in ALWAYS or not args.only
                 or case.name in args.only]
        for case in cases:
            run_case(case, args.requests)
            print(f"{case.name}: median {statistics.median(case.samples):.2f} ms", file=sys.stderr)
        with app.app_context():
            from directory.extensions import db

            db.engine.dispose()
    print(f"\nload average (1, 5, 15 min) before: {load_before}; after: {load()}; {os.cpu_count()} CPUs; "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; "
          f"total {time.perf_counter() - started:.0f} s (set-up {setup_seconds:.0f} s)")
    print_table(cases, args.requests)


if __name__ == "__main__":
    main()
