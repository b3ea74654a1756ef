"""The history of every change to an organisation."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import db
from directory.models.columns import UtcDateTime, string_enum
from directory.models.organisations import Organisation
from directory.models.users import User


class RevisionSource(enum.Enum):
    CREATE = "create"
    EDITOR = "editor"
    STAFF = "staff"
    IMPORT = "import"
    REVERT = "revert"
    MERGE = "merge"
    SYSTEM = "system"  # a command or script
    CORRECTION = "correction"  # staff applied a visitor's suggested correction


class OrganisationRevision(db.Model):
    """One change: who, when, and {field: [before, after]} in JSON-safe form
    (see services/organisations/revisions.py)."""

    __tablename__ = "organisation_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    source: Mapped[RevisionSource] = mapped_column(
        string_enum(RevisionSource, "revision_source"))
    changes: Mapped[dict] = mapped_column(JSON)
    reverted_revision_id: Mapped[int | None] = mapped_column(ForeignKey("organisation_revisions.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())

    organisation: Mapped[Organisation] = relationship()
    author: Mapped[User | None] = relationship()

    def __repr__(self):
        return f"<OrganisationRevision {self.id} of {self.organisation_id} {self.source.value}>"
