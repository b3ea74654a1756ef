"""Configuration: safe defaults for a developer, refusals for production."""
import pytest
import sqlalchemy as sa

from directory import create_app
from directory.extensions import db
from directory.setup import ConfigurationError


def test_production_refuses_to_start_without_a_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError):
        create_app({"ENV_NAME": "production", "SECRET_KEY": None,
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}"})


def test_development_generates_and_keeps_a_secret_key(tmp_path):
    settings = {"SECRET_KEY": None, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'd.db'}"}
    first, second = create_app(settings), create_app(settings)
    assert first.config["SECRET_KEY"] and first.config["SECRET_KEY"] == second.config["SECRET_KEY"]


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'w.db'}"})
    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(sa.text("PRAGMA busy_timeout")).scalar() >= 5000
