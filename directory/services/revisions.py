"""Revisions: every change to an organisation is kept, shown as a diff, and can be reverted.

`changes` maps a field to [before, after] in JSON-safe form: the type and issue areas by slug, the
status by value. to_json_value and from_json_value are the only translation between the two forms.
"""
import sqlalchemy as sa
from sqlalchemy.orm import object_session

from directory.extensions import db
from directory.models import IssueArea, OrganisationRevision, OrganisationStatus, OrganisationType, RevisionSource


def record_revision(organisation, changes, *, source, author=None, reverted_revision=None):
    """Store {field: (before, after)} as one revision in the organisation's session; None if nothing changed."""
    if not changes:
        return None
    revision = OrganisationRevision(
        organisation=organisation, author=author, source=source,
        changes={field: [to_json_value(field, before), to_json_value(field, after)]
                 for field, (before, after) in changes.items()},
        reverted_revision_id=reverted_revision.id if reverted_revision is not None else None,
    )
    (object_session(organisation) or db.session).add(revision)
    return revision


def to_json_value(field, value):
    if field == "type":
        return value.slug if value is not None else None
    if field == "issue_areas":
        return [area.slug for area in value]
    if field == "status":
        return value.value if value is not None else None
    return value


def from_json_value(field, value):
    if field == "type":
        return db.session.scalar(sa.select(OrganisationType).filter_by(slug=value)) if value else None
    if field == "issue_areas":
        by_slug = {area.slug: area for area in db.session.scalars(
            sa.select(IssueArea).where(IssueArea.slug.in_(value or [])))}
        return [by_slug[slug] for slug in value or [] if slug in by_slug]
    if field == "status":
        return OrganisationStatus(value) if value else None
    return value


def revisions_of(organisation):
    """Newest first."""
    return db.session.scalars(
        sa.select(OrganisationRevision).where(OrganisationRevision.organisation_id == organisation.id)
        .order_by(OrganisationRevision.id.desc())).all()


def state_at(revision):
    """{field: value} as the organisation stood just after `revision`, for every field changed since.

    A field changed at or before the revision takes its last 'after' up to it; a field first changed
    later takes that later change's 'before' (so history recorded from any point is enough).
    """
    later = db.session.scalars(
        sa.select(OrganisationRevision)
        .where(OrganisationRevision.organisation_id == revision.organisation_id,
               OrganisationRevision.id > revision.id)
        .order_by(OrganisationRevision.id)).all()
    changed_since = {}
    for newer in later:
        for field, (before, _after) in newer.changes.items():
            changed_since.setdefault(field, before)
    earlier = db.session.scalars(
        sa.select(OrganisationRevision)
        .where(OrganisationRevision.organisation_id == revision.organisation_id,
               OrganisationRevision.id <= revision.id)
        .order_by(OrganisationRevision.id.desc())).all()
    state = {}
    for field, first_before in changed_since.items():
        state[field] = next((older.changes[field][1] for older in earlier if field in older.changes), first_before)
    return state


def revert_to(revision, *, author):
    """Put the organisation back as it was just after `revision`; the revert is itself a revision."""
    from directory.services.organisations import update_organisation

    organisation = revision.organisation
    values = {field: from_json_value(field, value) for field, value in state_at(revision).items()}
    return update_organisation(organisation, values, source=RevisionSource.REVERT, author=author,
                               reverted_revision=revision)
