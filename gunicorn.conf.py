"""gunicorn's settings for the directory: `gunicorn -c gunicorn.conf.py wsgi:app` (README: Running in production).

Every value can be changed by the environment variable named beside it. The access log never shows a
private token (directory/log_redaction.py) and gives the client's address as the app sees it: behind
PROXY_COUNT proxies, the one they forwarded; with none, the peer's (a client's own X-Forwarded-For is
ignored, as the app ignores it).
"""
import multiprocessing
import os
import sys
import time

from gunicorn.glogging import Logger

from directory.log_redaction import redact


def _int(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8))
threads = _int("GUNICORN_THREADS", 1)  # sync workers: behind nginx, which buffers slow clients
timeout = _int("GUNICORN_TIMEOUT", 30)  # a request still running after this long is killed with its worker
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = 2
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)  # workers are recycled now and then, a jitter apart
max_requests_jitter = max_requests // 10
limit_request_line = 4094
limit_request_fields = 100
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
PROXY_COUNT = _int("PROXY_COUNT", 0)


class RedactingLogger(Logger):
    """gunicorn's logger with private tokens redacted from every atom of the access log."""

    def atoms(self, resp, req, environ, request_time):
        atoms = {key: redact(value) for key, value in super().atoms(resp, req, environ, request_time).items()}
        atoms["h"] = client_address(environ, PROXY_COUNT)
        return atoms


def client_address(environ, proxy_count):
    """The address the app sees (werkzeug's ProxyFix with x_for=PROXY_COUNT): the proxy_count-th
    address from the right of X-Forwarded-For, or the peer when there are no proxies."""
    forwarded = [part.strip() for part in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxy_count and len(forwarded) >= proxy_count:
        return forwarded[-proxy_count]
    return environ.get("REMOTE_ADDR", "-")


logger_class = RedactingLogger


def on_starting(server):
    """Refuse to start on a database that does not answer: better than serving 500s to everyone."""
    from directory import create_app
    from directory.health import database_problem

    app = create_app()
    with app.app_context():
        problem = database_problem()
    if problem:
        server.log.error("the database does not answer (%s): check DATABASE_URL", problem)
        sys.exit(1)


def post_worker_init(worker):
    """Warm the search index before the worker takes requests: its first query is then as fast as any."""
    from directory.services.search.adapter import warm_search_index

    started = time.perf_counter()
    with worker.wsgi.app_context():
        try:
            if warm_search_index():
                worker.log.info("search index warm in %.0f ms", (time.perf_counter() - started) * 1000)
        except Exception:  # a broken index is reported by /health/ready and the search page, not here
            worker.log.exception("could not warm the search index")
