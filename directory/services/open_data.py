"""Open data: every published organisation as CSV (the import format) and JSON (the public API's
fields), for anyone to download from /data.

A download is written once per state of the data and kept on disk beside the uploads: its name
carries a fingerprint of the published organisations (how many, the latest change, the sum of their
versions), so every worker serves the same file, and nobody waits for 50,000 rows to be written on
each click. It is written again at most once per OPEN_DATA_MAX_AGE_S while the data keeps changing.
A file is written under a temporary name and renamed into place.
"""
import hashlib
import json
import os
import time
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus, Province
from directory.services.organisation_csv import export_organisations_csv

FORMATS = ("csv", "json")


def open_data_folder():
    folder = Path(current_app.config["UPLOAD_DIR"]) / "open-data"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def published_fingerprint():
    """Changes whenever a published organisation is added, removed or edited."""
    count, latest, versions = db.session.execute(
        sa.select(sa.func.count(), sa.func.max(Organisation.updated_at), sa.func.sum(Organisation.version))
        .where(Organisation.status == OrganisationStatus.PUBLISHED)).one()
    return hashlib.sha256(f"{count}|{latest}|{versions}".encode()).hexdigest()[:16]


def open_data_file(kind, dump):
    """(path, generated at) of the current download of `kind` ("csv" or "json"), written if need be.
    `dump` turns organisations into the JSON's records (the public API's schema, which lives a layer up).

    A file made less than OPEN_DATA_MAX_AGE_S ago is served even when the data has changed since (the
    page says when it was made): writing 50,000 rows takes seconds, and a busy day of edits must not
    make every visitor of /data wait for it.
    """
    folder = open_data_folder()
    path = folder / f"organisations-{published_fingerprint()}.{kind}"
    if not path.exists():
        recent = _recent_file(folder, kind)
        if recent is not None:
            return recent, _made_at(recent)
        temporary = folder / f".{path.name}.{os.getpid()}.tmp"
        if kind == "json":
            write_organisations_json(temporary, dump)
        else:
            export_organisations_csv(temporary, published_only=True)
        os.replace(temporary, path)
        for older in folder.glob(f"organisations-*.{kind}"):
            if older != path:
                older.unlink(missing_ok=True)
    return path, _made_at(path)


def _recent_file(folder, kind):
    """The newest file of `kind` made within OPEN_DATA_MAX_AGE_S, or None."""
    max_age = current_app.config["OPEN_DATA_MAX_AGE_S"]
    files = sorted(folder.glob(f"organisations-*.{kind}"), key=lambda file: file.stat().st_mtime, reverse=True)
    if files and time.time() - files[0].stat().st_mtime < max_age:
        return files[0]
    return None


def _made_at(path):
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)


def write_organisations_json(path, dump) -> int:
    """The published organisations as the public API shows them, with when and under what terms; returns how many."""
    organisations = db.session.scalars(
        sa.select(Organisation).where(Organisation.status == OrganisationStatus.PUBLISHED)
        .options(selectinload(Organisation.issue_areas), selectinload(Organisation.type),
                 selectinload(Organisation.province).selectinload(Province.region),
                 selectinload(Organisation.district))
        .order_by(Organisation.id)).all()
    document = {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "licence": {"name": current_app.config["OPEN_DATA_LICENCE"],
                    "url": current_app.config["OPEN_DATA_LICENCE_URL"]},
        "count": len(organisations),
        "organisations": dump(organisations),
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False)
    return len(organisations)
