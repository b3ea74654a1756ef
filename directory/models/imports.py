"""Spreadsheet imports started by staff in the back office: checked first, applied on confirmation."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import db
from directory.models.columns import UtcDateTime, string_enum
from directory.models.users import User


class ImportStatus(enum.Enum):
    CHECKING = "checking"  # the dry run is under way
    CHECKED = "checked"  # the dry run passed: waiting for staff to confirm
    REFUSED = "refused"  # the dry run found errors: nothing can be applied
    APPLYING = "applying"
    APPLIED = "applied"
    FAILED = "failed"  # the work stopped on something unexpected; nothing was written

    @property
    def is_running(self):
        return self in (ImportStatus.CHECKING, ImportStatus.APPLYING)


class ImportJob(db.Model):
    """One uploaded file and what checking and applying it found. The file itself is kept under
    UPLOAD_DIR/imports/ by a generated name until the job is applied."""

    __tablename__ = "import_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))  # as uploaded, shown to staff only
    stored_name: Mapped[str] = mapped_column(String(100))
    status: Mapped[ImportStatus] = mapped_column(string_enum(ImportStatus, "import_status"),
                                                 default=ImportStatus.CHECKING, index=True)
    allow_duplicates: Mapped[bool] = mapped_column(default=False)
    report: Mapped[dict] = mapped_column(JSON, default=dict)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    created_by: Mapped[User | None] = relationship()

    def __repr__(self):
        return f"<ImportJob {self.id} {self.status.value}>"
