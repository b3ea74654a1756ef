"""The search outbox: one row per committed change of an organisation, written in its transaction."""
from datetime import datetime

from sqlalchemy import BigInteger, Integer, func
from sqlalchemy.orm import Mapped, mapped_column

from directory.extensions import db
from directory.models.columns import UtcDateTime


class SearchOutboxEntry(db.Model):
    """Organisation `organisation_id` changed (created, edited or deleted) in the transaction that
    wrote this row. Each index applies entries in id order and keeps its own position, so several
    app servers can each keep an index from the same database."""

    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())

    def __repr__(self):
        return f"<SearchOutboxEntry {self.id} organisation={self.organisation_id}>"
