"""Slowing password guessing down without letting anyone lock a person out of their account.

- A browser that has signed in to an account carries a signed device cookie naming it. Its failed
  attempts count for that browser and account alone (LOGIN_LIMIT): a stranger's guesses never stop it.
- Any other client is counted per address and account (LOGIN_LIMIT) and per address (LOGIN_ADDRESS_LIMIT),
  and the account slows down as a whole: after LOGIN_DELAY_AFTER failed attempts within 15 minutes,
  each further attempt must wait 2, 4, 8 ... seconds (at most LOGIN_DELAY_MAX_S) after the last
  failure. A wait, never a lock; and the person's own browser does not wait at all.

The counts live in the rate limiter's storage (Redis in production, shared by all workers).
"""
import hashlib
import secrets
import time

from flask import current_app, request
from flask_limiter.util import get_remote_address
from itsdangerous import BadSignature, URLSafeTimedSerializer

from directory.extensions import limiter

DEVICE_COOKIE = "device"
DEVICE_MAX_AGE_S = 365 * 24 * 3600
DEVICE_ACCOUNTS = 5  # accounts one browser is remembered for
FAILURE_WINDOW_S = 15 * 60


def submitted_email():
    return request.form.get("email", "").strip().lower()


def _account_key(email):
    return hashlib.sha256(email.encode()).hexdigest()[:24]


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="sign-in-device")


def _device():
    """The device cookie's content ({"id", "accounts"}), or None when absent, forged or expired."""
    value = request.cookies.get(DEVICE_COOKIE)
    if not value:
        return None
    try:
        return _serializer().loads(value, max_age=DEVICE_MAX_AGE_S)
    except BadSignature:
        return None


def is_trusted_device(email=None):
    """True when this browser has signed in to the account of `email` (the form's email) before."""
    device = _device()
    return bool(device) and _account_key(email or submitted_email()) in device.get("accounts", ())


def attempt_bucket():
    """Flask-Limiter's key for LOGIN_LIMIT: this browser and account when trusted, else address and account."""
    email = submitted_email()
    device = _device()
    if device and _account_key(email) in device.get("accounts", ()):
        return f"device:{device['id']}:{_account_key(email)}"
    return f"address:{get_remote_address()}:{_account_key(email)}"


def device_cookie_after_sign_in(email):
    """(name, value, max_age) of the cookie that makes this browser trusted for `email` from now on."""
    device = _device() or {"id": secrets.token_urlsafe(12), "accounts": []}
    accounts = [key for key in device["accounts"] if key != _account_key(email)] + [_account_key(email)]
    device["accounts"] = accounts[-DEVICE_ACCOUNTS:]
    return DEVICE_COOKIE, _serializer().dumps(device), DEVICE_MAX_AGE_S


# The account-wide wait

def _failures_key(email):
    return f"sign-in-failures:{_account_key(email)}"


def _wait_key(email):
    return f"sign-in-wait:{_account_key(email)}"


def seconds_to_wait(email):
    """How long an untrusted client must still wait before trying this account again (0: go ahead)."""
    storage = limiter.storage
    if storage.get(_wait_key(email)) <= 0:
        return 0
    return max(1, round(storage.get_expiry(_wait_key(email)) - time.time()))


def record_failure(email):
    """Count a failed attempt on the account; past the threshold, start the next (doubled) wait."""
    storage = limiter.storage
    failures = storage.incr(_failures_key(email), FAILURE_WINDOW_S)
    beyond = failures - current_app.config["LOGIN_DELAY_AFTER"]
    if beyond > 0:
        delay = min(2 ** beyond, current_app.config["LOGIN_DELAY_MAX_S"])
        storage.clear(_wait_key(email))
        storage.incr(_wait_key(email), delay)
