"""Creating and changing organisations. Services flush; the caller commits once."""
import re
import secrets
import unicodedata

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus, RevisionSource
from directory.models.public_ids import PUBLIC_ID_ALPHABET, PUBLIC_ID_LENGTH, is_public_id
from directory.organisation_fields import FIELD_NAMES
from directory.services.organisations.revisions import record_revision
from directory.services.places.gazetteer import gazetteer

# Fields a caller may set through create/update: every declared one; the rest (ids, version, timestamps) is ours.
EDITABLE_FIELDS = FIELD_NAMES


def new_public_id():
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(PUBLIC_ID_LENGTH))


def organisation_by_public_id(public_id, *options, published=False):
    """The organisation with this public id (only a published one if `published`), or None.

    `options` are loader options (selectinload...) for what the caller will show. Text that cannot be a
    public id is not looked up.
    """
    if not is_public_id(public_id):
        return None
    query = sa.select(Organisation).where(Organisation.public_id == public_id).options(*options)
    if published:
        query = query.where(Organisation.status == OrganisationStatus.PUBLISHED)
    return db.session.scalar(query)


def published_successor(public_id):
    """The published organisation that a duplicate with this public id was merged into, or None: the
    duplicate's address, shared or bookmarked, leads to the record kept."""
    merged = organisation_by_public_id(public_id)
    if merged is None or merged.status is not OrganisationStatus.ARCHIVED or merged.merged_into_id is None:
        return None
    kept = db.session.get(Organisation, merged.merged_into_id)
    return kept if kept is not None and kept.is_published else None


def slugify(text):
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].rstrip("-")


def create_organisation(values, *, source=RevisionSource.CREATE, author=None, flush=True):
    """Add an organisation from validated values; its position defaults to its district's centroid.

    Its first revision records every value it was created with.

    A caller adding many at once may pass flush=False and flush them together: one flush per row
    would cost more than the rows themselves.
    """
    public_id = new_public_id()
    slug = "-".join(part for part in (slugify(values.get("name_en")), public_id) if part)
    organisation = Organisation(public_id=public_id, slug=slug, status=OrganisationStatus.DRAFT,
                                target_groups=[])
    changes = _apply(organisation, values)
    db.session.add(organisation)
    record_revision(organisation, changes, source=source, author=author)
    if flush:
        db.session.flush()
    return organisation


def update_organisation(organisation, values, *, source=RevisionSource.SYSTEM, author=None,
                        reverted_revision=None):
    """Apply validated values and record them as one revision; returns {field: (before, after)}.

    Setting only what differs keeps a no-op edit from bumping the version, the updated time or the
    history.
    """
    changes = _apply(organisation, values)
    record_revision(organisation, changes, source=source, author=author, reverted_revision=reverted_revision)
    return changes


def _apply(organisation, values):
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    values = dict(values)
    if "latitude" in values or "province_code" in values or "district_code" in values:
        values.update(_position(organisation, values))
    changes = {}
    for field, after in values.items():
        before = getattr(organisation, field)
        if field == "issue_areas":
            if {a.slug for a in before} == {a.slug for a in after}:
                continue
            before, after = list(before), list(after)
        elif before == after:
            continue
        setattr(organisation, field, after)
        changes[field] = (before, after)
    if "issue_areas" in changes and organisation.id is not None:
        # A change of links alone updates no column, so neither the version nor the time would move:
        # touch the row, so optimistic locking and `flask search check` see this change too.
        organisation.updated_at = sa.func.now()
    return changes


def _position(organisation, values):
    """A given position is exact; a missing one is the district's centroid, else the province's.

    A caller that states is_position_approximate itself (a revert) is taken at its word.
    """
    if "is_position_approximate" in values:
        return {}
    latitude = values.get("latitude", organisation.latitude)
    longitude = values.get("longitude", organisation.longitude)
    if latitude is not None and longitude is not None and "latitude" in values:
        return {"latitude": latitude, "longitude": longitude, "is_position_approximate": False}
    places = gazetteer()
    district_code = values.get("district_code", organisation.district_code)
    province_code = values.get("province_code", organisation.province_code)
    place = places.districts.get(district_code) or places.provinces.get(province_code)
    if place is None:
        return {}
    if "latitude" in values or organisation.is_position_approximate or organisation.latitude is None:
        return {"latitude": place.latitude, "longitude": place.longitude, "is_position_approximate": True}
    return {}
