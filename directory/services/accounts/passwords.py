"""Password hashing (Argon2id) and the rules a new password must meet."""
import gzip
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

from directory.services.places.reference_data import SEEDS_DIR

COMMON_PASSWORDS_FILE = SEEDS_DIR / "common_passwords.txt.gz"


def _hasher():
    config = current_app.config
    return PasswordHasher(time_cost=config["ARGON2_TIME_COST"], memory_cost=config["ARGON2_MEMORY_COST"],
                          parallelism=config["ARGON2_PARALLELISM"])


def hash_password(password):
    return _hasher().hash(password)


def check_password(password_hash, password):
    """(matches, new_hash): new_hash is set when the stored hash used other costs and should be replaced."""
    hasher = _hasher()
    try:
        hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False, None
    return True, hasher.hash(password) if hasher.check_needs_rehash(password_hash) else None


def burn_password_check():
    """Spend the time a real check takes, so an unknown email answers as slowly as a wrong password."""
    check_password(_dummy_hash(), "not the password")


@lru_cache(maxsize=4)
def _dummy_hash_for(time_cost, memory_cost, parallelism):
    return PasswordHasher(time_cost, memory_cost, parallelism).hash("dummy password")


def _dummy_hash():
    config = current_app.config
    return _dummy_hash_for(config["ARGON2_TIME_COST"], config["ARGON2_MEMORY_COST"], config["ARGON2_PARALLELISM"])


@lru_cache(maxsize=1)
def common_passwords():
    """Django's list of 20,000 common passwords (Royce Williams' list, BSD licence), lowercased."""
    with gzip.open(COMMON_PASSWORDS_FILE, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().lower() for line in lines if line.strip())


def password_problems(password, *, email=None):
    """Reasons a new password is refused, as (code, message) pairs; empty when it is acceptable."""
    problems = []
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if len(password) < minimum:
        problems.append(("too_short", f"at least {minimum} characters"))
    lowered = password.lower()
    if lowered in common_passwords():
        problems.append(("too_common", "one of the most common passwords"))
    if email and lowered == email.lower().split("@")[0]:
        problems.append(("like_email", "the same as the email's name"))
    return problems
