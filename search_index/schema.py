"""What Whoosh keeps of a Document: its id and stored values, nothing it would have to match.

Whoosh holds the documents, replaces them by id, and keeps the segments and their deletions. Matching,
filters and sorting run on arrays built from these stored values beside each segment (segments.py),
so every array can be rebuilt from a segment alone, after a merge as after a crash.
"""
import re

from whoosh.fields import ID, STORED, Schema

from search_index.documents import Document
from search_index.literal import DocumentText

WATERMARK_ID = "__watermark__"
ORGANISATION = "organisation"
PLACE_FIELDS = ("province", "district", "region", "type")
COLUMN_FIELDS = (*PLACE_FIELDS, "issues", "latitude", "longitude", "updated", "name_key", "name_en_key",
                 "is_verified")

_LEADING_VOWEL = re.compile(r"([เแโใไ])([ก-ฮ])")
_TONE_MARKS = re.compile(r"[่-๋]")


def thai_sort_key(name):
    """Thai dictionary order (near enough): a leading vowel sorts after its consonant, tones last."""
    tones = "".join(_TONE_MARKS.findall(name))
    return _LEADING_VOWEL.sub(r"\2\1", _TONE_MARKS.sub("", name)) + tones


def build_schema():
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True),
        version=STORED(),
        name_th=STORED(),
        name_en=STORED(),
        description_th=STORED(),
        description_en=STORED(),
        more_text=STORED(),  # target groups, address: searched, never shown in a snippet
        watermark=STORED(),
        **{name: STORED() for name in COLUMN_FIELDS},
    )


def to_fields(document: Document):
    place = {name: getattr(document, name).code if getattr(document, name) else "" for name in PLACE_FIELDS}
    return {
        "id": document.id,
        "kind": ORGANISATION,
        "version": document.version,
        "name_th": document.name_th,
        "name_en": document.name_en,
        "description_th": document.description_th,
        "description_en": document.description_en,
        "more_text": "\n".join(filter(None, (*document.target_groups, *document.extra_text))),
        **place,
        "issues": " ".join(area.code for area in document.issue_areas),
        "latitude": document.latitude,
        "longitude": document.longitude,
        "updated": int(document.updated_at.timestamp()) if document.updated_at else 0,
        "name_key": thai_sort_key(document.name_th),
        "name_en_key": (document.name_en or document.name_th).casefold(),
        "is_verified": document.is_verified,
    }


def document_text(stored):
    """The text a stored document is found by: its names, and the rest as its body."""
    body = "\n".join(filter(None, (stored.get("description_th"), stored.get("description_en"),
                                   stored.get("more_text"))))
    return DocumentText(stored.get("name_th") or "", stored.get("name_en") or "", body)


def place_names(document: Document):
    """{field: {code: names}} of the places, type and issue areas a document is tagged with."""
    names = {field: {} for field in (*PLACE_FIELDS, "issues")}
    for field in PLACE_FIELDS:
        place = getattr(document, field)
        if place:
            names[field][place.code] = [place.code, *place.names]
    for area in document.issue_areas:
        names["issues"][area.code] = [area.code, *area.names]
    return names
