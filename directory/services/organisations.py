"""Creating and changing organisations. Services flush; the caller commits once."""
import re
import secrets
import unicodedata

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus
from directory.services.places import gazetteer

PUBLIC_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: read aloud and typed safely
PUBLIC_ID_LENGTH = 8

# Fields a caller may set through create/update; everything else (ids, version, timestamps) is ours.
EDITABLE_FIELDS = (
    "ref", "name_th", "name_en", "type", "registration_number", "description_th", "description_en",
    "founded_year", "province_code", "district_code", "address", "latitude", "longitude",
    "issue_areas", "target_groups", "phone", "email", "website", "facebook", "line_id",
    "status", "is_verified", "is_demo",
)


def new_public_id():
    return "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(PUBLIC_ID_LENGTH))


def slugify(text):
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].rstrip("-")


def create_organisation(values, *, flush=True):
    """Add an organisation from validated values; its position defaults to its district's centroid.

    A caller adding many at once may pass flush=False and flush them together: one flush per row
    would cost more than the rows themselves.
    """
    public_id = new_public_id()
    slug = "-".join(part for part in (slugify(values.get("name_en")), public_id) if part)
    organisation = Organisation(public_id=public_id, slug=slug, status=OrganisationStatus.DRAFT,
                                target_groups=[])
    update_organisation(organisation, values)
    db.session.add(organisation)
    if flush:
        db.session.flush()
    return organisation


def update_organisation(organisation, values):
    """Apply validated values; returns {field: (before, after)} for what really changed.

    Setting only what differs keeps a no-op edit from bumping the version or the updated time.
    """
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
    """A given position is exact; a missing one is the district's centroid, else the province's."""
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
