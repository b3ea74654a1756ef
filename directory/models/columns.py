"""Column types shared by the models."""
from sqlalchemy import Enum


def string_enum(enum_class, name):
    """A Python enum stored as its values in a VARCHAR with a CHECK: portable, and readable in SQL."""
    return Enum(enum_class, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e],
                validate_strings=True, create_constraint=True, name=name)
