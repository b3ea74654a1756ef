"""Column types shared by the models."""
from datetime import UTC

from sqlalchemy import DateTime, Enum
from sqlalchemy.types import TypeDecorator


def string_enum(enum_class, name):
    """A Python enum stored as its values in a VARCHAR with a CHECK: portable, and readable in SQL."""
    return Enum(enum_class, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e],
                validate_strings=True, create_constraint=True, name=name)


class UtcDateTime(TypeDecorator):
    """A moment, stored as UTC and read back aware (UTC) on every database.

    SQLite keeps no offset: an aware Bangkok time written as it is would be read back as a naive 22:17
    and shown as 05:17 the next day. So every value is converted to UTC before it is written, and naive
    values (read back, or written by code) are UTC, as the database's own now() is. Converting for display
    happens once, in presentation (format_date)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
