"""Open data: every published organisation as CSV (the import format), JSON (the public API's fields)
and Open Referral HSDS 3.0 (a zip of its JSON tables), for anyone to download from /data.

A download is written once per state of the data and kept on disk beside the uploads: its name
carries a fingerprint of the published organisations (how many, the latest change, the sum of their
versions), so every worker serves the same file. Requests serve the newest file there is and never
write one (writing 50,000 rows takes seconds), but the very first: `flask search follow` refreshes the
files while it waits for work, and `flask orgs open-data` does so from cron, at most once per
OPEN_DATA_MAX_AGE_S while the data keeps changing. A file is written under a temporary name and renamed
into place.
"""
import hashlib
import json
import os
import tempfile
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import IssueArea, Organisation, OrganisationStatus, Province
from directory.services.organisations.csv_export import export_organisations_csv
from directory.services.organisations.hsds_export import write_hsds_folder

# Each download and how its file name ends.
FORMATS = {"csv": ".csv", "json": ".json", "hsds": ".hsds.zip"}


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


def latest_open_data_file(kind, *, dump):
    """(path, made at) of the newest download of `kind` (one of FORMATS), as requests serve it: written
    here only when there is none at all yet. `dump` is as for refresh_open_data_file."""
    folder = open_data_folder()
    if not _files_of(folder, kind):
        refresh_open_data_file(kind, dump)
    newest = _files_of(folder, kind)[0]
    return newest, _made_at(newest)


def refresh_open_data(dump):
    """Bring every download up to date where it is due; returns the kinds written."""
    return [kind for kind in FORMATS if refresh_open_data_file(kind, dump)]


def refresh_open_data_file(kind, dump):
    """Write the download of `kind` for the data as it is now, unless it exists or the newest was made
    less than OPEN_DATA_MAX_AGE_S ago; True if written.
    `dump` turns organisations into the public API's records (its schema lives a layer up): the JSON holds
    them, and the HSDS tables are made from them.
    """
    folder = open_data_folder()
    path = folder / f"organisations-{published_fingerprint()}{FORMATS[kind]}"
    if path.exists() or _recent_file(folder, kind) is not None:
        return False
    temporary = folder / f".{path.name}.{os.getpid()}.tmp"
    if kind == "json":
        write_organisations_json(temporary, dump)
    elif kind == "hsds":
        write_organisations_hsds_zip(temporary, dump)
    else:
        export_organisations_csv(temporary, published_only=True)
    os.replace(temporary, path)
    for older in _files_of(folder, kind):
        if older != path:
            older.unlink(missing_ok=True)
    return True


def _files_of(folder, kind):
    """The downloads of `kind` on disk, newest first."""
    return sorted(folder.glob(f"organisations-*{FORMATS[kind]}"), key=lambda file: file.stat().st_mtime, reverse=True)


def _recent_file(folder, kind):
    """The newest file of `kind` made within OPEN_DATA_MAX_AGE_S, or None."""
    files = _files_of(folder, kind)
    if files and time.time() - files[0].stat().st_mtime < current_app.config["OPEN_DATA_MAX_AGE_S"]:
        return files[0]
    return None


def _made_at(path):
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)


def write_organisations_json(path, dump) -> int:
    """The published organisations as the public API shows them, with when and under what terms; returns how many."""
    organisations = db.session.scalars(_published_organisations()).all()
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


def write_organisations_hsds(folder, dump) -> int:
    """The published organisations as Open Referral HSDS 3.0 tables in `folder`; returns how many.
    `dump` is the public API's, as for the JSON: HSDS is made from those records only."""
    issue_areas = db.session.scalars(sa.select(IssueArea).order_by(IssueArea.position)).all()
    return write_hsds_folder(folder, _published_records(dump), issue_areas)


def write_organisations_hsds_zip(path, dump) -> int:
    """The HSDS folder, zipped (its files at the top of the zip); returns how many organisations."""
    with tempfile.TemporaryDirectory(prefix=".hsds-", dir=Path(path).parent) as folder:
        count = write_organisations_hsds(folder, dump)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(Path(folder).iterdir()):
                archive.write(file, arcname=file.name)
    return count


def _published_organisations():
    return (sa.select(Organisation).where(Organisation.status == OrganisationStatus.PUBLISHED)
            .options(selectinload(Organisation.issue_areas), selectinload(Organisation.type),
                     selectinload(Organisation.province).selectinload(Province.region),
                     selectinload(Organisation.district))
            .order_by(Organisation.id))


def _published_records(dump, batch=1000):
    """The published organisations' records, loaded and dumped `batch` at a time (a few queries each)."""
    for organisations in db.session.scalars(_published_organisations().execution_options(yield_per=batch)).partitions():
        yield from dump(organisations)
