"""Keeping the search index in step with the database, which is the source of truth.

Every flush that creates, changes or deletes an organisation (or renames a place, type or issue area
its document shows) also inserts a row into search_outbox, in the same transaction: the change and
the note that it must be indexed commit or roll back together. After a commit, the committing process
indexes what it changed under the writer lock, reading each organisation's *current* row, so an older
version can never overwrite a newer one. A web request indexes only its own change, and only if the
lock is free at once: a save never waits on the index or on other people's saves. Everything in the
outbox is applied in order by `flask search follow` (one per server, running all the time), by a
command after its commit (`flask orgs import`, `flask seed`), or by `flask search reindex`; a change
a request indexed ahead is applied again in its turn, which changes nothing. If a process dies, the
rows stay for the follower.

Each index records how far it got (`watermark`, the highest entry id applied, and `gaps`, lower ids
that were not yet visible because their transaction had not committed: PostgreSQL hands out ids
before commit). Entries are never consumed, so several servers can each keep their own index.
"""
import time
from datetime import datetime, timedelta, timezone

from flask import current_app, has_app_context, has_request_context
from sqlalchemy import insert
from sqlalchemy.orm import Session

from directory.extensions import db, listen
from directory.models import (
    District,
    IssueArea,
    Organisation,
    OrganisationType,
    Province,
    Region,
    SearchOutboxEntry,
    organisation_issue_areas,
)
from directory.services.search.adapter import district_lookup, organisations_for_index, search_index, to_document

GAP_TTL_S = 600  # an id still missing after this long belonged to a transaction that rolled back
FULL_REBUILD_ABOVE = 2000  # more pending organisations than this: a rebuild is faster than updates
SMALL_BUILD = 1000  # fewer organisations than this are indexed in-process: workers cost more than they save
_PENDING_KEY = "search_outbox_written"
_CHANGED_KEY = "search_outbox_organisations"  # the ids this session's transaction recorded
FOLLOW_INTERVAL_S = 0.5
_SHOWN_IN_DOCUMENTS = (IssueArea, OrganisationType, Province, District, Region)  # their names are indexed


def install_outbox_hooks():
    """Record each change in the outbox as it is flushed, and index it after the commit (create_app)."""
    listen(Session, [("after_flush", _record_changes), ("after_commit", _apply_after_commit),
                     ("after_rollback", _forget_after_rollback)])


def _record_changes(session, _flush_context):
    # session.new/.deleted build a new set on each access: read them once.
    created, deleted, dirty = session.new, session.deleted, session.dirty
    ids = {obj.id for obj in (*created, *deleted) if isinstance(obj, Organisation)}
    ids |= {obj.id for obj in dirty if isinstance(obj, Organisation) and session.is_modified(obj)}
    ids.discard(None)
    if ids:
        session.connection().execute(insert(SearchOutboxEntry), [{"organisation_id": i} for i in sorted(ids)])
        session.info[_PENDING_KEY] = True
        session.info.setdefault(_CHANGED_KEY, set()).update(ids)
    # Documents also carry the names of their places, type and issue areas (`flask seed` updates them).
    for reference in dirty:
        if isinstance(reference, _SHOWN_IN_DOCUMENTS) and session.is_modified(reference):
            session.connection().execute(insert(SearchOutboxEntry).from_select(
                ["organisation_id"], _organisations_showing(reference)))
            session.info[_PENDING_KEY] = True


def _organisations_showing(reference):
    """A select of the ids of the organisations whose documents carry `reference`'s names."""
    if isinstance(reference, IssueArea):
        links = organisation_issue_areas.c
        return db.select(links.organisation_id).where(links.issue_area_id == reference.id)
    if isinstance(reference, OrganisationType):
        shows = Organisation.type_id == reference.id
    elif isinstance(reference, Province):
        shows = Organisation.province_code == reference.code
    elif isinstance(reference, District):
        shows = Organisation.district_code == reference.code
    else:
        shows = Organisation.province_code.in_(db.select(Province.code).where(Province.region_id == reference.id))
    return db.select(Organisation.id).where(shows)


def _apply_after_commit(session):
    changed = session.info.pop(_CHANGED_KEY, set())
    if not session.info.pop(_PENDING_KEY, False) or not has_app_context():
        return
    try:
        if has_request_context():
            index_own_changes(changed)  # a web request: its own organisations, never waiting
        else:
            sync_search_index()  # a command or a background job: everything pending, in order
    except Exception:
        current_app.logger.exception("could not bring the search index up to date; the outbox keeps the changes")


def _forget_after_rollback(session):
    session.info.pop(_PENDING_KEY, None)
    session.info.pop(_CHANGED_KEY, None)


def index_own_changes(organisation_ids):
    """Index these organisations as they are now, if the writer lock is free at once; True if done.

    The index's position is left alone: the follower applies the same outbox entries in their turn.
    """
    index = search_index()
    if not organisation_ids or not index.store.exists():
        return False
    with index.writer_lock(blocking=False) as acquired:
        if not acquired:
            return False
        with Session(db.engine) as session:
            upserts, deletions = _documents(session, organisation_ids)
        index.apply(upserts=upserts, deletions=deletions, merge=False)  # the follower merges segments
    return True


def follow(stop=lambda: False, interval=FOLLOW_INTERVAL_S, on_batch=None, on_idle=None):
    """Apply the outbox as it grows, until `stop()` is true: `flask search follow`. `on_idle()` runs
    whenever nothing is pending (the command refreshes the open-data files there).

    The lock is taken per batch, so requests indexing their own change get their turn in between.
    """
    while not stop():
        applied = sync_search_index(blocking=True, once=True)
        if on_batch and applied:
            on_batch(applied)
        if not applied:
            if on_idle:
                on_idle()
            time.sleep(interval)


def sync_lag():
    """{"pending": entries not yet applied, "oldest_s": age in seconds of the oldest, or 0}."""
    index = search_index()
    if not index.store.exists():
        return {"pending": None, "oldest_s": None}
    with Session(db.engine) as session:
        pending = _pending_entries(session, index.state())
        oldest = session.scalar(db.select(db.func.min(SearchOutboxEntry.created_at)).where(
            SearchOutboxEntry.id.in_([entry.id for entry in pending[:1]]))) if pending else None
    age = (datetime.now(timezone.utc) - _aware(oldest)).total_seconds() if oldest else 0
    return {"pending": len(pending), "oldest_s": round(max(age, 0), 1)}


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)  # SQLite gives naive UTC


def sync_search_index(blocking=False, once=False):
    """Apply every pending outbox entry to this process's index (with `once`, one batch); returns how
    many were applied.

    Never raises for a busy index: then another writer holds the lock and will apply our entries.
    """
    index = search_index()
    applied = 0
    for _attempt in range(3):
        with index.writer_lock(blocking=blocking) as acquired:
            if not acquired:
                return applied
            while True:
                batch = _apply_pending_batch(index)
                applied += batch
                if not batch or once:
                    break
        # Someone who committed while we held the lock found it busy and left: look once more.
        if once or not _has_pending(index.state()):
            break
    return applied


def _pending_entries(session, state):
    watermark = state.get("watermark", 0)
    gaps = {int(g) for g in state.get("gaps", {})}
    # The gaps are picked out here, not listed in the query: a large rolled-back transaction (a dry-run
    # import) leaves more of them than a statement may have parameters (65535 on PostgreSQL).
    query = db.select(SearchOutboxEntry.id, SearchOutboxEntry.organisation_id).where(
        SearchOutboxEntry.id >= min(gaps, default=watermark + 1)
    ).order_by(SearchOutboxEntry.id)
    return [entry for entry in session.execute(query) if entry.id > watermark or entry.id in gaps]


def _has_pending(state):
    with Session(db.engine) as session:
        return bool(_pending_entries(session, state)[:1])


def _apply_pending_batch(index):
    state = index.state()
    with Session(db.engine) as session:
        if not state:
            # A new index starts as a full build: the outbox may have been pruned, so replaying it
            # from the beginning could miss organisations. Entries after the position follow.
            _rebuild(index, session, _current_position(session))
            return 1
        entries = _pending_entries(session, state)
        if not entries:
            return 0
        organisation_ids = {entry.organisation_id for entry in entries}
        new_state = _advance(state, [entry.id for entry in entries])
        if len(organisation_ids) > FULL_REBUILD_ABOVE:
            _rebuild(index, session, new_state)
            return len(entries)
        upserts, deletions = _documents(session, organisation_ids)
    index.apply(upserts=upserts, deletions=deletions, state=new_state)
    return len(entries)


def _documents(session, organisation_ids):
    """(documents of those published now, ids of the others): what the index must hold of them."""
    districts = district_lookup(session)
    published = list(organisations_for_index(session, organisation_ids))
    deletions = sorted(str(i) for i in set(organisation_ids) - {o.id for o in published})
    return [to_document(o, districts) for o in published], deletions


def _advance(state, seen_ids):
    """The new position after applying `seen_ids`: the highest id, and the ids below it not seen."""
    now = time.time()
    watermark = state.get("watermark", 0)
    seen = set(seen_ids)
    gaps = {int(g): t for g, t in state.get("gaps", {}).items() if int(g) not in seen and now - t < GAP_TTL_S}
    top = max(seen | {watermark})
    for missing in range(watermark + 1, top):
        if missing not in seen:
            gaps.setdefault(missing, now)
    return {"watermark": top, "gaps": {str(g): t for g, t in gaps.items()}}


def _current_position(session, recent=100):
    """The highest entry id now, with the recent ids below it not visible yet (still-open
    transactions) recorded as gaps, so they are applied when they commit."""
    top = session.scalar(db.select(db.func.max(SearchOutboxEntry.id))) or 0
    visible = set(session.scalars(db.select(SearchOutboxEntry.id).where(SearchOutboxEntry.id > top - recent)))
    now = time.time()
    return {"watermark": top,
            "gaps": {str(i): now for i in range(max(1, top - recent + 1), top) if i not in visible}}


def _rebuild(index, session, state, progress=None):
    districts = district_lookup(session)
    documents = (to_document(o, districts) for o in organisations_for_index(session))
    many = session.scalar(db.select(db.func.count()).select_from(Organisation)) > SMALL_BUILD
    path = index.build_generation(documents, state, progress=progress,
                                  processes=current_app.config.get("SEARCH_REINDEX_PROCESSES", 2) if many else 1)
    index.swap_to(path)


def reindex(progress=None):
    """Build a fresh index from the database in a new folder and swap it in; searches go on."""
    index = search_index()
    with index.writer_lock(blocking=True):
        with Session(db.engine) as session:
            # The position is read before the rows: whatever commits later is applied on top.
            state = _current_position(session)
            _rebuild(index, session, state, progress)
        while _apply_pending_batch(index):
            pass
    sync_search_index()


def prune_outbox(older_than_days):
    """Delete outbox entries older than the given age that this index has applied; returns how many.

    Every server's index must have caught up with them by then: one that has been away longer
    rebuilds with `flask search reindex`, which needs no outbox history. Gaps need no care: an id
    still missing is at most minutes old (GAP_TTL_S), far younger than the cutoff of a day or more.
    """
    sync_search_index()
    query = db.delete(SearchOutboxEntry).where(
        SearchOutboxEntry.id <= search_index().state().get("watermark", 0),
        SearchOutboxEntry.created_at < _days_ago(older_than_days))
    return db.session.execute(query).rowcount


def _days_ago(days):
    return datetime.now(timezone.utc) - timedelta(days=days)


def check_index():
    """{missing: [...], stale: [...], extra: [...]} ids comparing the index with the database, or
    None when there is no index at all (it is reported, never quietly rebuilt here)."""
    if not search_index().store.exists():
        return None
    sync_search_index()
    with Session(db.engine) as session:
        expected = {str(o.id): o.version for o in organisations_for_index(session)}
    indexed = search_index().document_versions()
    return {
        "missing": sorted(set(expected) - set(indexed), key=int),
        "stale": sorted((i for i in set(expected) & set(indexed) if expected[i] != indexed[i]), key=int),
        "extra": sorted(set(indexed) - set(expected), key=lambda i: (len(i), i)),
    }
