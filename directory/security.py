"""Sign-in sessions, CSRF, rate limits, the client's address behind a proxy, and response headers."""
import functools
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from directory import input_guard, log_redaction
from directory.extensions import csrf, db, limiter, login_manager

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def security_headers(config):
    """The headers every response carries, the Content Security Policy among them."""
    return {"Content-Security-Policy": content_security_policy(config["MAP_TILE_URL"]), **SECURITY_HEADERS}


@functools.lru_cache(maxsize=4)
def content_security_policy(tile_url):
    """Nothing inline and nothing foreign, but the map tiles' images (from MAP_TILE_URL's origin)."""
    return "; ".join((
        "default-src 'self'",
        " ".join(("img-src 'self' data:", tile_origin(tile_url))).strip(),
        "style-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ))


def tile_origin(tile_url):
    """https://tile.openstreetmap.org for its template; a {s} subdomain becomes *; '' for a local path."""
    parts = urlsplit(tile_url)
    if not (parts.scheme and parts.netloc):
        return ""
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def register(app: Flask):
    _trust_proxies(app)
    log_redaction.install(app)
    csrf.init_app(app)
    input_guard.install(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "account.login"
    login_manager.login_message = None  # the login page explains itself; no flash in the wrong language
    login_manager.session_protection = "strong"
    login_manager.user_loader(load_user)

    @app.after_request
    def add_security_headers(response):
        for header, value in security_headers(app.config).items():
            response.headers.setdefault(header, value)
        if app.config["SESSION_COOKIE_SECURE"]:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response


def _trust_proxies(app):
    """Behind PROXY_COUNT proxies, take the client address from X-Forwarded-For; with 0, trust none.

    Without this behind a proxy, every client would have the proxy's address and share one rate-limit
    bucket; with it and no proxy, anyone could choose their own address by sending the header.
    """
    count = app.config["PROXY_COUNT"]
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def load_user(session_token):
    """The cookie holds the user's session token; a rotated token or a deactivated user signs them out."""
    from directory.models import User

    return db.session.scalar(sa.select(User).where(User.session_token == session_token, User.is_active))
