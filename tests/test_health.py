"""/healthz and /readyz for load balancers, timeouts on the database, and a 503 when it is away."""
import socket
import threading
import time

import pytest
import sqlalchemy as sa

from directory import create_app
from directory.extensions import db
from directory.health import database_problem
from directory.services.organisations.records import update_organisation


def test_healthz_answers_without_touching_anything(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_readyz_reports_each_check(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ready"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True, "search_index": True, "search_lag": True}


def test_readyz_is_503_when_the_index_is_missing(app, client):
    import shutil

    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    response = client.get("/readyz")
    assert response.status_code == 503 and response.get_json()["checks"]["search_index"]["ok"] is False


def test_readyz_is_503_when_the_follower_falls_behind(app, client, make_organisation, monkeypatch):
    from directory.services.search import sync as search_sync

    organisation = make_organisation()
    monkeypatch.setattr(search_sync, "sync_search_index", lambda **_: 0)  # no follower: entries stay pending
    update_organisation(organisation, {"name_en": "Renamed"})
    db.session.commit()
    app.config["READY_MAX_LAG_S"] = -1  # any pending entry is too old
    body = client.get("/readyz").get_json()
    assert body["checks"]["search_lag"]["pending"] == 1 and body["status"] == "not ready"


@pytest.fixture
def silent_database():
    """A server that accepts connections and never says a word, as a hung database does."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []
    thread = threading.Thread(target=lambda: [accepted.append(listener.accept()) for _ in range(16)], daemon=True)
    thread.start()
    yield f"postgresql+psycopg://nobody@127.0.0.1:{listener.getsockname()[1]}/nothing"
    listener.close()
    for connection, _ in accepted:
        connection.close()


def test_a_database_that_never_answers_fails_fast_with_a_503(tmp_path, silent_database):
    app = create_app({"SQLALCHEMY_DATABASE_URI": silent_database, "DATABASE_CONNECT_TIMEOUT_S": 1,
                      "SEARCH_INDEX_DIR": str(tmp_path / "index"), "TESTING": True})
    client = app.test_client()
    began = time.monotonic()
    response = client.get("/organisations/abcdefgh")
    assert response.status_code == 503 and time.monotonic() - began < 10
    assert "ฐานข้อมูลองค์กรใช้งานไม่ได้ชั่วคราว" in response.get_data(as_text=True)
    assert client.get("/api/v1/regions").get_json()["status"] == 503
    assert client.get("/readyz").status_code == 503
    assert client.get("/healthz").status_code == 200  # the process itself is fine
    with app.app_context():
        assert "OperationalError" in database_problem()


def test_statement_timeouts_are_set_on_postgresql(app):
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("a PostgreSQL setting")
    with db.engine.connect() as connection:
        assert connection.execute(sa.text("SHOW statement_timeout")).scalar() == "15s"
