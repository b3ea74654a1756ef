"""Staff moderation: publishing, archiving, verifying and merging duplicate organisations.

Every change goes through services.organisations.update_organisation, so it is recorded as a
revision and reaches the search index through the outbox. Services flush; the caller commits once.

How a merge is recorded (the duplicate's history stays on the duplicate):
- `keep` gets one MERGE revision listing the fields filled from the duplicate (before/after), when
  any were empty on `keep`. Nothing else on `keep`'s row changes, so nothing else is recorded there.
- the duplicate gets one MERGE revision: status -> archived, merged_into_id -> keep.id (and its `ref`
  given up when `keep` takes it). merged_into_id is the lasting link: duplicates_of(keep) lists them
  and the duplicate's public URL redirects to `keep`.
- the duplicate's older revisions keep their organisation_id: re-pointing them would lose which
  record they described and mix two unrelated histories into `keep`'s reverts.
"""
import sqlalchemy as sa

from directory.extensions import db
from directory.models import (
    Application,
    EventHost,
    MatchRule,
    Organisation,
    OrganisationClaim,
    OrganisationMembership,
    OrganisationStatus,
    RevisionSource,
)
from directory.organisation_fields import FILLABLE_FIELDS
from directory.services.organisations.records import update_organisation
from directory.services.platform.refusals import Refused


class ModerationError(Refused):
    """A refusal to show staff: `code` names it for tests and translations."""


# A merge copies from the duplicate the fields declared fillable (organisation_fields) that `keep` has no
# value for. Not copied: the names in Thai (required, so never empty), status, is_verified and is_demo
# (staff decide those), merged_into_id. The ref and the place-bound fields (district, position) are
# copied by _fillable_values' own rules, the latter only between records in the same province.


def set_organisation_status(organisation, status, *, by):
    """Publish, archive or return to draft; returns the changes ({} when it already had that status).

    A merged duplicate stays archived: publishing it again would bring the duplicate back.
    """
    _require_staff(by)
    status = _status(status)
    if organisation.merged_into_id is not None and status is not OrganisationStatus.ARCHIVED:
        raise ModerationError("merged")
    return update_organisation(organisation, {"status": status}, source=RevisionSource.STAFF, author=by)


def set_verified(organisation, flag, *, by):
    """Mark the organisation as checked by staff (or take the mark away)."""
    _require_staff(by)
    if not isinstance(flag, bool):
        raise ModerationError("invalid_flag")
    return update_organisation(organisation, {"is_verified": flag}, source=RevisionSource.STAFF, author=by)


def merge_organisations(keep, duplicate, *, by):
    """Fold `duplicate` into `keep`: its editors, claims and other references move to `keep`, `keep`'s
    empty fields are filled from it, and it is archived with merged_into_id = keep.id.

    Returns the fields filled on `keep` ({field: (before, after)}). Refuses an organisation merged with
    itself and one that is already merged (either side). The caller commits, so it is all or nothing.
    """
    _require_staff(by)
    check_merge(keep, duplicate)
    for move_references in REFERENCE_MOVERS:
        move_references(keep, duplicate, by=by)
    filled = _fillable_values(keep, duplicate)
    duplicate_values = {"status": OrganisationStatus.ARCHIVED, "merged_into_id": keep.id}
    if "ref" in filled:
        # ref is unique: the duplicate gives it up (flushed first) before keep takes it.
        duplicate_values["ref"] = None
    update_organisation(duplicate, duplicate_values, source=RevisionSource.MERGE, author=by)
    db.session.flush()
    changes = update_organisation(keep, filled, source=RevisionSource.MERGE, author=by)
    db.session.flush()
    return changes


def check_merge(keep, duplicate):
    """Raise the ModerationError a merge of these two would meet, so a page can say so before confirming."""
    if keep.id == duplicate.id:
        raise ModerationError("same_organisation")
    if keep.merged_into_id is not None or duplicate.merged_into_id is not None:
        raise ModerationError("already_merged")


def duplicates_of(organisation):
    """The organisations merged into this one, oldest first."""
    return db.session.scalars(
        sa.select(Organisation).where(Organisation.merged_into_id == organisation.id).order_by(Organisation.id)
    ).all()


def _move_memberships(keep, duplicate, *, by):
    """The duplicate's editors become keep's; someone already editing keep keeps their one membership."""
    editors_of_keep = set(db.session.scalars(
        sa.select(OrganisationMembership.user_id).where(OrganisationMembership.organisation_id == keep.id)))
    for membership in list(duplicate.memberships):
        if membership.user_id in editors_of_keep:
            duplicate.memberships.remove(membership)  # delete-orphan: the row goes
        else:
            membership.organisation = keep
    db.session.flush()


def _move_claims(keep, duplicate, *, by):
    """Claims of every status: pending ones are then decided on keep, decided ones stay as its record."""
    db.session.execute(
        sa.update(OrganisationClaim).where(OrganisationClaim.organisation_id == duplicate.id)
        .values(organisation_id=keep.id).execution_options(synchronize_session="fetch"))


def _move_earlier_duplicates(keep, duplicate, *, by):
    """Organisations merged into the duplicate before now point at keep, so no redirect chains."""
    for earlier in duplicates_of(duplicate):
        update_organisation(earlier, {"merged_into_id": keep.id}, source=RevisionSource.MERGE, author=by)


def _move_event_hosting(keep, duplicate, *, by):
    """The duplicate's host places become keep's. Where both hosted the same event, keep's place takes
    the duplicate's capacity and placed participants, and the duplicate's place goes."""
    hosts_of_keep = {host.event_id: host for host in db.session.scalars(
        sa.select(EventHost).where(EventHost.organisation_id == keep.id))}
    for host in db.session.scalars(sa.select(EventHost).where(EventHost.organisation_id == duplicate.id)).all():
        kept = hosts_of_keep.get(host.event_id)
        if kept is None:
            host.organisation_id = keep.id
            continue
        kept.capacity += host.capacity
        db.session.execute(sa.update(Application).where(Application.host_id == host.id).values(host_id=kept.id))
        already_ruled = sa.select(MatchRule.application_id).where(MatchRule.host_id == kept.id)
        db.session.execute(sa.delete(MatchRule).where(MatchRule.host_id == host.id,
                                                      MatchRule.application_id.in_(already_ruled)))
        db.session.execute(sa.update(MatchRule).where(MatchRule.host_id == host.id).values(host_id=kept.id))
        db.session.delete(host)
    db.session.flush()


# Everything that points at an organisation and must follow it into `keep` when a duplicate is merged.
# Each mover is called as mover(keep, duplicate, by=user) inside the merge's transaction and must only
# flush. The duplicate's revisions deliberately stay where they are (see the module docstring).
REFERENCE_MOVERS = [_move_memberships, _move_claims, _move_earlier_duplicates, _move_event_hosting]


def _fillable_values(keep, duplicate):
    values = {field: getattr(duplicate, field) for field in FILLABLE_FIELDS
              if _is_empty(getattr(keep, field)) and not _is_empty(getattr(duplicate, field))}
    if keep.ref is None and duplicate.ref is not None:
        values["ref"] = duplicate.ref  # later imports of that row update the record that stays
    if keep.province_code == duplicate.province_code:
        if keep.district_code is None and duplicate.district_code is not None:
            values["district_code"] = duplicate.district_code
        keep_position_is_vague = keep.latitude is None or keep.is_position_approximate
        if keep_position_is_vague and duplicate.latitude is not None and not duplicate.is_position_approximate:
            values.update(latitude=duplicate.latitude, longitude=duplicate.longitude)
    if "issue_areas" in values:
        values["issue_areas"] = list(values["issue_areas"])
    if "target_groups" in values:
        values["target_groups"] = list(values["target_groups"])
    return values


def _is_empty(value):
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return not value
    return value is None


def _status(value):
    if isinstance(value, OrganisationStatus):
        return value
    try:
        return OrganisationStatus(value)
    except ValueError:
        raise ModerationError("invalid_status") from None


def _require_staff(user):
    if user is None or not user.is_staff:
        raise ModerationError("forbidden")
