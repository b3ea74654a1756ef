"""Who may edit which organisation, and the requests to become its editor."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import db
from directory.models.columns import UtcDateTime, string_enum
from directory.models.organisations import Organisation
from directory.models.users import User


class OrganisationMembership(db.Model):
    """An editor of an organisation. An organisation may have several; a person may edit several."""

    __tablename__ = "organisation_memberships"
    __table_args__ = (UniqueConstraint("user_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())

    user: Mapped[User] = relationship(foreign_keys=[user_id], back_populates="memberships")
    organisation: Mapped[Organisation] = relationship(back_populates="memberships")
    added_by: Mapped[User | None] = relationship(foreign_keys=[added_by_id])

    def __repr__(self):
        return f"<OrganisationMembership user {self.user_id} of {self.organisation_id}>"


class ClaimKind(enum.Enum):
    CLAIM = "claim"  # to edit a listing that exists
    REGISTRATION = "registration"  # a new organisation, created unpublished


class ClaimStatus(enum.Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class OrganisationClaim(db.Model):
    """A request to become an organisation's editor; staff approve or reject it."""

    __tablename__ = "organisation_claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ClaimKind] = mapped_column(string_enum(ClaimKind, "claim_kind"))
    status: Mapped[ClaimStatus] = mapped_column(string_enum(ClaimStatus, "claim_status"), default=ClaimStatus.PENDING,
                                                index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    requester_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    justification: Mapped[str] = mapped_column(Text)
    contact_name: Mapped[str] = mapped_column(String(200))
    contact_detail: Mapped[str] = mapped_column(String(300))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)
    # A registration whose name was already used in the same district: staff check it first.
    possible_duplicate_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())

    organisation: Mapped[Organisation] = relationship(foreign_keys=[organisation_id])
    possible_duplicate: Mapped[Organisation | None] = relationship(foreign_keys=[possible_duplicate_id])
    requester: Mapped[User] = relationship(foreign_keys=[requester_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    def __repr__(self):
        return f"<OrganisationClaim {self.id} {self.kind.value} {self.status.value}>"
