"""Spreadsheet imports from the back office: upload, a dry run, then the import itself on confirmation.

Both steps run import_organisations_file (the service `flask orgs import` runs) in a thread of the
process that took the request, so a large file never holds a request open. Progress is written to a
small file beside the upload, which any worker can read (the import's own transaction may hold the
database's write lock while it runs). The job's row records the outcome, in English and Thai.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
import threading
import time
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from directory.extensions import db
from directory.i18n import in_language
from directory.models import ImportJob, ImportStatus
from directory.services.platform.refusals import Refused
from directory.services.platform.spreadsheets import XLSX_SUFFIXES
from directory.workflows.organisation_import import ImportFailed, import_organisations_file

ACCEPTED_SUFFIXES = (".csv", *XLSX_SUFFIXES)
LANGUAGES = ("en", "th")
PROGRESS_EVERY_S = 0.5
STALLED_AFTER_S = 15 * 60  # a job whose progress has not moved for this long died with its worker
log = logging.getLogger(__name__)


class ImportRefused(Refused):
    """An upload that cannot become a job: `code` is "no_file", "wrong_type" or "too_large"."""


def imports_folder():
    return Path(current_app.config["UPLOAD_DIR"]) / "imports"


def start_import(upload, *, by, allow_duplicates=False) -> ImportJob:
    """Keep the uploaded file and record a job for it (flushes; commit, then call run_in_background)."""
    filename = (upload.filename or "").strip() if upload else ""
    if not filename:
        raise ImportRefused("no_file")
    suffix = Path(filename).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise ImportRefused("wrong_type")
    limit = current_app.config["IMPORT_MAX_BYTES"]
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise ImportRefused("too_large")
    folder = imports_folder()
    folder.mkdir(parents=True, exist_ok=True)
    stored_name = f"{secrets.token_hex(16)}{suffix}"
    (folder / stored_name).write_bytes(data)
    job = ImportJob(filename=filename[:255], stored_name=stored_name, allow_duplicates=allow_duplicates,
                    created_by=by, status=ImportStatus.CHECKING, report={})
    db.session.add(job)
    db.session.flush()
    return job


def start_applying(job) -> bool:
    """Move a checked job to APPLYING, once: False if it was not waiting for confirmation."""
    moved = db.session.execute(
        sa.update(ImportJob).where(ImportJob.id == job.id, ImportJob.status == ImportStatus.CHECKED)
        .values(status=ImportStatus.APPLYING)
    ).rowcount
    db.session.refresh(job)
    return moved == 1


def run_in_background(job):
    """Check (CHECKING) or apply (APPLYING) the job in a thread with its own app context and session."""
    app = current_app._get_current_object()
    thread = threading.Thread(target=_run, args=(app, job.id), name=f"import-job-{job.id}", daemon=True)
    thread.start()
    return thread


def _run(app, job_id):
    with app.app_context():
        try:
            job = db.session.get(ImportJob, job_id)
            applying = job.status is ImportStatus.APPLYING
            report = import_organisations_file(imports_folder() / job.stored_name, dry_run=not applying,
                                               progress=_ProgressFile(job), allow_duplicates=job.allow_duplicates)
        except ImportFailed as failure:
            db.session.rollback()
            _finish(job_id, ImportStatus.REFUSED, _report(failure.report, failure.errors))
        except Exception:
            db.session.rollback()
            log.exception("import job %s stopped", job_id)
            _finish(job_id, ImportStatus.FAILED)
        else:
            if applying:
                db.session.commit()
            else:
                db.session.rollback()
            _finish(job_id, ImportStatus.APPLIED if applying else ImportStatus.CHECKED, _report(report))
        finally:
            db.session.remove()


def _finish(job_id, status, report=None):
    """Record the outcome (a failed job keeps the report it had)."""
    job = db.session.get(ImportJob, job_id)
    job.status, job.finished_at = status, sa.func.now()
    if report is not None:
        job.report = report
    db.session.commit()
    if status in (ImportStatus.APPLIED, ImportStatus.REFUSED):
        (imports_folder() / job.stored_name).unlink(missing_ok=True)
    progress_path(job).unlink(missing_ok=True)


def _report(report, errors=()):
    """What the pages show: counts, and each message in both languages (said now, in an app context)."""
    def said(messages):
        return [{"row": m.row, "column": m.column, **{lang: in_language(m.message, lang) for lang in LANGUAGES}}
                for m in messages]

    return {"created": report.created, "updated": report.updated, "unchanged": report.unchanged,
            "errors": said(errors), "inferred": said(report.inferred), "duplicates": said(report.duplicates),
            "notes": said(report.notes)}


def progress_path(job):
    return imports_folder() / f"{job.stored_name}.progress.json"


class _ProgressFile:
    """The import's progress callback: writes {"step", "done", "total"} at most twice a second."""

    def __init__(self, job):
        self.path = progress_path(job)
        self.written_at = 0.0

    def __call__(self, step, done, total):
        moment = time.monotonic()
        if done != total and moment - self.written_at < PROGRESS_EVERY_S:
            return
        self.written_at = moment
        partial = self.path.with_suffix(f".{os.getpid()}.{threading.get_ident()}")
        partial.write_text(json.dumps({"step": step, "done": done, "total": total}))
        partial.replace(self.path)


def progress_of(job):
    """{"step", "done", "total", "stalled"} of a running job, or None."""
    if not job.status.is_running:
        return None
    path = progress_path(job)
    try:
        progress = json.loads(path.read_text())
        updated = path.stat().st_mtime
    except (OSError, ValueError):
        progress, updated = {"step": "checking", "done": 0, "total": 0}, job.created_at.timestamp()
    progress["stalled"] = time.time() - updated > STALLED_AFTER_S
    return progress


def recent_jobs(limit=20):
    return db.session.scalars(sa.select(ImportJob).order_by(ImportJob.id.desc()).limit(limit)).all()
