"""/healthz: the process answers. /readyz: it can serve (database, search index, index lag). No HTML,
no session, no rate limit: load balancers ask often."""
from flask import Blueprint, jsonify

from directory.extensions import limiter
from directory.health import readiness

health = Blueprint("health", __name__)
limiter.exempt(health)


@health.get("/healthz")
def healthz():
    return jsonify(status="ok")


@health.get("/readyz")
def readyz():
    ready, checks = readiness()
    return jsonify(status="ready" if ready else "not ready", checks=checks), 200 if ready else 503
