"""Likely duplicates: the same organisation entered twice, told by its Thai name and its place.

Names are compared normalised (marks in order, no spaces, dots or case), so "มูลนิธิ เด็ก" and
"มูลนิธิเด็ก" are one name. The same name in the same district (or the same province, where either
has no district) is a likely duplicate; elsewhere it is usually another group (วัดกู่, ชมรมผู้สูงอายุ
repeat across the country).
"""
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Organisation, OrganisationStatus
from directory.services.places.gazetteer import normalise


def name_key(name):
    return normalise(name or "")


def is_same_place(place, other):
    """place and other are (province code, district code or None): the same district where both
    have one, otherwise the same province."""
    (province, district), (other_province, other_district) = place, other
    if district and other_district:
        return district == other_district
    return province == other_province


def likely_duplicates(name_th, province_code, district_code=None, *, excluding=None):
    """Organisations (not archived) whose Thai name is `name_th`'s in the same place, oldest first."""
    key = name_key(name_th)
    candidates = db.session.scalars(
        sa.select(Organisation)
        .where(Organisation.province_code == province_code, Organisation.status != OrganisationStatus.ARCHIVED)
        .order_by(Organisation.id)
    )
    return [organisation for organisation in candidates
            if organisation is not excluding and name_key(organisation.name_th) == key
            and is_same_place((province_code, district_code),
                              (organisation.province_code, organisation.district_code))]
