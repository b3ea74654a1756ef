"""An editor (or staff) changes an organisation's public profile: the form and the API both call this.

Optimistic locking: the editor says which version they edited. If someone saved since, the edit is
refused (StaleEdit), never merged or silently overwritten. Two edits of the same version racing each
other are caught by the database: the ORM's UPDATE names the version it read (version_id_col), and
the loser's flush raises StaleDataError, which becomes StaleEdit too.
"""
from sqlalchemy.orm.exc import StaleDataError

from directory.extensions import db
from directory.models import RevisionSource
from directory.services.organisations.logos import delete_logo, save_logo
from directory.services.organisations.records import update_organisation
from directory.services.places.geocoding import locate

STALE_EDIT = ("Someone else saved this organisation after you started editing. "
              "You are now seeing their version: make your changes again.")
_PLACE_FIELDS = ("province_code", "district_code", "address")


class StaleEdit(Exception):
    """The edit was made on an outdated version; nothing was changed. The caller rolls back."""

    def __init__(self, expected_version, current_version=None):
        super().__init__(STALE_EDIT)
        self.expected_version = expected_version
        self.current_version = current_version


def edit_organisation_profile(organisation, values, *, editor, expected_version, logo=None, source=None):
    """Apply an editor's validated values (schemas/organisations/edit.py) and flush; returns the
    changes {field: (before, after)}. A no-op edit records nothing and keeps the version.

    `logo` is a re-encoded services.logos.Logo to store; values["remove_logo"] removes the current one.
    The caller checks permission (services.permissions.can_edit) and commits. A replaced logo's file is
    kept: the history can revert to it. The revision's `source` is the editor's or staff's, by who edits,
    unless the caller names another (a visitor's correction applied by staff).
    """
    if organisation.version != expected_version:
        raise StaleEdit(expected_version, organisation.version)
    values = dict(values)
    values.pop("version", None)
    if values.pop("remove_logo", False):
        values["logo_filename"] = None
    values.update(_position(organisation, values))
    stored_logo = save_logo(logo) if logo is not None else None
    if stored_logo:
        values["logo_filename"] = stored_logo
    if source is None:
        source = RevisionSource.EDITOR if editor.is_editor_of(organisation) else RevisionSource.STAFF
    try:
        with db.session.no_autoflush:  # one UPDATE, so one edit is one version
            changes = update_organisation(organisation, values, source=source, author=editor)
        db.session.flush()
    except StaleDataError as error:
        delete_logo(stored_logo)
        raise StaleEdit(expected_version) from error
    except Exception:
        delete_logo(stored_logo)
        raise
    return changes


def _position(organisation, values):
    """Blank coordinates, or a new place for an approximately placed organisation: ask the geocoder.

    Offline this is the district's centroid (as services.organisations would choose); with Nominatim
    configured an address it finds in Thailand gives an exact position.
    """
    blanked = "latitude" in values and values["latitude"] is None
    moved = ("latitude" not in values and organisation.is_position_approximate
             and any(field in values for field in _PLACE_FIELDS))
    if not (blanked or moved):
        return {}
    position = locate(province_code=values.get("province_code", organisation.province_code),
                      district_code=values.get("district_code", organisation.district_code),
                      address=values.get("address", organisation.address))
    if position is None:
        return {}
    return {"latitude": position.latitude, "longitude": position.longitude,
            "is_position_approximate": position.is_approximate}
