"""A busy or abandoned index never fails a commit or a request, and never loses a change: whatever a
commit could not apply waits in the outbox for the next writer."""
import threading
import time

import pytest
from probes import assert_check_is_clean, found_ids, indexed_versions, pending_entries
from sync_processes import SPAWN, START_TIMEOUT_S, commit_then_die

from directory import create_app
from directory.extensions import db
from directory.models import Organisation
from directory.services.organisations.records import update_organisation
from directory.services.search import sync as search_sync
from directory.services.search.sync import sync_search_index

PROMPT_S = 1.0  # a commit that waited for the lock would take the holder's whole hold (minutes here)


def apply_by_syncing(**_):
    return sync_search_index()


def apply_by_a_later_commit(make_organisation, **_):
    make_organisation(name_en="Indigo Dyers Collective")


def apply_by_following(**_):
    """The follower's next round (`flask search follow`); a search never writes."""
    return sync_search_index(blocking=True, once=True)


def apply_at_start_up(process_settings, **_):
    """A new app, with its own SearchIndex and lock handle, as a restarted server."""
    with create_app(process_settings).app_context():
        sync_search_index()
        db.engine.dispose()


@pytest.mark.parametrize("apply_pending", [apply_by_syncing, apply_by_a_later_commit, apply_by_following,
                                           apply_at_start_up])
def test_a_commit_while_another_process_holds_the_lock_returns_at_once_and_is_applied_later(
        make_organisation, lock_holder, client, process_settings, runner, apply_pending):
    marigold = make_organisation(name_en="Marigold Fishers Collective")
    holder = lock_holder()

    began = time.perf_counter()
    saffron = make_organisation(name_en="Saffron Fishers Collective")
    took = time.perf_counter() - began

    assert took < PROMPT_S
    assert [organisation_id for _entry, organisation_id in pending_entries()] == [saffron.id]
    assert found_ids("saffron") == set()
    response = client.get("/api/v1/organisations?q=marigold")  # searching goes on meanwhile
    assert response.status_code == 200
    assert [item["name_en"] for item in response.get_json()["items"]] == ["Marigold Fishers Collective"]

    holder.release()
    apply_pending(make_organisation=make_organisation, client=client, process_settings=process_settings)

    assert pending_entries() == []
    assert found_ids("saffron") == {str(saffron.id)}
    assert found_ids("marigold") == {str(marigold.id)}
    assert_check_is_clean(runner)


@pytest.mark.parametrize("mid_write", [False, True], ids=["holding the lock", "in the middle of a write"])
def test_entries_left_by_a_writer_killed_holding_the_lock_are_applied_by_the_next(
        make_organisation, lock_holder, runner, mid_write):
    make_organisation(name_en="Marigold Fishers Collective")
    holder = lock_holder(mid_write=mid_write)
    saffron = make_organisation(name_en="Saffron Fishers Collective")
    assert pending_entries()

    holder.kill()

    assert sync_search_index() == 1
    assert found_ids("saffron") == {str(saffron.id)}
    assert "half-written" not in indexed_versions()
    assert_check_is_clean(runner)


def test_a_change_committed_by_a_process_that_died_before_applying_it_is_applied_by_the_next_writer(
        make_organisation, process_settings, runner):
    organisation = make_organisation(name_en="Marigold Fishers Collective")

    process = SPAWN.Process(target=commit_then_die,
                            args=(process_settings, organisation.id, "Saffron Fishers Collective"))
    process.start()
    process.join(START_TIMEOUT_S)

    assert process.exitcode == 0  # it died in the after-commit hook, as planned
    assert [organisation_id for _entry, organisation_id in pending_entries()] == [organisation.id]
    assert found_ids("saffron") == set()

    assert sync_search_index() == 1
    assert found_ids("saffron") == {str(organisation.id)}
    assert_check_is_clean(runner)


def test_commits_that_find_the_lock_busy_are_applied_by_the_holder_before_it_stops(
        app, make_organisation, monkeypatch, runner):
    """The holder has applied everything and is about to release the lock when another writer commits
    and, finding the lock busy, leaves: the holder must look again after releasing it."""
    organisation = make_organisation(name_en="Marigold Fishers Collective")
    late_names = iter(["Saffron Fishers Collective", "Indigo Fishers Collective"])
    apply_batch = search_sync._apply_pending_batch

    def apply_batch_then_another_writer_commits(index):
        applied = apply_batch(index)
        name = None if applied else next(late_names, None)
        if name:
            writer = threading.Thread(target=commit_name, args=(app, organisation.id, name))
            writer.start()
            writer.join()
        return applied

    monkeypatch.setattr(search_sync, "_apply_pending_batch", apply_batch_then_another_writer_commits)
    assert sync_search_index() == 2

    assert pending_entries() == []
    assert found_ids("indigo") == {str(organisation.id)}
    assert indexed_versions() == {str(organisation.id): 3}
    assert_check_is_clean(runner)


def commit_name(app, organisation_id, name_en):
    """Commit a new English name in this thread: its after-commit sync finds the lock held."""
    with app.app_context():
        update_organisation(db.session.get(Organisation, organisation_id), {"name_en": name_en})
        db.session.commit()
