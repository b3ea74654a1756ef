"""Is this process fit to serve? For load balancers (/healthz, /readyz) and gunicorn's start-up check."""
import sqlalchemy as sa
from flask import current_app

from directory.extensions import db


def database_problem():
    """None when the database answers a trivial query (within the statement timeout), else why not."""
    try:
        with db.engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as error:  # any failure to answer is the answer
        return f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
    return None


def readiness():
    """(ready, {check: {"ok": bool, ...}}): the database answers, the search index exists, and the
    follower keeps up (its oldest unapplied outbox entry is at most READY_MAX_LAG_S old)."""
    from directory.services.search.sync import sync_lag

    problem = database_problem()
    checks = {"database": {"ok": problem is None, "detail": problem or "answers"}}
    if problem is None:
        lag = sync_lag()
        checks["search_index"] = {"ok": lag["pending"] is not None,
                                  "detail": "present" if lag["pending"] is not None else "missing"}
        if lag["pending"] is not None:
            checks["search_lag"] = {"ok": lag["oldest_s"] <= current_app.config["READY_MAX_LAG_S"], **lag}
    return all(check["ok"] for check in checks.values()), checks
