"""Participants' media works, sent through their private link: a link, or a file we check by its bytes.

An uploaded file is accepted only when its first bytes say PDF, JPEG, PNG or WebP (the name and the
browser's content type are ignored), and only up to 10 MB; video is shared as a link. It is stored
under UPLOAD_DIR/works with a random name of ours and served only once staff publish the work.
"""
from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from directory.extensions import db
from directory.models import MediaWork, WorkFormat
from directory.services.platform import clock
from directory.services.programme.application_status import PARTICIPANT_STATUSES, utc_now

MAX_WORK_BYTES = 10 * 1024 * 1024  # app.config["MAX_WORK_BYTES"] may lower it (tests do)
# (extension, content type) by the file's signature; WebP is a RIFF container whose form type is WEBP.
FILE_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
WORK_FILENAME = re.compile(r"^[0-9a-f]{32}\.(?:pdf|jpg|png|webp)$")

TOO_LARGE = "The file must be at most 10 MB."
WRONG_TYPE = "The file must be a PDF, JPEG, PNG or WebP file. Please share a video as a link."
LINK_OR_FILE = "Please give a link to your work or upload a file."
NOT_A_PARTICIPANT = "Works can be sent once your place is confirmed."


class WorkError(ValueError):
    """A work we refuse: `field` is the form field to show the message (a fixed English sentence) at."""

    def __init__(self, message, field="file"):
        super().__init__(message)
        self.message = message
        self.field = field


def file_type(head: bytes):
    """The extension for a file starting with `head`, or None when it is not one we accept."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def may_send_works(application):
    """Confirmed, attended or completed participants whose data is still here."""
    return application.status in PARTICIPANT_STATUSES and application.anonymised_at is None


def submit_work(application, values, upload=None):
    """A new work from WorkSchema's values and an optional binary stream; flushes. Raises WorkError.

    A work sent after the event's works-due day (in Bangkok) is accepted and marked late.
    """
    if not may_send_works(application):
        raise WorkError(NOT_A_PARTICIPANT, field="_schema")
    data = _read_upload(upload) if upload is not None else None
    if data is None and not values.get("url"):
        raise WorkError(LINK_OR_FILE, field="url")
    due = application.event.works_due_on
    work = MediaWork(title=values["title"], format=WorkFormat(values["format"]), url=values.get("url"),
                     description=values.get("description"), is_late=bool(due and clock.today() > due),
                     submitted_at=utc_now())
    if data is not None:
        work.file_name = _save(data)
    application.works.append(work)
    db.session.flush()
    return work


def delete_work(work):
    """Remove a work and its file; flushes."""
    if work.file_name:
        remove_file(work.file_name)
    work.application.works.remove(work)
    db.session.flush()


def works_folder() -> Path:
    return Path(current_app.config["UPLOAD_DIR"]) / "works"


def published_file(name):
    """(path, content type) of an uploaded file whose work is published, or None."""
    if not WORK_FILENAME.fullmatch(name or ""):
        return None
    published = db.session.scalar(sa.select(sa.func.count()).select_from(MediaWork).where(
        MediaWork.file_name == name, MediaWork.is_published))
    path = works_folder() / name
    if not published or not path.is_file():
        return None
    return path, FILE_TYPES[name.rpartition(".")[2]]


def remove_file(name):
    if WORK_FILENAME.fullmatch(name or ""):
        (works_folder() / name).unlink(missing_ok=True)


def _read_upload(stream):
    """The upload's bytes, or None for an empty file input; refuses big or unknown files."""
    limit = current_app.config.get("MAX_WORK_BYTES", MAX_WORK_BYTES)
    data = stream.read(limit + 1)
    if not data:
        return None
    if len(data) > limit:
        raise WorkError(TOO_LARGE)
    if file_type(data[:16]) is None:
        raise WorkError(WRONG_TYPE)
    return data


def _save(data):
    """Write under a new random name (complete or absent) and return the name."""
    folder = works_folder()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.{file_type(data[:16])}"
    partial = folder / f".{name}.partial"
    partial.write_bytes(data)
    os.replace(partial, folder / name)
    return name
