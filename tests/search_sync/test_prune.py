import threading
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from directory.extensions import db
from directory.models import SearchOutboxEntry


def _age_entries(days):
    db.session.execute(sa.update(SearchOutboxEntry).values(
        created_at=datetime.now(timezone.utc) - timedelta(days=days)))
    db.session.commit()


def test_prune_deletes_only_old_applied_entries(make_organisation, runner):
    make_organisation()
    make_organisation()
    _age_entries(40)
    make_organisation()  # a fresh entry stays
    result = runner.invoke(args=["search", "prune", "--older-than-days", "30"])
    assert result.exit_code == 0, result.output
    assert "deleted 2 outbox entries" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SearchOutboxEntry)) == 1
    assert runner.invoke(args=["search", "check"]).exit_code == 0


def test_prune_keeps_entries_the_index_has_not_applied(make_organisation, runner, app):
    from directory.services.search.adapter import search_index

    make_organisation()
    _age_entries(40)
    index = search_index()
    with index.writer_lock(blocking=True):
        index.apply(state={"watermark": 0, "gaps": {}})  # as if this index had applied nothing
    holding, release = threading.Event(), threading.Event()

    def hold_the_lock():  # another writer is busy, so prune cannot catch the index up first
        with index.writer_lock(blocking=True):
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    holding.wait(10)
    try:
        result = runner.invoke(args=["search", "prune", "--older-than-days", "30"])
    finally:
        release.set()
        holder.join()
    assert "deleted 0 outbox entries" in result.output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SearchOutboxEntry)) == 1
