"""We Are CSO events and the organisations that host their participants."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import db
from directory.models.columns import UtcDateTime
from directory.models.organisations import IssueArea, Organisation
from directory.models.places import District, Province


class Event(db.Model):
    """One round of the programme. Its status follows from its dates (services/events.event_status).

    Dates are calendar days in Asia/Bangkok. A round the record knows only loosely (the announcement
    names it, but not its dates) keeps its dates empty and the period it fell in.
    """

    __tablename__ = "events"
    __table_args__ = (
        ForeignKeyConstraint(["district_code", "province_code"], ["districts.code", "districts.province_code"]),
        CheckConstraint("ends_on IS NULL OR starts_on <= ends_on", name="dates_in_order"),
        CheckConstraint("applications_close_on IS NULL OR applications_open_on <= applications_close_on",
                        name="application_window_in_order"),
        CheckConstraint("max_participants IS NULL OR min_participants IS NULL OR min_participants <= max_participants",
                        name="participant_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(12), unique=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    round_number: Mapped[int | None]
    title_th: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str | None] = mapped_column(String(300))
    description_th: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), index=True)
    district_code: Mapped[str | None] = mapped_column(String(4))
    venue_th: Mapped[str | None] = mapped_column(String(300))
    venue_en: Mapped[str | None] = mapped_column(String(300))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    applications_open_on: Mapped[date | None] = mapped_column(Date)
    applications_close_on: Mapped[date | None] = mapped_column(Date)
    announce_on: Mapped[date | None] = mapped_column(Date)
    works_due_on: Mapped[date | None] = mapped_column(Date)
    # When only the period is known (e.g. "January to June 2019").
    period_starts_on: Mapped[date | None] = mapped_column(Date)
    period_ends_on: Mapped[date | None] = mapped_column(Date)
    min_participants: Mapped[int | None]
    max_participants: Mapped[int | None]
    what_to_bring_th: Mapped[str | None] = mapped_column(Text)
    what_to_bring_en: Mapped[str | None] = mapped_column(Text)
    organiser_email: Mapped[str | None] = mapped_column(String(254))
    organiser_phone: Mapped[str | None] = mapped_column(String(100))
    organiser_line_id: Mapped[str | None] = mapped_column(String(100))
    is_cancelled: Mapped[bool] = mapped_column(default=False)
    is_demo: Mapped[bool] = mapped_column(default=False)
    # Set when staff publish the list of selected participants (on or after announce_on).
    announced_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now(),
                                                 onupdate=func.now())

    province: Mapped[Province] = relationship()
    district: Mapped[District | None] = relationship(
        primaryjoin="Event.district_code == District.code", foreign_keys=[district_code], viewonly=True)
    hosts: Mapped[list[EventHost]] = relationship(back_populates="event", cascade="all, delete-orphan",
                                                  order_by="EventHost.id")

    def __repr__(self):
        return f"<Event {self.public_id} round {self.round_number}>"


event_host_issue_areas = Table(
    "event_host_issue_areas",
    db.metadata,
    Column("event_host_id", ForeignKey("event_hosts.id", ondelete="CASCADE"), primary_key=True),
    Column("issue_area_id", ForeignKey("issue_areas.id"), primary_key=True),
)


class EventHost(db.Model):
    """An organisation hosting participants at an event: how many, on which issues, doing what."""

    __tablename__ = "event_hosts"
    __table_args__ = (
        UniqueConstraint("event_id", "organisation_id"),
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    minimum: Mapped[int] = mapped_column(Integer, default=0)
    activities_th: Mapped[str | None] = mapped_column(Text)
    activities_en: Mapped[str | None] = mapped_column(Text)
    # Media skills the host asks for (codes of services/applications MEDIA_SKILLS).
    wanted_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())

    event: Mapped[Event] = relationship(back_populates="hosts")
    organisation: Mapped[Organisation] = relationship()
    issue_areas: Mapped[list[IssueArea]] = relationship(secondary=event_host_issue_areas,
                                                        order_by=IssueArea.position)

    def __repr__(self):
        return f"<EventHost {self.organisation_id} at event {self.event_id}>"


class MatchRule(db.Model):
    """A staff decision the matching engine must respect in every run: pin a participant to a host, or forbid it."""

    __tablename__ = "match_rules"
    __table_args__ = (
        UniqueConstraint("application_id", "host_id"),
        CheckConstraint("kind IN ('pin', 'forbid')", name="kind_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    host_id: Mapped[int] = mapped_column(ForeignKey("event_hosts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())

    def __repr__(self):
        return f"<MatchRule {self.kind} application {self.application_id} host {self.host_id}>"
