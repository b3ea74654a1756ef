"""The acceptance test: several processes, each with its own app and SearchIndex on the same index
folder, edit the same and different organisations at once, committing each edit, while another
searches; afterwards the index holds exactly the database's last committed version of every
published organisation."""
import time
from collections import Counter

import sqlalchemy as sa
from probes import assert_check_is_clean, committed_versions, indexed_versions, pending_entries
from sqlalchemy.orm import Session
from sync_processes import SPAWN, edit_organisations, search_until_stopped

from directory.extensions import db
from directory.models import Organisation
from directory.services.search.sync import check_index

WORKERS = 4
EDITS_EACH = 25
SHARED = 3
OWN_EACH = 3
RESULT_TIMEOUT_S = 120


def test_processes_editing_at_once_leave_the_index_equal_to_the_database(make_organisation, process_settings, runner):
    shared = [make_organisation(name_en=f"Shared {n}").id for n in range(SHARED)]
    own = [[make_organisation(name_en=f"Worker {w} own {n}").id for n in range(OWN_EACH)] for w in range(WORKERS)]
    start, results = SPAWN.Barrier(WORKERS), SPAWN.Queue()
    workers = [SPAWN.Process(target=edit_organisations,
                             args=(process_settings, w, shared, own[w], EDITS_EACH, start, results))
               for w in range(WORKERS)]

    stop_searching, searched = SPAWN.Event(), SPAWN.Queue()
    searcher = SPAWN.Process(target=search_until_stopped, args=(process_settings, stop_searching, searched))

    began = time.perf_counter()
    for process in (searcher, *workers):
        process.start()
    outcomes = [results.get(timeout=RESULT_TIMEOUT_S) for _ in workers]
    stop_searching.set()
    search_outcome = searched.get(timeout=RESULT_TIMEOUT_S)
    for process in (searcher, *workers):
        process.join(RESULT_TIMEOUT_S)
    took = time.perf_counter() - began

    assert [outcome for outcome in outcomes if outcome[0] != "ok"] == []
    assert search_outcome[0] == "ok" and search_outcome[2] == [], search_outcome  # searching never failed
    assert [worker.exitcode for worker in workers] == [0] * WORKERS
    updates = sum((Counter(counts) for _ok, _worker, counts, _created, _retries in outcomes), Counter())
    retries = sum(outcome[-1] for outcome in outcomes)
    created = [i for *_rest, created_ids, _retries in outcomes for i in created_ids]
    assert sum(updates.values()) + len(created) == WORKERS * EDITS_EACH
    with Session(db.engine) as session:  # each committed update bumped the version (an autoflush may add one)
        versions = dict(session.execute(sa.select(Organisation.id, Organisation.version)).all())
    assert sorted(versions) == sorted([*shared, *sum(own, []), *created])
    assert all(versions[i] >= 1 + updates[i] for i in versions)

    # What the workers' after-commit hooks left, before anything here syncs:
    assert pending_entries() == []
    assert indexed_versions() == committed_versions()
    # And as the check command sees it:
    assert check_index() == {"missing": [], "stale": [], "extra": []}
    assert_check_is_clean(runner)
    print(f"\n{WORKERS} processes x {EDITS_EACH} commits in {took:.1f} s, {retries} retried after a conflict, "
          f"{search_outcome[1]} searches meanwhile")
