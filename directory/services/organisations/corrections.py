"""Public corrections: anyone suggests a new value for one field of a published profile; staff apply it
(a revision by the staff member, of source "correction") or dismiss it.

Applying goes through the profile edit (services.profile_edits) with values the edit schema checked, so
a correction can set only what an editor could. The organisation's editors are told by mail. The
suggester's contact is personal data: it is stored for staff and never mailed, logged or shown publicly.
Services flush; the caller commits once (mail goes out after the commit).
"""
import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.links import public_url
from directory.models import (
    Correction,
    CorrectionStatus,
    Organisation,
    OrganisationRevision,
    RevisionSource,
)
from directory.services.organisations.claims import editors_of
from directory.services.organisations.profile_edits import edit_organisation_profile
from directory.services.organisations.records import EDITABLE_FIELDS
from directory.services.platform.mailer import queue_mail
from directory.services.platform.refusals import Refused


class CorrectionError(Refused):
    """A refusal to show staff: `code` names it for the views and the tests."""


def suggest_correction(organisation, values):
    """Store a visitor's suggestion for staff; values: field, proposed_value, note, contact (the last two
    may be None), as schemas.corrections.CorrectionSchema loads them."""
    if not organisation.is_published:
        raise CorrectionError("not_published")
    if values["field"] not in EDITABLE_FIELDS:
        raise ValueError(f"not editable: {values['field']}")
    correction = Correction(organisation=organisation, field=values["field"],
                            proposed_value=values["proposed_value"], note=values.get("note"),
                            contact=values.get("contact"))
    db.session.add(correction)
    db.session.flush()
    return correction


def correction_queue(status=CorrectionStatus.PENDING):
    """Corrections for the back office, newest first; status None for all of them."""
    query = (sa.select(Correction)
             .options(selectinload(Correction.organisation).selectinload(Organisation.province),
                      selectinload(Correction.organisation).selectinload(Organisation.district),
                      selectinload(Correction.decided_by))
             .order_by(Correction.created_at.desc(), Correction.id.desc()))
    if status is not None:
        query = query.where(Correction.status == status)
    return db.session.scalars(query).all()


def count_pending_corrections():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Correction)
                             .where(Correction.status == CorrectionStatus.PENDING))


def apply_correction(correction, values, *, by, note=None):
    """Write the correction to the profile and tell the organisation's editors.

    `values` are the profile edit schemas.corrections.proposed_change made of the suggestion, checked
    against the organisation as it is now. A suggestion the profile already matches is refused
    ("no_change"): staff dismiss it instead. A concurrent save of the profile raises StaleEdit; the
    caller rolls back.
    """
    _check_pending(correction, by)
    organisation = correction.organisation
    changes = edit_organisation_profile(organisation, values, editor=by, expected_version=organisation.version,
                                        source=RevisionSource.CORRECTION)
    if not changes:
        raise CorrectionError("no_change")
    revision = db.session.scalar(
        sa.select(OrganisationRevision)
        .where(OrganisationRevision.organisation_id == organisation.id,
               OrganisationRevision.source == RevisionSource.CORRECTION, OrganisationRevision.author_id == by.id)
        .order_by(OrganisationRevision.id.desc()).limit(1))
    _decide(correction, CorrectionStatus.APPLIED, by, note, revision_id=revision.id)
    _tell_editors(correction, organisation)
    return changes


def dismiss_correction(correction, *, by, note=None):
    """Leave the profile as it is; the note is for staff."""
    _check_pending(correction, by)
    _decide(correction, CorrectionStatus.DISMISSED, by, note)
    return correction


def _check_pending(correction, by):
    if not by.is_staff:
        raise CorrectionError("forbidden")
    if correction.status is not CorrectionStatus.PENDING:
        raise CorrectionError("already_decided")


def _decide(correction, status, by, note, revision_id=None):
    # Only a row still pending changes: of two staff deciding at once, the second updates nothing
    # (PostgreSQL re-checks the condition once the first commits) and is refused; the caller rolls back.
    decided = db.session.execute(
        sa.update(Correction)
        .where(Correction.id == correction.id, Correction.status == CorrectionStatus.PENDING)
        .values(status=status, decided_by_id=by.id, decided_at=sa.func.now(),
                decision_note=(note or "").strip() or None, revision_id=revision_id)
        .execution_options(synchronize_session=False))
    if decided.rowcount != 1:
        raise CorrectionError("already_decided")
    db.session.expire(correction, ["status", "decided_by", "decided_by_id", "decided_at", "decision_note",
                                   "revision", "revision_id"])


def _tell_editors(correction, organisation):
    """One mail to each active editor, with links from configuration (never from the request)."""
    profile_url = public_url("public.organisation", public_id=organisation.public_id, slug=organisation.slug)
    edit_url = public_url("account.edit_organisation", public_id=organisation.public_id)
    for membership in editors_of(organisation):
        if membership.user.is_active:
            queue_mail(membership.user.email, "correction_applied", correction=correction,
                       organisation=organisation, editor=membership.user, profile_url=profile_url,
                       edit_url=edit_url)
