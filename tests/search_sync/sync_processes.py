"""What the other processes in the sync tests run. Top-level functions, so `spawn` can import them:
each process builds its own app (own connections, own SearchIndex and lock file handle) on the
same database and index folder as the test."""
import multiprocessing
import os
import traceback
from collections import Counter

import sqlalchemy as sa
from sqlalchemy.orm.exc import StaleDataError

from search_index import SearchIndex

SPAWN = multiprocessing.get_context("spawn")  # a fresh interpreter: no connections or locks inherited
START_TIMEOUT_S = 60
RELEASE_TIMEOUT_S = 120
STALE_RETRIES = 50


class LockHolder:
    """The test's handle on a process running hold_writer_lock; returns once the lock is held."""

    def __init__(self, index_dir, mid_write=False):
        self._held, self._release = SPAWN.Event(), SPAWN.Event()
        self.process = SPAWN.Process(target=hold_writer_lock, daemon=True,
                                     args=(index_dir, self._held, self._release, mid_write))
        self.process.start()
        assert self._held.wait(START_TIMEOUT_S), "the other process never got the writer lock"

    def release(self):
        self._release.set()
        self.process.join(START_TIMEOUT_S)
        assert self.process.exitcode == 0

    def kill(self):
        """SIGKILL while holding the lock: the kernel frees the flock, as when a server dies."""
        self.process.kill()
        self.process.join(START_TIMEOUT_S)


def hold_writer_lock(index_dir, held, release, mid_write=False):
    """Take the writer lock as another server would, and keep it until `release` is set (or death).

    With `mid_write`, also open a Whoosh writer and add a document without committing, as a writer
    killed in the middle of applying would leave things.
    """
    index = SearchIndex(index_dir)
    with index.writer_lock(blocking=True):
        if mid_write:
            writer = index.store.open().writer()
            writer.add_document(id="half-written", version=1, name_th="ครึ่งทาง", kind="organisation")
        held.set()
        release.wait(RELEASE_TIMEOUT_S)


def commit_then_die(settings, organisation_id, name_en):
    """Commit an edit, then die before the after-commit hook applies it (as a killed server would)."""
    from directory import create_app
    from directory.extensions import db
    from directory.models import Organisation
    from directory.services.organisations.records import update_organisation
    from directory.services.search import sync as search_sync

    search_sync.sync_search_index = lambda: os._exit(0)  # the hook looks the name up when it runs
    app = create_app(settings)
    with app.app_context():
        update_organisation(db.session.get(Organisation, organisation_id), {"name_en": name_en})
        db.session.commit()
    os._exit(1)  # not reached: the hook ended the process


def edit_organisations(settings, worker, shared_ids, own_ids, edits, start, results):
    """Commit `edits` edits, one transaction each, alternating between organisations every worker
    edits (`shared_ids`) and this worker's own (`own_ids`); every few edits also changes issue areas,
    archives or republishes, or creates an organisation. Puts ("ok", worker, {id: updates committed},
    [created ids], retries after a conflict) or ("error", worker, traceback, None, None) on `results`."""
    try:
        from directory import create_app
        from directory.extensions import db
        from directory.models import IssueArea, Organisation, OrganisationStatus
        from directory.services.organisations.records import create_organisation, update_organisation

        app = create_app(settings)
        with app.app_context():
            areas = list(db.session.scalars(sa.select(IssueArea).order_by(IssueArea.slug)))
            updates, created, retries = Counter(), [], 0
            start.wait(RELEASE_TIMEOUT_S)
            for n in range(edits):
                if n % 10 == 9:
                    organisation = create_organisation({
                        "name_th": f"องค์กรใหม่ของผู้ทำงาน {worker} ลำดับ {n}", "name_en": f"New w{worker} n{n}",
                        "province_code": "91", "status": OrganisationStatus.PUBLISHED})
                    db.session.commit()
                    created.append(organisation.id)
                    continue
                target = shared_ids[n % len(shared_ids)] if n % 2 else own_ids[n % len(own_ids)]
                values = {"description_th": f"แก้ไขโดยผู้ทำงาน {worker} ครั้งที่ {n}"}
                if n % 3 == 0:
                    values["issue_areas"] = [areas[(worker + n) % len(areas)]]
                if n % 4 == 0 and target in own_ids:
                    values["status"] = (OrganisationStatus.ARCHIVED if n % 8 == 0
                                        else OrganisationStatus.PUBLISHED)
                for _attempt in range(STALE_RETRIES):
                    try:
                        update_organisation(db.session.get(Organisation, target), values)
                        db.session.commit()
                        break
                    except StaleDataError:  # another worker committed this organisation first
                        db.session.rollback()
                        retries += 1
                else:
                    raise AssertionError(f"worker {worker} never got an edit of {target} in")
                updates[target] += 1
            db.engine.dispose()
        results.put(("ok", worker, dict(updates), created, retries))
    except BaseException:
        results.put(("error", worker, traceback.format_exc(), None, None))


def search_until_stopped(settings, stop, results):
    """Search the shared index over and over while others write to it; puts ("ok", searches, errors)
    or ("error", traceback, None) on `results`."""
    try:
        from directory import create_app
        from directory.services.search.adapter import search_index
        from search_index import SearchRequest

        searches, errors = 0, []
        with create_app(settings).app_context():
            while not stop.wait(0.05):
                try:
                    search_index().search(SearchRequest(q="แก้ไข", limit=5))
                    searches += 1
                except Exception:  # any error is the finding: count it and go on
                    errors.append(traceback.format_exc())
        results.put(("ok", searches, errors))
    except BaseException:
        results.put(("error", traceback.format_exc(), None))
