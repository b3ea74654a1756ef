"""A missing index is never replaced by an empty one: workers go on serving the generation they have
open until a rebuild swaps a complete one in, and `flask search check` reports it missing."""
import shutil

from probes import assert_check_is_clean, found_ids

from directory import create_app
from directory.extensions import db
from directory.services.search.adapter import search_index
from directory.services.search.sync import reindex, sync_search_index


def test_a_deleted_index_keeps_serving_what_is_open_until_the_rebuild(app, client, make_organisation, runner):
    organisations = {str(make_organisation(name_en=f"Saffron Weavers {n}").id) for n in range(3)}
    assert found_ids("saffron") == organisations  # this worker has the generation open
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])

    assert found_ids("saffron") == organisations  # not an empty index: the open one
    assert client.get("/api/v1/organisations?q=saffron").get_json()["total"] == 3
    make_organisation(name_en="Saffron Weavers later")  # a commit meanwhile builds nothing empty either

    reindex()
    assert len(found_ids("saffron")) == 4
    assert_check_is_clean(runner)


def test_a_worker_starting_without_an_index_answers_503_not_an_empty_list(app, make_organisation):
    make_organisation(name_en="Saffron Weavers")
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    fresh = create_app({**app.config, "SEARCH_INDEX_DIR": app.config["SEARCH_INDEX_DIR"]})
    response = fresh.test_client().get("/api/v1/organisations?q=saffron")
    with fresh.app_context():
        db.engine.dispose()
    assert response.status_code == 503
    assert not search_index().store.exists()  # and nothing was created by searching


def test_check_reports_a_missing_index_and_does_not_rebuild_it(app, runner, make_organisation):
    make_organisation()
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1 and "missing" in result.output
    assert not search_index().store.exists()


def test_the_follower_rebuilds_a_missing_index(app, make_organisation, runner):
    make_organisation(name_en="Saffron Weavers")
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    sync_search_index(blocking=True)
    assert len(found_ids("saffron")) == 1
    assert_check_is_clean(runner)
    db.session.rollback()


def test_check_on_a_full_disk_says_so_and_exits_1(app, runner, make_organisation, monkeypatch):
    import errno

    from directory.services.search import sync as search_sync

    def full_disk(**_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(search_sync, "sync_search_index", full_disk)
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 1 and "No space left on device" in result.output
