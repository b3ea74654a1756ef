"""The Whoosh schema, and how a Document becomes its fields."""
import re

from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema

from search_index.analysis import WordTokenizer
from search_index.documents import Document

# Filter and sort values live in per-segment columns, read in bulk into arrays (see columns.py).
WATERMARK_ID = "__watermark__"
MICRO = 1_000_000

_LEADING_VOWEL = re.compile(r"([เแโใไ])([ก-ฮ])")
_TONE_MARKS = re.compile(r"[่-๋]")


def thai_sort_key(name):
    """Thai dictionary order (near enough): a leading vowel sorts after its consonant, tones last."""
    tones = "".join(_TONE_MARKS.findall(name))
    return _LEADING_VOWEL.sub(r"\2\1", _TONE_MARKS.sub("", name)) + tones


def build_schema():
    words = WordTokenizer(stemmed=True)
    return Schema(
        id=ID(stored=True, unique=True),
        version=STORED(),
        name=TEXT(analyzer=words, field_boost=4.0, phrase=True),
        tags=TEXT(analyzer=words, field_boost=2.0, phrase=True),
        body=TEXT(analyzer=words, phrase=True),
        # Unstemmed Latin words, for prefixes typed as-you-go ("organi" -> organic, stemmed "organ").
        exact=TEXT(analyzer=WordTokenizer(stemmed=False, latin_only=True), phrase=False),
        name_th=STORED(),
        name_en=STORED(),
        description_th=STORED(),
        description_en=STORED(),
        kind=ID(sortable=True),
        province=ID(sortable=True),
        district=ID(sortable=True),
        region=ID(sortable=True),
        type=ID(sortable=True),
        issues=ID(sortable=True),
        name_key=ID(sortable=True),
        name_en_key=ID(sortable=True),
        # Whoosh's float columns are broken (struct.error on write): micro-degrees and seconds as ints.
        latitude=NUMERIC(int, bits=64, sortable=True),
        longitude=NUMERIC(int, bits=64, sortable=True),
        updated=NUMERIC(int, bits=64, sortable=True),
        watermark=STORED(),
    )


def to_fields(document: Document):
    places = [p for p in (document.province, document.district, document.region, document.type) if p]
    places += list(document.issue_areas)
    name = " ".join(filter(None, (document.name_th, document.name_en)))
    tags = " ".join(text for place in places for text in (place.code, *place.names))
    body = " ".join(filter(None, (document.description_th, document.description_en,
                                  *document.target_groups, *document.extra_text)))
    everything = f"{name} \n {tags} \n {body}"
    no_position = document.latitude is None or document.longitude is None
    return {
        "id": document.id,
        "version": document.version,
        "name": name,
        "tags": tags,
        "body": body,
        "exact": everything,
        "name_th": document.name_th,
        "name_en": document.name_en,
        "description_th": document.description_th,
        "description_en": document.description_en,
        "province": document.province.code if document.province else "",
        "district": document.district.code if document.district else "",
        "region": document.region.code if document.region else "",
        "type": document.type.code if document.type else "",
        "issues": " ".join(area.code for area in document.issue_areas),
        "name_key": thai_sort_key(document.name_th),
        "name_en_key": (document.name_en or document.name_th).casefold(),
        "kind": "organisation",
        # (0, 0) is far outside Thailand: it stands for "no position" in the float columns.
        "latitude": 0 if no_position else round(document.latitude * MICRO),
        "longitude": 0 if no_position else round(document.longitude * MICRO),
        "updated": int(document.updated_at.timestamp()) if document.updated_at else 0,
    }
