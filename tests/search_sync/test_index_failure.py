"""The index failing after a commit (a full disk, a broken segment) loses no change: the saved row stays
saved, the failure is logged, the outbox keeps the entry, and the next sync or `flask search reindex` brings
the index up to date."""
import logging

import pytest
from probes import assert_check_is_clean, found_ids, pending_entries

from directory.extensions import db
from directory.models import Organisation
from directory.services.organisations.records import update_organisation
from search_index import SearchIndex


def no_space_left(*_args, **_kwargs):
    raise OSError(28, "No space left on device")


@pytest.fixture
def failing_index(monkeypatch):
    """Every write to the index fails until `.heal()`; `.attempts` counts the writes tried."""

    class Failure:
        attempts = 0

        def heal(self):
            monkeypatch.undo()

    failure = Failure()

    def apply(*args, **kwargs):
        failure.attempts += 1
        no_space_left()

    monkeypatch.setattr(SearchIndex, "apply", apply)
    return failure


def test_a_failed_index_write_after_a_commit_loses_nothing_and_is_repaired(
        app, make_organisation, runner, failing_index, caplog):
    with caplog.at_level(logging.ERROR):
        organisation = make_organisation(name_en="Marigold Fishers Collective")  # commits

    assert failing_index.attempts >= 1
    assert "could not bring the search index up to date" in caplog.text
    db.session.expire_all()
    assert db.session.get(Organisation, organisation.id).name_en == "Marigold Fishers Collective"
    assert found_ids("marigold") == set()
    assert [entry_organisation for _entry, entry_organisation in pending_entries()] == [organisation.id]

    failing_index.heal()
    update_organisation(organisation, {"name_en": "Marigold Fishers Cooperative"})
    db.session.commit()  # the next sync applies the earlier entry with this one
    assert found_ids("marigold") == {str(organisation.id)}
    assert pending_entries() == []
    assert_check_is_clean(runner)


def test_reindex_repairs_what_a_failed_write_left_out(app, make_organisation, runner, failing_index):
    organisation = make_organisation(name_en="Saffron Weavers Collective")
    assert found_ids("saffron") == set()
    failing_index.heal()
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert found_ids("saffron") == {str(organisation.id)}
    assert_check_is_clean(runner)


def test_a_web_edit_is_saved_when_indexing_it_fails(app, client, make_organisation, make_user, runner,
                                                    monkeypatch, caplog):
    from tests.api.test_api_edit_organisation import token_for

    organisation = make_organisation(name_en="Indigo Dyers Group")
    headers = token_for(make_user(editor_of=[organisation]))
    monkeypatch.setattr(SearchIndex, "apply", no_space_left)
    with caplog.at_level(logging.ERROR):
        response = client.patch(f"/api/v1/organisations/{organisation.public_id}", headers=headers,
                                json={"version": organisation.version, "name_en": "Indigo Weavers Group"})
    assert response.status_code == 200, response.get_json()
    db.session.expire_all()
    assert db.session.get(Organisation, organisation.id).name_en == "Indigo Weavers Group"
    assert "could not bring the search index up to date" in caplog.text

    monkeypatch.undo()
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert found_ids("weavers") == {str(organisation.id)}
    assert_check_is_clean(runner)
