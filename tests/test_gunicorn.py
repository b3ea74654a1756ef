"""The app as production runs it: gunicorn with gunicorn.conf.py, several workers, production settings.

What only gunicorn shows: its access log (no private token in it, the client's address per PROXY_COUNT),
links mailed under a forged Host, and its refusal to start on a database that does not answer.
"""
import http.client
import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest

from directory.extensions import db
from directory.services.platform.clock import today
from tests.conftest import Mailbox
from tests.event_factories import make_event, submit

PROJECT = Path(__file__).resolve().parent.parent
PUBLIC_BASE_URL = "https://directory.example.org"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn -c gunicorn.conf.py wsgi:app in a child process, with the access and error logs in files."""

    def __init__(self, tmp_path, database_url, **environment):
        self.port = free_port()
        self.access_log, self.error_log = tmp_path / "access.log", tmp_path / "error.log"
        self.environment = {
            **os.environ, "DIRECTORY_ENV": "production", "SECRET_KEY": secrets.token_hex(32),
            "PUBLIC_BASE_URL": PUBLIC_BASE_URL, "DATABASE_URL": database_url,
            "SEARCH_INDEX_DIR": str(tmp_path / "search-index"), "MAIL_FOLDER": str(tmp_path / "mail"),
            "UPLOAD_DIR": str(tmp_path / "uploads"), "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "2", "GUNICORN_ACCESS_LOG": str(self.access_log),
            "GUNICORN_ERROR_LOG": str(self.error_log), "RATELIMIT_STORAGE_URI": "memory://",
            "ARGON2_TIME_COST": "1", "ARGON2_MEMORY_COST": "8192", "ARGON2_PARALLELISM": "1", **environment}
        self.environment.pop("TEST_DATABASE_URL", None)
        self.process = None

    def start(self, wait=True):
        self.process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "wsgi:app"],
                                        cwd=PROJECT, env=self.environment, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        if wait:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    self.get("/healthz")
                    return self
                except OSError:
                    assert self.process.poll() is None, self.error_log.read_text()
                    time.sleep(0.2)
            raise AssertionError("gunicorn did not start")
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def access_lines(self):
        time.sleep(0.3)  # gunicorn writes a request's line after answering it
        return self.access_log.read_text()


@pytest.fixture
def production(app, migrated_database, tmp_path):
    """A started gunicorn on the test's database (its index built first, as a deploy does)."""
    from directory import create_app
    from directory.services.search.sync import reindex

    servers = []

    def start(**environment):
        server = Gunicorn(tmp_path, migrated_database, **environment)
        built = create_app({"SQLALCHEMY_DATABASE_URI": migrated_database,
                            "SEARCH_INDEX_DIR": server.environment["SEARCH_INDEX_DIR"]})
        with built.app_context():
            reindex()
            db.engine.dispose()
        servers.append(server.start())
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def open_event(app):
    return make_event(applications_open_on=today() - timedelta(days=1),
                      applications_close_on=today() + timedelta(days=5),
                      announce_on=today() + timedelta(days=6), starts_on=today() + timedelta(days=8),
                      ends_on=today() + timedelta(days=9), works_due_on=today() + timedelta(days=20))


def test_private_tokens_never_reach_the_access_log(production, open_event):
    _application, token = submit(open_event)
    server = production()
    for path in (f"/applications/{token}", f"/applications/{token}/data.json", f"/account/reset-password/{token}",
                 f"/account/verify/{token}"):
        status, _headers, _body = server.get(path, headers={"Referer": f"{PUBLIC_BASE_URL}{path}"})
        assert status in (200, 400, 404), path
    log = server.access_lines()
    assert token not in log
    assert log.count("/applications/<private>") >= 4  # the request line and the referer, twice
    assert "/account/reset-password/<private>" in log and "/account/verify/<private>" in log


def test_every_worker_warms_the_search_index_before_taking_requests(production):
    server = production()
    deadline = time.monotonic() + 30
    while server.error_log.read_text().count("search index warm in") < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert server.error_log.read_text().count("search index warm in") == 2  # WEB_CONCURRENCY=2
    status, _headers, body = server.get(f"/api/v1/organisations?q={urllib.parse.quote('ชุมชน')}")
    assert status == 200 and '"total"' in body


def test_the_access_log_gives_the_client_address_per_proxy_count(production):
    behind_one = production(PROXY_COUNT="1")
    behind_one.get("/healthz", headers={"X-Forwarded-For": "198.51.100.7, 203.0.113.9"})
    assert behind_one.access_lines().splitlines()[-1].startswith("203.0.113.9 ")


def test_a_forged_forwarded_header_is_ignored_without_a_proxy(production):
    direct = production(PROXY_COUNT="0")
    direct.get("/healthz", headers={"X-Forwarded-For": "198.51.100.7"})
    assert direct.access_lines().splitlines()[-1].startswith("127.0.0.1 ")


def test_mailed_links_ignore_a_forged_host(production, make_user):
    user = make_user(email="somsri@example.org")
    server = production()
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{server.port}"
    forged = {"Host": "evil.example"}
    page = opener.open(urllib.request.Request(f"{base}/account/forgot-password", headers=forged)).read().decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"email": user.email, "csrf_token": token}).encode()
    opener.open(urllib.request.Request(f"{base}/account/forgot-password", data=data, headers=forged))

    mailbox = Mailbox(server.environment["MAIL_FOLDER"])
    links = mailbox.links(mailbox.last(to=user.email))
    assert any(link.startswith(f"{PUBLIC_BASE_URL}/account/reset-password/") for link in links)
    assert not any("evil.example" in link for link in links)


def test_trusted_hosts_turn_a_forged_host_away(production):
    server = production(TRUSTED_HOSTS="directory.example.org,127.0.0.1")
    assert server.get("/healthz", headers={"Host": "evil.example"})[0] == 400
    assert server.get("/healthz", headers={"Host": "directory.example.org"})[0] == 200


def test_gunicorn_refuses_to_start_on_a_database_that_does_not_answer(tmp_path):
    server = Gunicorn(tmp_path, "postgresql+psycopg://nobody@127.0.0.1:1/nothing", DATABASE_CONNECT_TIMEOUT_S="1")
    server.start(wait=False)
    assert server.process.wait(60) != 0
    assert "the database does not answer" in server.error_log.read_text()
