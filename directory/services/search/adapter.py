"""The one adapter between the application and search_index: documents in, ranked ids out."""
from flask import current_app
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import District, Organisation, OrganisationStatus, Province
from directory.organisation_fields import FIELDS, PLAIN_TEXT_KINDS
from directory.services.places.reference_data import SEEDS_DIR
from search_index import Document, Place, QueryLanguage, SearchIndex

STOP_WORDS_FILE = SEEDS_DIR / "stop_words.csv"
SYNONYMS_FILE = SEEDS_DIR / "synonyms.csv"
# Searchable plain texts (organisation_fields) the index has no field of its own for: found as extra text.
EXTRA_TEXT_FIELDS = tuple(field.name for field in FIELDS if field.searchable and field.kind in PLAIN_TEXT_KINDS
                          and field.name not in Document.__dataclass_fields__)


def search_index() -> SearchIndex:
    """This process's index for the app's SEARCH_INDEX_DIR, reading queries with the curated stop words
    and synonyms (read once per process: editing them needs a restart, not a reindex)."""
    index = current_app.extensions.get("search_index")
    if index is None:
        language = QueryLanguage.from_files(STOP_WORDS_FILE, SYNONYMS_FILE)
        index = current_app.extensions["search_index"] = SearchIndex(current_app.config["SEARCH_INDEX_DIR"],
                                                                     language)
    return index


def warm_search_index():
    """Open the index and run a first query now, so that a worker's first visitor does not wait for it
    (gunicorn.conf.py calls this when a worker starts). Without an index there is nothing to warm: False."""
    index = search_index()
    if not index.store.exists():
        return False
    index.warm()
    return True


def organisations_for_index(session, ids=None):
    """Published organisations with everything a document needs, loaded in a few queries."""
    query = (
        db.select(Organisation)
        .where(Organisation.status == OrganisationStatus.PUBLISHED)
        .options(
            selectinload(Organisation.province).selectinload(Province.region),
            selectinload(Organisation.type),
            selectinload(Organisation.issue_areas),
        )
        .order_by(Organisation.id)
    )
    if ids is not None:
        query = query.where(Organisation.id.in_(ids))
    return session.scalars(query)


def to_document(organisation, districts) -> Document:
    """The index's view of an organisation. `districts` maps code -> District (reference data)."""
    province = organisation.province
    district = districts.get(organisation.district_code)
    return Document(
        id=str(organisation.id),
        version=organisation.version,
        name_th=organisation.name_th,
        name_en=organisation.name_en or "",
        description_th=organisation.description_th or "",
        description_en=organisation.description_en or "",
        target_groups=tuple(organisation.target_groups or ()),
        province=Place(province.code, (province.name_th, f"จังหวัด{province.name_th}", province.name_en,
                                       province.iso_code)),
        district=Place(district.code, (district.name_th, district.prefixed_name_th, district.name_en))
        if district else None,
        region=Place(province.region.slug, (province.region.name_th, province.region.name_en)),
        type=Place(organisation.type.slug, (organisation.type.name_th, organisation.type.name_en))
        if organisation.type else None,
        issue_areas=tuple(Place(a.slug, (a.name_th, a.name_en)) for a in organisation.issue_areas),
        latitude=organisation.latitude,
        longitude=organisation.longitude,
        updated_at=organisation.updated_at,
        is_verified=organisation.is_verified,
        extra_text=tuple(filter(None, (getattr(organisation, name) for name in EXTRA_TEXT_FIELDS))),
    )


def district_lookup(session):
    return {d.code: d for d in session.scalars(db.select(District))}
