"""Applications to We Are CSO events, their consents and status history, and participants' media works.

Contacts, birth year, health notes and guardian details are personal data (Thailand's PDPA): only
staff see them (and a host, the contact an applicant agreed to share); never public pages, the public
API, the search index or logs. `flask events anonymise` clears them once an event is long finished.
"""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    ForeignKey,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import db
from directory.models.columns import UtcDateTime, string_enum
from directory.models.events import Event, EventHost
from directory.models.organisations import IssueArea
from directory.models.places import Province
from directory.models.users import User


class ApplicationStatus(enum.Enum):
    SUBMITTED = "submitted"
    SHORTLISTED = "shortlisted"
    SELECTED = "selected"
    WAITLISTED = "waitlisted"
    REJECTED = "rejected"
    CONFIRMED = "confirmed"
    ATTENDED = "attended"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    WITHDRAWN = "withdrawn"


application_issue_areas = Table(
    "application_issue_areas",
    db.metadata,
    Column("application_id", ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True),
    Column("issue_area_id", ForeignKey("issue_areas.id"), primary_key=True),
)


class Application(db.Model):
    __tablename__ = "applications"
    __table_args__ = (
        # One application per email per event; anonymised rows (email NULL) do not collide.
        UniqueConstraint("event_id", "email"),
        CheckConstraint("birth_year IS NULL OR birth_year BETWEEN 1900 AND 2200", name="birth_year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    # The private link's token is shown once (by mail and on the confirmation page); only its hash is kept.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[ApplicationStatus] = mapped_column(string_enum(ApplicationStatus, "application_status"),
                                                      default=ApplicationStatus.SUBMITTED, index=True)
    display_name: Mapped[str] = mapped_column(String(200))
    full_name: Mapped[str | None] = mapped_column(String(200))
    nickname: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    line_id: Mapped[str | None] = mapped_column(String(100))
    birth_year: Mapped[int | None]
    province_code: Mapped[str | None] = mapped_column(ForeignKey("provinces.code"), index=True)
    occupation: Mapped[str | None] = mapped_column(String(200))
    media_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    other_skill: Mapped[str | None] = mapped_column(String(200))
    motivation: Mapped[str | None] = mapped_column(Text)
    health_notes: Mapped[str | None] = mapped_column(Text)
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_contact: Mapped[str | None] = mapped_column(String(254))
    # The accepted placement (issue 6's matching, or staff by hand): the host and who accepted it.
    host_id: Mapped[int | None] = mapped_column(ForeignKey("event_hosts.id", ondelete="SET NULL"), index=True)
    placed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    placed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now(),
                                                 onupdate=func.now())
    deletion_requested_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    anonymised_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    event: Mapped[Event] = relationship()
    host: Mapped[EventHost | None] = relationship()
    placed_by: Mapped[User | None] = relationship(foreign_keys=[placed_by_id])
    province: Mapped[Province | None] = relationship()
    interests: Mapped[list[IssueArea]] = relationship(secondary=application_issue_areas,
                                                      order_by=IssueArea.position)
    consents: Mapped[list[Consent]] = relationship(back_populates="application", cascade="all, delete-orphan",
                                                   order_by="Consent.id")
    status_changes: Mapped[list[ApplicationStatusChange]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="ApplicationStatusChange.id")
    works: Mapped[list[MediaWork]] = relationship(back_populates="application", cascade="all, delete-orphan",
                                                  order_by="MediaWork.id")

    def has_consent(self, purpose):
        return any(c.purpose is purpose and c.withdrawn_at is None for c in self.consents)

    @property
    def public_name(self):
        """The name the public may see (announcement, gallery, API): the display name, only with consent."""
        if self.has_consent(ConsentPurpose.PUBLISH_NAME) and (self.display_name or "").strip():
            return self.display_name
        return None

    def __repr__(self):
        return f"<Application {self.id} to event {self.event_id} {self.status.value}>"


class ConsentPurpose(enum.Enum):
    PROCESSING = "processing"  # required to apply
    SHARE_WITH_HOST = "share_with_host"  # required to be placed with a host
    HEALTH_NOTES = "health_notes"  # health notes are stored only with it
    PUBLISH_NAME = "publish_name"  # required to be announced
    GUARDIAN = "guardian"  # a guardian's consent for an applicant under 20 (PDPA s.20)


class Consent(db.Model):
    """A consent as given: the purpose, the version of the wording shown, and when."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[ConsentPurpose] = mapped_column(string_enum(ConsentPurpose, "consent_purpose"))
    wording_version: Mapped[str] = mapped_column(String(20))
    given_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    application: Mapped[Application] = relationship(back_populates="consents")

    def __repr__(self):
        return f"<Consent {self.purpose.value} v{self.wording_version} for {self.application_id}>"


class ApplicationStatusChange(db.Model):
    """Every move of an application: who (staff, or the applicant), when, from and to."""

    __tablename__ = "application_status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[ApplicationStatus | None] = mapped_column(
        string_enum(ApplicationStatus, "application_status_from"))
    to_status: Mapped[ApplicationStatus] = mapped_column(string_enum(ApplicationStatus, "application_status_to"))
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    by_applicant: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())

    application: Mapped[Application] = relationship(back_populates="status_changes")
    changed_by: Mapped[User | None] = relationship()

    def __repr__(self):
        return f"<ApplicationStatusChange {self.application_id} {self.from_status} -> {self.to_status}>"


class WorkFormat(enum.Enum):
    ARTICLE = "article"
    PHOTO_SET = "photo_set"
    VIDEO = "video"
    INFOGRAPHIC = "infographic"
    PODCAST = "podcast"
    SOCIAL_POST = "social_post"
    OTHER = "other"


class MediaWork(db.Model):
    __tablename__ = "media_works"
    __table_args__ = (CheckConstraint("url IS NOT NULL OR file_name IS NOT NULL", name="url_or_file"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    format: Mapped[WorkFormat] = mapped_column(string_enum(WorkFormat, "work_format"))
    url: Mapped[str | None] = mapped_column(String(500))
    # A name we generated for an uploaded file, never the uploader's.
    file_name: Mapped[str | None] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)
    is_late: Mapped[bool] = mapped_column(default=False)
    is_published: Mapped[bool] = mapped_column(default=False)
    is_featured: Mapped[bool] = mapped_column(default=False)
    submitted_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())
    published_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    application: Mapped[Application] = relationship(back_populates="works")

    def __repr__(self):
        return f"<MediaWork {self.id} {self.format.value} of application {self.application_id}>"


class PersonalDataAccess(db.Model):
    """The audit log: every staff view or export of applicants' personal data."""

    __tablename__ = "personal_data_accesses"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(50))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id", ondelete="SET NULL"))
    detail: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())

    user: Mapped[User | None] = relationship()

    def __repr__(self):
        return f"<PersonalDataAccess {self.action} by {self.user_id}>"
