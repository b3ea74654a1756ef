"""Organisations and the taxonomies that classify them."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Table,
    Text,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import db
from directory.models.columns import UtcDateTime, string_enum
from directory.models.places import District, Province

# Thailand's extent with a small margin; positions outside it are refused by the database.
THAILAND_BOUNDS = {"lat_min": 5.5, "lat_max": 20.6, "lon_min": 97.3, "lon_max": 105.7}
# The Text columns have no length in the database; the forms, the API and the import take at most these.
TEXT_LENGTHS = {"description_th": 5000, "description_en": 5000, "address": 1000}
EARLIEST_FOUNDED_YEAR = 1800


class IssueArea(db.Model):
    __tablename__ = "issue_areas"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(50), unique=True)
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    is_from_announcement: Mapped[bool] = mapped_column(default=False)
    position: Mapped[int] = mapped_column(default=0)

    def __repr__(self):
        return f"<IssueArea {self.slug}>"


class OrganisationType(db.Model):
    __tablename__ = "organisation_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(50), unique=True)
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)

    def __repr__(self):
        return f"<OrganisationType {self.slug}>"


class OrganisationStatus(enum.Enum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


organisation_issue_areas = Table(
    "organisation_issue_areas",
    db.metadata,
    Column("organisation_id", ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True),
    Column("issue_area_id", ForeignKey("issue_areas.id"), primary_key=True, index=True),
)


class Organisation(db.Model):
    __tablename__ = "organisations"
    __table_args__ = (
        ForeignKeyConstraint(
            ["district_code", "province_code"], ["districts.code", "districts.province_code"]
        ),
        CheckConstraint(
            "(latitude IS NULL) = (longitude IS NULL)", name="position_complete"
        ),
        CheckConstraint(
            "latitude IS NULL OR (latitude BETWEEN {lat_min} AND {lat_max} "
            "AND longitude BETWEEN {lon_min} AND {lon_max})".format(**THAILAND_BOUNDS),
            name="position_in_thailand",
        ),
        CheckConstraint(f"founded_year IS NULL OR founded_year BETWEEN {EARLIEST_FOUNDED_YEAR} AND 2200",
                        name="founded_year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(12), unique=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    name_th: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    type_id: Mapped[int | None] = mapped_column(ForeignKey("organisation_types.id"), index=True)
    registration_number: Mapped[str | None] = mapped_column(String(64))
    description_th: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    founded_year: Mapped[int | None]
    province_code: Mapped[str] = mapped_column(ForeignKey("provinces.code"), index=True)
    district_code: Mapped[str | None] = mapped_column(String(4), index=True)
    address: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    is_position_approximate: Mapped[bool] = mapped_column(default=False)
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    phone: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(500))
    facebook: Mapped[str | None] = mapped_column(String(500))
    line_id: Mapped[str | None] = mapped_column(String(100))
    # A file name we generated (services/organisations/logos.py), never one a user chose.
    logo_filename: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[OrganisationStatus] = mapped_column(
        string_enum(OrganisationStatus, "organisation_status"),
        default=OrganisationStatus.DRAFT,
        index=True,
    )
    is_verified: Mapped[bool] = mapped_column(default=False)
    is_demo: Mapped[bool] = mapped_column(default=False)
    # Set when staff merged this duplicate into another organisation; it is then archived.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        UtcDateTime, server_default=func.now(), onupdate=func.now()
    )
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    type: Mapped[OrganisationType | None] = relationship()
    province: Mapped[Province] = relationship()
    district: Mapped[District | None] = relationship(
        primaryjoin="Organisation.district_code == District.code",
        foreign_keys=[district_code],
        viewonly=True,
    )
    issue_areas: Mapped[list[IssueArea]] = relationship(
        secondary=organisation_issue_areas, order_by=IssueArea.position
    )
    memberships: Mapped[list["OrganisationMembership"]] = relationship(  # noqa: F821
        back_populates="organisation", cascade="all, delete-orphan")

    # The ORM bumps the counter on every UPDATE and refuses a stale one (optimistic locking).
    __mapper_args__ = {"version_id_col": version}

    @property
    def is_published(self):
        return self.status is OrganisationStatus.PUBLISHED

    def __repr__(self):
        return f"<Organisation {self.public_id} {self.name_th!r}>"
