"""Rate limits for forms that send mail or check secrets: one bucket per submitted email, one per address."""
from flask import current_app, request
from flask_babel import lazy_gettext
from flask_limiter.util import get_remote_address

from directory.extensions import limiter

# Lazy, so the bilingual 429 page renders it once in each language.
TOO_MANY_ATTEMPTS = lazy_gettext("Too many attempts. Please wait a while and try again.")


def submitted_email():
    """The per-account bucket: the email as typed, lowercased, whoever sends it and from wherever."""
    return "account:" + request.form.get("email", "").strip().lower()


def client_address():
    """The per-address bucket (behind PROXY_COUNT proxies, ProxyFix has put the client's address here)."""
    return "address:" + (get_remote_address() or "")


def attempt_limits(setting, deduct_when=None):
    """The per-email and per-address limits of one form's POSTs, read from config at each request."""
    def decorate(view):
        for key_func in (submitted_email, client_address):
            view = limiter.limit(lambda: current_app.config[setting], key_func=key_func, methods=["POST"],
                                 error_message=TOO_MANY_ATTEMPTS, deduct_when=deduct_when)(view)
        return view

    return decorate
