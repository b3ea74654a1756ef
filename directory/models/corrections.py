"""Corrections suggested by visitors to a published profile; staff apply or dismiss them."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import db
from directory.models.columns import UtcDateTime, string_enum
from directory.models.organisations import Organisation
from directory.models.revisions import OrganisationRevision
from directory.models.users import User


class CorrectionStatus(enum.Enum):
    PENDING = "pending"
    APPLIED = "applied"
    DISMISSED = "dismissed"


class Correction(db.Model):
    """A new value for one field of a profile, suggested by anyone (no account needed).

    `field` is the column a profile edit sets (schemas/organisations/corrections.py lists those a visitor may
    suggest). `contact` is the suggester's own email or telephone: personal data, shown to staff
    only, never on a public page, in the API, the search index or a log.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    proposed_value: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(String(254))
    status: Mapped[CorrectionStatus] = mapped_column(string_enum(CorrectionStatus, "correction_status"),
                                                     default=CorrectionStatus.PENDING, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_note: Mapped[str | None] = mapped_column(Text)
    # The change an applied correction became (a staff revision of source "correction").
    revision_id: Mapped[int | None] = mapped_column(ForeignKey("organisation_revisions.id", ondelete="SET NULL"))

    organisation: Mapped[Organisation] = relationship()
    decided_by: Mapped[User | None] = relationship()
    revision: Mapped[OrganisationRevision | None] = relationship()

    def __repr__(self):
        return f"<Correction {self.id} of {self.organisation_id} {self.field} {self.status.value}>"
