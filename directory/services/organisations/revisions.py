"""Revisions: every change to an organisation is stored, as {field: [before, after]} in JSON-safe form.

The type and issue areas are kept by slug, the status by value: to_json_value and from_json_value are
the only translation between the two forms. Reading, showing and reverting history: services/organisations/history.py.
"""
import sqlalchemy as sa
from sqlalchemy.orm import object_session

from directory.extensions import db
from directory.models import IssueArea, OrganisationRevision, OrganisationStatus, OrganisationType
from directory.organisation_fields import kind_of


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
    match kind_of(field):
        case "type":
            return value.slug if value is not None else None
        case "issue_areas":
            return [area.slug for area in value]
        case "status":
            return value.value if value is not None else None
    return value


def from_json_value(field, value):
    match kind_of(field):
        case "type":
            return db.session.scalar(sa.select(OrganisationType).filter_by(slug=value)) if value else None
        case "issue_areas":
            by_slug = {area.slug: area for area in db.session.scalars(
                sa.select(IssueArea).where(IssueArea.slug.in_(value or [])))}
            return [by_slug[slug] for slug in value or [] if slug in by_slug]
        case "status":
            return OrganisationStatus(value) if value else None
    return value
