"""People who sign in: organisation editors, staff and admins."""
from __future__ import annotations

import enum
import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from directory.extensions import db
from directory.models.columns import UtcDateTime, string_enum


class UserRole(enum.Enum):
    """A member edits the organisations they belong to; staff run the back office; admins also manage roles."""

    MEMBER = "member"
    STAFF = "staff"
    ADMIN = "admin"


def new_session_token():
    return secrets.token_urlsafe(32)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[UserRole] = mapped_column(
        string_enum(UserRole, "user_role"),
        default=UserRole.MEMBER,
    )
    is_active: Mapped[bool] = mapped_column(default=True)
    # The session cookie carries this, not the id: changing it (logout, password change) ends every session.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    email_verified_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())

    memberships: Mapped[list["OrganisationMembership"]] = relationship(  # noqa: F821
        back_populates="user", cascade="all, delete-orphan", foreign_keys="OrganisationMembership.user_id")

    def get_id(self):
        return self.session_token

    @property
    def is_verified(self):
        return self.email_verified_at is not None

    @property
    def is_staff(self):
        return self.role in (UserRole.STAFF, UserRole.ADMIN)

    @property
    def is_admin(self):
        return self.role is UserRole.ADMIN

    def is_editor_of(self, organisation):
        return any(m.organisation_id == organisation.id for m in self.memberships)

    def __repr__(self):
        return f"<User {self.id} {self.role.value}>"


class ApiToken(db.Model):
    """A personal token for the JSON API (Authorization: Bearer ...); only its SHA-256 is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, server_default=func.now())
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    user: Mapped[User] = relationship()

    def __repr__(self):
        return f"<ApiToken {self.id} of user {self.user_id}>"
