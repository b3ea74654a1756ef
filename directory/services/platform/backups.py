"""Backing up and restoring what cannot be rebuilt: the database and the uploads folder.

A backup is a folder: `database.dump` (pg_dump's custom format) or `database.sqlite3` (SQLite's own
online backup), `uploads.tar.gz` (logos and participants' works) and `manifest.json` (when, which
migration, how many rows of each main table). The search index is not backed up: `flask search
reindex` rebuilds it from the database after a restore.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from directory.extensions import db
from directory.models import Application, Organisation, OrganisationRevision, User

MANIFEST = "manifest.json"
COUNTED = {"organisations": Organisation, "organisation_revisions": OrganisationRevision, "users": User,
           "applications": Application}


class BackupError(RuntimeError):
    pass


def _url():
    return sa.make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])


def _libpq_url(url):
    """postgresql+psycopg://... as pg_dump and pg_restore take it."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:500]}")


def create_backup(folder) -> dict:
    """Write a backup into `folder` (created; must be empty); returns the manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty")
    url = _url()
    if url.get_backend_name() == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / "database.dump"), _libpq_url(url)])
    else:
        with sqlite3.connect(url.database) as source, sqlite3.connect(folder / "database.sqlite3") as target:
            source.backup(target)
    uploads = Path(current_app.config["UPLOAD_DIR"])
    with tarfile.open(folder / "uploads.tar.gz", "w:gz") as archive:
        if uploads.exists():
            archive.add(uploads, arcname="uploads")
    manifest = {"created_at": datetime.now(timezone.utc).isoformat(), "database": url.get_backend_name(),
                "migration": db.session.scalar(sa.text("SELECT version_num FROM alembic_version")),
                "rows": _counts()}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
    return manifest


def restore_backup(folder) -> dict:
    """Put the database and uploads back as `folder` holds them (stop the app first); returns the
    manifest. The caller rebuilds the search index."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    url = _url()
    if manifest["database"] != url.get_backend_name():
        raise BackupError(f"this backup is of a {manifest['database']} database")
    db.session.remove()
    db.engine.dispose()
    if url.get_backend_name() == "postgresql":
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              "--dbname", _libpq_url(url), str(folder / "database.dump")])
    else:
        with sqlite3.connect(folder / "database.sqlite3") as source, sqlite3.connect(url.database) as target:
            source.backup(target)
    uploads = Path(current_app.config["UPLOAD_DIR"])
    with tempfile.TemporaryDirectory(dir=uploads.parent) as unpacked:
        with tarfile.open(folder / "uploads.tar.gz") as archive:
            archive.extractall(unpacked, filter="data")
        shutil.rmtree(uploads, ignore_errors=True)
        restored = Path(unpacked) / "uploads"
        if restored.exists():
            restored.rename(uploads)
    if _counts() != manifest["rows"]:
        raise BackupError("the restored database does not hold the rows the backup counted")
    return manifest


def _counts():
    return {name: db.session.scalar(sa.select(sa.func.count()).select_from(model)) for name, model in COUNTED.items()}
