"""An organisation's history: its revisions newest first, shown as readable diffs, and reverted.

A revert puts back the values of an earlier revision through update_organisation, so it is itself a
revision (services/organisations/revisions.py stores them).
"""
import difflib
import re
from dataclasses import dataclass

import sqlalchemy as sa
from pythainlp.tokenize import word_tokenize
from sqlalchemy.orm import selectinload

from directory.extensions import db
from directory.models import (
    District,
    IssueArea,
    Organisation,
    OrganisationRevision,
    OrganisationStatus,
    OrganisationType,
    Province,
    RevisionSource,
)
from directory.organisation_fields import LONG_TEXT_FIELDS, kind_of
from directory.services.organisations.records import EDITABLE_FIELDS, update_organisation
from directory.services.organisations.revisions import from_json_value

# Setting any of these lets update_organisation work the position out again (see its _position).
POSITION_FIELDS = ("latitude", "longitude", "province_code", "district_code")
# Thai runs are segmented into words; whitespace and everything else split on their own.
_TEXT_PIECES = re.compile(r"\s+|[\u0E01-\u0E4E]+|[^\s\u0E01-\u0E4E]+")


def revisions_of(organisation):
    """Newest first, with their authors loaded."""
    return db.session.scalars(
        sa.select(OrganisationRevision).where(OrganisationRevision.organisation_id == organisation.id)
        .options(selectinload(OrganisationRevision.author))
        .order_by(OrganisationRevision.id.desc())).all()


def revision_numbers(revisions):
    """{revision id: its number in its organisation's own history, from 1}: ids count across every organisation."""
    return {revision.id: number for number, revision in enumerate(sorted(revisions, key=lambda r: r.id), start=1)}


def revision_number(revision):
    """The number revision_numbers gives this one revision."""
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(OrganisationRevision)
        .where(OrganisationRevision.organisation_id == revision.organisation_id,
               OrganisationRevision.id <= revision.id))


def state_at(revision):
    """{field: value} as the organisation stood just after `revision`, for every field changed since.

    A field changed at or before the revision takes its last 'after' up to it; a field first changed
    later takes that later change's 'before' (so history recorded from any point is enough).
    """
    history = db.session.scalars(
        sa.select(OrganisationRevision)
        .where(OrganisationRevision.organisation_id == revision.organisation_id)
        .order_by(OrganisationRevision.id)).all()
    earlier = [older for older in history if older.id <= revision.id]
    changed_since = {}
    for newer in history:
        if newer.id > revision.id:
            for field, (before, _after) in newer.changes.items():
                changed_since.setdefault(field, before)
    state = {}
    for field, first_before in changed_since.items():
        state[field] = next((older.changes[field][1] for older in reversed(earlier) if field in older.changes),
                            first_before)
    return state


def revert_to(revision, *, author):
    """Put the organisation back as it was just after `revision`; the revert is itself a revision.

    Returns {field: (before, after)}, empty (and no revision recorded) when nothing differs.
    """
    organisation = revision.organisation
    values = {field: from_json_value(field, value) for field, value in state_at(revision).items()}
    if any(field in values for field in POSITION_FIELDS):
        # Without it update_organisation would recompute the flag: a restored district centroid would
        # become "exact", an exact point given back with its district "approximate". It did not change
        # since the revision (or it is in `values`), so its current value is the one to keep.
        values.setdefault("is_position_approximate", organisation.is_position_approximate)
    return update_organisation(organisation, values, source=RevisionSource.REVERT, author=author,
                               reverted_revision=revision)


@dataclass(frozen=True)
class FieldChange:
    """One changed field of a revision, ready to show.

    before/after are plain values, or what the codes name: an OrganisationType, a list of IssueArea,
    an OrganisationStatus, a Province, a District, an Organisation (merged_into_id). A slug or code
    that no longer exists stays as the string. `segments` is set for long texts only: a tuple of
    (kind, text) with kind "equal", "removed" or "added", in reading order.
    """

    field: str
    before: object
    after: object
    segments: tuple | None = None


def describe_revisions(revisions):
    """[(revision, its FieldChanges)]; the type and issue-area tables are read once for them all."""
    names = _Names()
    return [(revision, describe_revision(revision, names)) for revision in revisions]


def describe_revision(revision, names=None):
    """The revision's changes as FieldChanges, in the order organisation_fields declares them; long texts
    (LONG_TEXT_FIELDS), where "before → after" would hide what changed, as a word diff."""
    order = {field: position for position, field in enumerate(EDITABLE_FIELDS)}
    names = names or _Names()
    rows = []
    for field in sorted(revision.changes, key=lambda f: (order.get(f, len(order)), f)):
        before, after = revision.changes[field]
        segments = diff_words(before or "", after or "") if field in LONG_TEXT_FIELDS else None
        rows.append(FieldChange(field, names.shown(field, before), names.shown(field, after), segments))
    return rows


def diff_words(before, after):
    """((kind, text), ...) turning `before` into `after` word by word; kind is equal, removed or added."""
    old, new = _words(before), _words(after)
    segments = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(("equal", "".join(old[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("removed", "".join(old[i1:i2])))
        if j2 > j1:
            segments.append(("added", "".join(new[j1:j2])))
    return tuple(segments)


def _words(text):
    pieces = []
    for match in _TEXT_PIECES.finditer(text):
        piece = match.group()
        if "\u0E01" <= piece[0] <= "\u0E4E":
            pieces.extend(word_tokenize(piece, engine="nlpo3", keep_whitespace=True))
        else:
            pieces.append(piece)
    return pieces


class _Names:
    """Resolves the codes of one revision to rows, loading each kind of reference at most once."""

    def __init__(self):
        self._tables = {}

    def _table(self, model, key):
        if model not in self._tables:
            self._tables[model] = {getattr(row, key): row for row in db.session.scalars(sa.select(model))}
        return self._tables[model]

    def shown(self, field, value):
        if value is None:
            return None
        match kind_of(field):
            case "type":
                return self._table(OrganisationType, "slug").get(value, value)
            case "issue_areas":
                areas = self._table(IssueArea, "slug")
                return [areas.get(slug, slug) for slug in value]
            case "status":
                return OrganisationStatus(value) if value in {s.value for s in OrganisationStatus} else value
            case "province":
                return db.session.get(Province, value) or value
            case "district":
                return db.session.get(District, value) or value
            case "organisation":
                return db.session.get(Organisation, value) or value
        return value
