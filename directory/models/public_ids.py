"""What a public id looks like: the one rule for organisations and events alike.

It lives below services and schemas, which both need it: services make ids and look them up, schemas
check them in paths and forms, and a lookup never sends the database text that cannot be an id
(PostgreSQL refuses a NUL in a query, which would be a 500 instead of a 404).
"""
import re

PUBLIC_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: read aloud and typed safely
PUBLIC_ID_LENGTH = 8
# For schemas (validate.Regexp) and the OpenAPI document: JSON Schema patterns are anchored by hand.
PUBLIC_ID_PATTERN = f"^[{PUBLIC_ID_ALPHABET}]{{{PUBLIC_ID_LENGTH}}}$"

_PUBLIC_ID = re.compile(f"[{PUBLIC_ID_ALPHABET}]{{{PUBLIC_ID_LENGTH}}}")


def is_public_id(text):
    """True when `text` could be an organisation's or an event's public id."""
    return isinstance(text, str) and _PUBLIC_ID.fullmatch(text) is not None
