"""Looking at the index and the database separately, so a test can compare what each holds."""
import sqlalchemy as sa
from sqlalchemy.orm import Session

from directory.extensions import db
from directory.models import SearchOutboxEntry
from directory.services.search.adapter import organisations_for_index, search_index
from search_index import SearchRequest


def found_ids(text="", **filters):
    """Ids the index finds, asked directly: no sync first, so this is what the hooks left there."""
    return {hit.id for hit in search_index().search(SearchRequest(q=text, limit=100, **filters)).hits}


def indexed_versions():
    return search_index().document_versions()


def committed_versions():
    """{id: version} of the published organisations, read on a connection of its own."""
    with Session(db.engine) as session:
        return {str(o.id): o.version for o in organisations_for_index(session)}


def outbox(session=None):
    """[(entry id, organisation id)] that `session` sees; by default what is committed."""
    query = sa.select(SearchOutboxEntry.id, SearchOutboxEntry.organisation_id).order_by(SearchOutboxEntry.id)
    if session is not None:
        return [tuple(row) for row in session.execute(query)]
    with Session(db.engine) as own:
        return [tuple(row) for row in own.execute(query)]


def recorded(session=None):
    """The organisation ids of the outbox entries `session` sees (default: committed), in entry order."""
    return [organisation_id for _entry, organisation_id in outbox(session)]


def pending_entries():
    """Committed entries the index has not applied, judged by the position it recorded."""
    state = search_index().state()
    return [(entry, organisation) for entry, organisation in outbox()
            if entry > state.get("watermark", 0) or str(entry) in state.get("gaps", {})]


def assert_check_is_clean(runner):
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output
    assert "search index matches the database" in result.output
