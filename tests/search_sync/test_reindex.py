"""`flask search reindex` builds a new generation beside the current one and swaps it in: searches go
on throughout, and edits committed while it builds are in the index afterwards."""
import threading
import time

import pytest
from probes import assert_check_is_clean, committed_versions, found_ids, indexed_versions, pending_entries

from directory.extensions import db
from directory.models import Organisation
from directory.services.organisations.records import update_organisation
from directory.services.search.adapter import search_index
from directory.workflows.demo_data import seed_demo_organisations
from search_index import SearchIndex, SearchRequest

PAUSE_AFTER_DOCUMENTS = 200
WAIT_S = 60
ELDERLY = SearchRequest(q="ผู้สูงอายุ", limit=5)


@pytest.fixture
def demo_directory(app):
    """The 408 demo organisations, indexed by the after-commit hook."""
    seed_demo_organisations()
    db.session.commit()
    assert len(indexed_versions()) > PAUSE_AFTER_DOCUMENTS * 2


def test_reindex_swaps_generations_while_searches_and_edits_go_on(
        app, demo_directory, make_organisation, monkeypatch, runner):
    marigold = make_organisation(name_en="Marigold Fishers Collective")
    doomed = db.session.scalars(db.select(Organisation).order_by(Organisation.id)).first()
    doomed_id = doomed.id
    old_generation = search_index().store.current_generation()
    published_before = len(committed_versions())
    assert search_index().search(ELDERLY).total > 0  # before

    building, searched_while_building, edited, done = (threading.Event() for _ in range(4))
    build_generation = SearchIndex.build_generation

    def build_generation_pausing_halfway(self, documents, state, progress=None, processes=2):
        def documents_with_a_pause():
            for count, document in enumerate(documents):
                if count == PAUSE_AFTER_DOCUMENTS:
                    building.set()
                    assert edited.wait(WAIT_S), "the edits were never committed"
                yield document

        return build_generation(self, documents_with_a_pause(), state, progress, processes)

    monkeypatch.setattr(SearchIndex, "build_generation", build_generation_pausing_halfway)
    searches, failures = [], []

    def search_until_done():
        with app.app_context():
            while not done.is_set():
                generation = search_index().store.current_generation()
                try:
                    searches.append(search_index().search(ELDERLY).total)
                except Exception as error:  # any error is the finding: keep it and go on
                    failures.append(error)
                if building.is_set() and generation == old_generation:
                    searched_while_building.set()
                time.sleep(0.005)  # let the reindex have the index's reader lock now and then

    def edit_while_building():
        try:
            with app.app_context():
                assert building.wait(WAIT_S) and searched_while_building.wait(WAIT_S)
                update_organisation(db.session.get(Organisation, marigold.id),
                                    {"name_en": "Saffron Fishers Collective"})
                make_organisation(name_en="Indigo Dyers Collective")  # commits
                db.session.delete(db.session.get(Organisation, doomed_id))
                db.session.commit()
                assert search_index().store.current_generation() == old_generation  # still building
        except Exception as error:  # reported by the assertions below
            failures.append(error)
        finally:
            edited.set()

    threads = [threading.Thread(target=search_until_done), threading.Thread(target=edit_while_building)]
    for thread in threads:
        thread.start()
    try:
        result = runner.invoke(args=["search", "reindex"])
    finally:
        edited.set()
        done.set()
        for thread in threads:
            thread.join(WAIT_S)

    assert result.exit_code == 0, result.output
    assert f"indexed {published_before} organisations" in result.output  # the rows as the build read them
    assert search_index().store.current_generation() != old_generation
    assert failures == []
    assert searched_while_building.is_set()
    assert searches and all(total > 0 for total in searches)
    assert search_index().search(ELDERLY).total > 0  # after
    assert found_ids("saffron") == {str(marigold.id)}
    assert found_ids("marigold") == set()
    assert found_ids("indigo")
    assert str(doomed_id) not in indexed_versions()
    assert pending_entries() == []
    assert_check_is_clean(runner)
