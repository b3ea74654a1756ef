"""Outbox ids in commit order are not a given: PostgreSQL hands an id out at insert, so a transaction
can commit after one with a higher id was applied. The index remembers such gaps and applies them
when they commit. SQLite has one writer at a time, so its ids are in commit order and these tests
(which hold two write transactions open at once) need PostgreSQL."""
import time
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from probes import assert_check_is_clean, committed_versions, found_ids, indexed_versions, outbox, pending_entries
from sqlalchemy.orm import Session

from directory.extensions import db
from directory.models import Organisation, SearchOutboxEntry
from directory.services.organisations.records import update_organisation
from directory.services.search import sync as search_sync
from directory.services.search.adapter import search_index
from directory.services.search.sync import reindex

pytestmark = pytest.mark.usefixtures("needs_concurrent_writers")


@pytest.fixture
def needs_concurrent_writers(app):
    if db.engine.dialect.name == "sqlite":
        pytest.skip("SQLite lets one transaction write at a time: its ids are in commit order")


def flush_new_name(session, organisation_id, name_en):
    """Rename in `session` and flush, leaving its transaction open; returns the outbox id it got."""
    update_organisation(session.get(Organisation, organisation_id), {"name_en": name_en})
    session.flush()
    return outbox(session)[-1][0]


def gaps():
    return {int(entry) for entry in search_index().state().get("gaps", {})}


def test_an_entry_committed_after_a_higher_one_was_applied_is_still_applied(make_organisation, runner):
    marigold = make_organisation(name_en="Marigold Fishers Collective")
    indigo = make_organisation(name_en="Indigo Dyers Collective")

    with Session(db.engine) as slow, Session(db.engine) as quick:
        slow_entry = flush_new_name(slow, marigold.id, "Saffron Fishers Collective")
        quick_entry = flush_new_name(quick, indigo.id, "Vermilion Dyers Collective")
        assert slow_entry < quick_entry

        quick.commit()  # applied at once; the lower id is not visible yet
        assert found_ids("vermilion") == {str(indigo.id)}
        assert found_ids("saffron") == set()
        assert search_index().state()["watermark"] == quick_entry
        assert slow_entry in gaps()

        slow.commit()

    assert found_ids("saffron") == {str(marigold.id)}
    assert slow_entry not in gaps()
    assert pending_entries() == []
    assert indexed_versions() == committed_versions()
    assert_check_is_clean(runner)


def test_a_gap_survives_several_syncs_until_its_transaction_commits(make_organisation, runner):
    marigold = make_organisation(name_en="Marigold Fishers Collective")
    indigo = make_organisation(name_en="Indigo Dyers Collective")

    with Session(db.engine) as slow:
        slow_entry = flush_new_name(slow, marigold.id, "Saffron Fishers Collective")
        for name in ("Vermilion Dyers Collective", "Cobalt Dyers Collective", "Umber Dyers Collective"):
            update_organisation(indigo, {"name_en": name})
            db.session.commit()
            assert slow_entry in gaps()
        slow.commit()

    assert found_ids("saffron") == {str(marigold.id)}
    assert found_ids("umber") == {str(indigo.id)}
    assert slow_entry not in gaps()
    assert_check_is_clean(runner)


def test_a_transaction_open_while_reindex_reads_the_position_is_applied_when_it_commits(
        make_organisation, runner):
    marigold = make_organisation(name_en="Marigold Fishers Collective")
    indigo = make_organisation(name_en="Indigo Dyers Collective")

    with Session(db.engine) as slow:
        slow_entry = flush_new_name(slow, marigold.id, "Saffron Fishers Collective")
        update_organisation(indigo, {"name_en": "Vermilion Dyers Collective"})
        db.session.commit()
        reindex()  # a new generation, whose position must remember the open transaction's id
        assert slow_entry in gaps()
        assert found_ids("vermilion") == {str(indigo.id)}
        slow.commit()

    assert found_ids("saffron") == {str(marigold.id)}
    assert_check_is_clean(runner)


def test_the_gap_of_a_rolled_back_transaction_is_forgotten_after_a_while(make_organisation, monkeypatch, runner):
    marigold = make_organisation(name_en="Marigold Fishers Collective")
    indigo = make_organisation(name_en="Indigo Dyers Collective")

    with Session(db.engine) as abandoned:
        lost_entry = flush_new_name(abandoned, marigold.id, "Saffron Fishers Collective")
        abandoned.rollback()
    update_organisation(indigo, {"name_en": "Vermilion Dyers Collective"})
    db.session.commit()
    assert lost_entry in gaps()

    later = time.time() + search_sync.GAP_TTL_S + 1
    monkeypatch.setattr(search_sync, "time", SimpleNamespace(time=lambda: later))
    update_organisation(indigo, {"name_en": "Cobalt Dyers Collective"})
    db.session.commit()

    assert lost_entry not in gaps()
    assert found_ids("marigold") == {str(marigold.id)}
    assert_check_is_clean(runner)


@pytest.fixture
def outbox_ids_given_back(needs_concurrent_writers):
    """Set the outbox's id sequence back afterwards (the app fixture then empties the table), so the
    fresh indexes of later tests do not start with this test's burnt ids as gaps."""
    sequence = sa.text("pg_get_serial_sequence('search_outbox', 'id')")
    before = db.session.scalar(sa.select(sa.func.nextval(sequence)))
    yield
    db.session.rollback()
    db.session.execute(sa.select(sa.func.setval(sequence, before)))
    db.session.commit()


@pytest.mark.usefixtures("outbox_ids_given_back")
def test_more_gaps_than_a_statement_has_parameters_do_not_stop_syncing(make_organisation, client, runner):
    """A dry-run import of many rows flushes an entry per row and rolls back: each id becomes a gap."""
    marigold = make_organisation(name_en="Marigold Fishers Collective")
    many = 70_000  # PostgreSQL allows 65535 parameters in a statement
    db.session.execute(sa.insert(SearchOutboxEntry).from_select(
        ["organisation_id"], sa.select(sa.literal(marigold.id)).select_from(sa.func.generate_series(1, many))))
    db.session.rollback()

    indigo = make_organisation(name_en="Indigo Dyers Collective")  # records the gaps
    assert len(gaps()) >= many
    update_organisation(marigold, {"name_en": "Saffron Fishers Collective"})
    db.session.commit()  # reads past them

    assert found_ids("saffron") == {str(marigold.id)}
    assert found_ids("indigo") == {str(indigo.id)}
    assert client.get("/api/v1/organisations?q=saffron").status_code == 200
    assert_check_is_clean(runner)
