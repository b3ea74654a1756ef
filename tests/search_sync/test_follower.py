"""A save never waits on the index or on other people's saves: a request indexes its own change when the
lock is free at once, and `flask search follow` applies the whole outbox in order, all the time."""
import threading
import time

import pytest
from probes import assert_check_is_clean, committed_versions, found_ids, indexed_versions, pending_entries

from directory.extensions import db
from directory.services.organisations.records import update_organisation
from directory.services.search import sync as search_sync
from tests.api.test_api_edit_organisation import token_for

PROMPT_S = 1.0


@pytest.fixture
def editor_of(make_user):
    return lambda organisation: token_for(make_user(editor_of=[organisation]))


def patch(client, organisation, headers, **values):
    db.session.refresh(organisation)
    return client.patch(f"/api/v1/organisations/{organisation.public_id}", headers=headers,
                        json={"version": organisation.version, **values})


def leave_pending(organisation, monkeypatch, **values):
    """Commit a change outside a request with nobody applying it: as another worker's that found the lock busy."""
    monkeypatch.setattr(search_sync, "sync_search_index", lambda **_: 0)
    update_organisation(organisation, values)
    db.session.commit()
    monkeypatch.undo()


def test_a_save_indexes_its_own_change_at_once(client, make_organisation, editor_of):
    organisation = make_organisation(name_en="Marigold Weavers")
    assert patch(client, organisation, editor_of(organisation), name_en="Saffron Weavers").status_code == 200
    assert found_ids("saffron") == {str(organisation.id)}


def test_a_save_applies_only_its_own_change_never_the_others(client, make_organisation, editor_of, monkeypatch):
    mine, theirs = make_organisation(name_en="Marigold Weavers"), make_organisation(name_en="Indigo Dyers")
    leave_pending(theirs, monkeypatch, name_en="Cobalt Dyers")
    assert [organisation_id for _entry, organisation_id in pending_entries()] == [theirs.id]

    assert patch(client, mine, editor_of(mine), name_en="Saffron Weavers").status_code == 200

    assert found_ids("saffron") == {str(mine.id)}
    assert found_ids("cobalt") == set()  # not this request's to apply
    assert {organisation_id for _entry, organisation_id in pending_entries()} == {theirs.id, mine.id}
    search_sync.sync_search_index(blocking=True)  # the follower's round: both, in order
    assert pending_entries() == [] and found_ids("cobalt") == {str(theirs.id)}
    assert indexed_versions() == committed_versions()


def test_a_save_returns_at_once_while_another_process_holds_the_lock(client, make_organisation, editor_of,
                                                                      lock_holder, runner):
    organisation = make_organisation(name_en="Marigold Weavers")
    headers = editor_of(organisation)
    holder = lock_holder()
    began = time.perf_counter()
    assert patch(client, organisation, headers, name_en="Saffron Weavers").status_code == 200
    assert time.perf_counter() - began < PROMPT_S
    assert found_ids("saffron") == set()
    holder.release()
    search_sync.sync_search_index(blocking=True, once=True)
    assert found_ids("saffron") == {str(organisation.id)}
    assert_check_is_clean(runner)


def test_a_search_never_writes(client, make_organisation, monkeypatch):
    organisation = make_organisation(name_en="Marigold Weavers")
    leave_pending(organisation, monkeypatch, name_en="Saffron Weavers")
    assert client.get("/api/v1/organisations?q=saffron").get_json()["total"] == 0
    assert len(pending_entries()) == 1


def test_the_follower_applies_the_outbox_as_it_grows_and_reports_its_lag(app, make_organisation, monkeypatch):
    organisations = [make_organisation(name_en=f"Weavers {n}") for n in range(3)]
    for organisation in organisations:
        leave_pending(organisation, monkeypatch, name_en=f"Saffron {organisation.id}")
    lag = search_sync.sync_lag()
    assert lag["pending"] == 3 and lag["oldest_s"] >= 0

    stop, rounds = threading.Event(), []

    def run():
        with app.app_context():
            search_sync.follow(stop=stop.is_set, interval=0.05, on_batch=rounds.append)

    follower = threading.Thread(target=run)
    follower.start()
    deadline = time.monotonic() + 30
    while search_sync.sync_lag()["pending"] and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    follower.join(10)
    assert search_sync.sync_lag() == {"pending": 0, "oldest_s": 0}
    assert found_ids("saffron") == {str(o.id) for o in organisations}
    assert sum(rounds) == 3


def test_the_follow_command_stops_on_sigterm(app, runner, monkeypatch):
    calls = []

    def follow(stop, interval, on_batch, on_idle):
        calls.append(interval)

    monkeypatch.setattr(search_sync, "follow", follow)
    result = runner.invoke(args=["search", "follow", "--interval", "0.2"])
    assert result.exit_code == 0 and calls == [0.2]


def test_status_shows_the_lag(runner, make_organisation, monkeypatch):
    leave_pending(make_organisation(), monkeypatch, name_en="Renamed")
    assert "pending: 1 outbox entries" in runner.invoke(args=["search", "status"]).output
