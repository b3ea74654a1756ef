"""Fixtures shared by the whole suite.

The database is real: a SQLite file by default, or a fresh database on the PostgreSQL server named by
TEST_DATABASE_URL. It is migrated with the project's Alembic migrations and seeded with the reference
data once per run; each test commits for real and the organisation tables are emptied after it.
"""
import email
import email.policy
import os
import re
import uuid
from datetime import datetime
from pathlib import Path

import hypothesis
import pytest
import sqlalchemy as sa
from flask import g
from flask_migrate import upgrade

from directory import create_app
from directory.config import TestingConfig
from directory.extensions import db
from directory.services.places.reference_data import seed_reference_data
from directory.services.search.sync import reindex

REFERENCE_TABLES = {"regions", "provinces", "districts", "issue_areas", "organisation_types"}
MIGRATIONS_DIR = str(Path(__file__).resolve().parent.parent / "migrations")


# Markers and `filterwarnings = error` are in pyproject.toml. In CI (`.ci/run` sets HYPOTHESIS_PROFILE=ci)
# every property test draws the same examples on every run, so a red build is a change's doing, not luck.
hypothesis.settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_report_header(config):
    return f"database: {'PostgreSQL (TEST_DATABASE_URL)' if os.environ.get('TEST_DATABASE_URL') else 'SQLite'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A new, empty database for this run."""
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        return
    server = sa.make_url(server_url)
    name = f"directory_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def migrated_database(database_url, tmp_path_factory):
    """Run the real migrations and the reference seed once."""
    app = create_app({**_settings(database_url, tmp_path_factory.mktemp("index"))})
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
        seed_reference_data()
        db.session.commit()
        db.engine.dispose()
    return database_url


def _settings(database_url, index_dir):
    settings = {k: getattr(TestingConfig, k) for k in dir(TestingConfig) if k.isupper()}
    folder = Path(index_dir).parent
    settings.update(SQLALCHEMY_DATABASE_URI=database_url, SEARCH_INDEX_DIR=str(index_dir),
                    MAIL_FOLDER=str(folder / "mail"), UPLOAD_DIR=str(folder / "uploads"))
    return settings


@pytest.fixture
def app(migrated_database, tmp_path):
    """A fresh app on the run's database; the rows a test made are deleted afterwards."""
    app = create_app(_settings(migrated_database, tmp_path / "search-index"))

    @app.teardown_request
    def _forget_request_state(_error):
        """Requests reuse this fixture's app context and session; a real request starts with an empty `g`
        (Flask-WTF caches the CSRF token there, Flask-Babel the locale) and reads rows afresh (a row kept
        alive in the session's identity map would otherwise hide what another thread committed since)."""
        g.__dict__.clear()
        db.session.expire_all()

    with app.app_context():
        reindex()  # an empty index, as `make run` and a deploy build one before serving
        yield app
        db.session.rollback()
        for table in reversed(db.metadata.sorted_tables):
            if table.name not in REFERENCE_TABLES:
                db.session.execute(table.delete())
        db.session.commit()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_organisation(app):
    """A factory: make_organisation(name_th=..., province="สตูล", issue_areas=["elderly-care"], ...)."""
    from directory.models import IssueArea, OrganisationStatus, OrganisationType
    from directory.services.organisations.records import create_organisation
    from directory.services.places.gazetteer import gazetteer

    counter = iter(range(1, 10**6))

    def make(province="สตูล", district=None, issue_areas=(), type="foundation", commit=True, **values):
        number = next(counter)
        province_ref = gazetteer().province(province)
        values.setdefault("name_th", f"องค์กรทดสอบ {number}")
        values.setdefault("name_en", f"Test organisation {number}")
        values.setdefault("status", OrganisationStatus.PUBLISHED)
        values["province_code"] = province_ref.code
        values["district_code"] = gazetteer().district(district, province_ref.code).code if district else None
        values["type"] = db.session.scalar(sa.select(OrganisationType).filter_by(slug=type)) if type else None
        values["issue_areas"] = list(db.session.scalars(
            sa.select(IssueArea).where(IssueArea.slug.in_(issue_areas)))) if issue_areas else []
        organisation = create_organisation(values)
        if commit:
            db.session.commit()
        return organisation

    return make


PASSWORD = "correct horse battery staple"
_CSRF_FIELD = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def form_token(client, url):
    """The CSRF token of the form on `url`, as a browser would read it from the page."""
    response = client.get(url)
    found = _CSRF_FIELD.search(response.get_data(as_text=True))
    assert found, f"no CSRF token in the form at {url} ({response.status_code})"
    return found.group(1)


@pytest.fixture
def make_user(app):
    """A factory: make_user(email=..., role="staff", verified=True, editor_of=[organisation, ...])."""
    from directory.models import OrganisationMembership, UserRole
    from directory.services.accounts.users import create_user

    counter = iter(range(1, 10**6))

    def make(email=None, password=PASSWORD, role="member", verified=True, display_name=None, editor_of=()):
        number = next(counter)
        user = create_user(email or f"person{number}@example.org", password,
                           display_name or f"Person {number}", role=UserRole(role), verified=verified)
        for organisation in editor_of:
            db.session.add(OrganisationMembership(user=user, organisation=organisation))
        db.session.commit()
        return user

    return make


class AuthActions:
    """Signs in and out through the real forms, CSRF token and all."""

    def __init__(self, client):
        self.client = client

    def login(self, email, password=PASSWORD):
        token = form_token(self.client, "/account/login")
        return self.client.post("/account/login", data={"email": email, "password": password, "csrf_token": token})

    def logout(self):
        token = form_token(self.client, "/account/")
        return self.client.post("/account/logout", data={"csrf_token": token})


@pytest.fixture
def auth(client):
    return AuthActions(client)


class Mailbox:
    """The messages the default mailer wrote to MAIL_FOLDER, oldest first."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def messages(self, to=None):
        parsed = [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                  for path in sorted(self.folder.glob("*.eml"))] if self.folder.exists() else []
        return [message for message in parsed if to is None or message["To"] == to]

    def last(self, to=None):
        messages = self.messages(to)
        assert messages, f"no mail to {to or 'anyone'}"
        return messages[-1]

    @staticmethod
    def links(message):
        return re.findall(r"https?://\S+", message.get_content())


@pytest.fixture
def mailbox(app):
    return Mailbox(app.config["MAIL_FOLDER"])


@pytest.fixture
def round_event(app):
    """round_event(**overrides): an event like the real round 3 (its dates, in 2019), committed."""
    from tests.event_factories import ROUND_3, make_event

    return lambda **overrides: make_event(**{**ROUND_3, **overrides})


@pytest.fixture
def open_round(app, round_event):
    """Round 3 with the clock on 20 March 2019 (Bangkok), inside its application window."""
    from tests.event_factories import INSIDE_WINDOW, set_clock

    set_clock(app, INSIDE_WINDOW)
    return round_event()


@pytest.fixture
def clock_at(app):
    """clock_at(moment): fix the application's "now" (services/clock) for this test."""
    from tests.event_factories import set_clock

    return lambda moment: set_clock(app, moment)


@pytest.fixture
def set_clock(app):
    """set_clock(year, month, day[, hour, minute]): the app's clock at that moment in Bangkok."""
    from directory.services.platform.clock import BANGKOK
    from tests.event_factories import set_clock

    return lambda year, month, day, hour=12, minute=0: set_clock(
        app, datetime(year, month, day, hour, minute, tzinfo=BANGKOK))
