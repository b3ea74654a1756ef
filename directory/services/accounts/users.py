"""Accounts: sign-up, verification, sign-in, password reset, roles. Services flush; callers commit."""
import hashlib
import secrets

import sqlalchemy as sa
from flask import current_app

from directory.extensions import db
from directory.links import public_url
from directory.models import ApiToken, User, UserRole
from directory.models.users import new_session_token
from directory.services.accounts import passwords
from directory.services.accounts.tokens import InvalidToken, make_token, read_token
from directory.services.platform.mailer import queue_mail
from directory.services.platform.refusals import Refused


class AccountError(Refused):
    """A refusal to show the person: `code` names it for tests and translations."""


def normalise_email(email):
    return (email or "").strip().lower()


def find_user(email):
    return db.session.scalar(sa.select(User).where(User.email == normalise_email(email)))


def create_user(email, password, display_name, *, role=UserRole.MEMBER, verified=False):
    """A new account. The password must pass password_problems; the email must be free."""
    email = normalise_email(email)
    _require_strong_password(password, email)
    if find_user(email) is not None:
        raise AccountError("email_taken")
    user = User(email=email, display_name=display_name.strip() or email.split("@")[0],
                password_hash=passwords.hash_password(password), role=role)
    if verified:
        user.email_verified_at = sa.func.now()
    db.session.add(user)
    db.session.flush()
    return user


def sign_up(email, password, display_name):
    """Create an unverified member and mail the verification link.

    An email that already has an account gets a mail saying so instead, and the caller shows the same
    page either way: the form must not reveal who has an account.
    """
    existing = find_user(email)
    if existing is not None:
        passwords.hash_password(password)  # take as long as a new account does: the timing must not tell
        queue_mail(existing.email, "account_exists", user=existing, login_url=public_url("account.login"))
        return None
    user = create_user(email, password, display_name)
    send_verification(user)
    return user


def send_verification(user):
    token = make_token("verify-email", {"user": user.id, "email": user.email})
    queue_mail(user.email, "verify_email", user=user, url=public_url("account.verify_email", token=token))


def verify_email(token):
    payload = _read(token, "verify-email", "EMAIL_VERIFICATION_MAX_AGE")
    user = db.session.get(User, payload["user"])
    if user is None or user.email != payload["email"]:
        raise AccountError("invalid_token")
    if user.email_verified_at is None:
        user.email_verified_at = sa.func.now()
        db.session.flush()
    return user


def authenticate(email, password):
    """The active user with this email and password, or None; upgrades an outdated hash on the way."""
    user = find_user(email)
    if user is None or not user.is_active:
        passwords.burn_password_check()
        return None
    matches, new_hash = passwords.check_password(user.password_hash, password)
    if not matches:
        return None
    if new_hash:
        user.password_hash = new_hash
    user.last_login_at = sa.func.now()
    db.session.flush()
    return user


def end_sessions(user):
    """A new session token: every cookie issued before is dead (logout, password change, deactivation)."""
    user.session_token = new_session_token()
    db.session.flush()


def request_password_reset(email):
    """Mail a reset link if the account exists; say nothing either way."""
    user = find_user(email)
    if user is None or not user.is_active:
        return
    token = make_token("reset-password", {"user": user.id, "hash": _fingerprint(user.password_hash)})
    queue_mail(user.email, "reset_password", user=user,
               url=public_url("account.reset_password", token=token))


def reset_password(token, new_password):
    """Set a new password from a reset link; the link stops working once the password has changed."""
    user = user_for_reset_token(token)
    change_password(user, new_password)
    if user.email_verified_at is None:
        user.email_verified_at = sa.func.now()  # the link came to that mailbox
    return user


def user_for_reset_token(token):
    """The account a reset link is for, while the link is still good; AccountError otherwise."""
    payload = _read(token, "reset-password", "PASSWORD_RESET_MAX_AGE")
    user = db.session.get(User, payload["user"])
    if user is None or not user.is_active or payload["hash"] != _fingerprint(user.password_hash):
        raise AccountError("invalid_token")
    return user


def change_password(user, new_password):
    _require_strong_password(new_password, user.email)
    user.password_hash = passwords.hash_password(new_password)
    end_sessions(user)


def set_role(user, role, *, by):
    """Admins change roles; nobody demotes themselves (the last admin could lock everyone out)."""
    if not by.is_admin:
        raise AccountError("forbidden")
    if user.id == by.id and role is not UserRole.ADMIN:
        raise AccountError("own_role")
    user.role = role
    db.session.flush()


def set_active(user, active, *, by):
    if not by.is_staff or (user.is_staff and not by.is_admin):
        raise AccountError("forbidden")
    if user.id == by.id:
        raise AccountError("own_account")
    user.is_active = active
    if not active:
        end_sessions(user)
    db.session.flush()


def create_api_token(user, name):
    """Returns (token row, the secret); the secret is shown once and only its hash is kept."""
    secret = "cso_" + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name.strip()[:100] or "API", token_hash=_sha256(secret))
    db.session.add(token)
    db.session.flush()
    return token, secret


def api_tokens_of(user):
    return list(db.session.scalars(
        sa.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at, ApiToken.id)))


def revoke_api_token(user, token_id):
    """Delete one of the user's own tokens; someone else's token id is refused like a missing one."""
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user.id))
    if token is None:
        raise AccountError("no_such_token")
    db.session.delete(token)
    db.session.flush()


def user_for_api_token(secret):
    token = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == _sha256(secret or "")))
    if token is None or not token.user.is_active:
        return None
    return token.user


def _require_strong_password(password, email):
    problems = passwords.password_problems(password, email=email)
    if problems:
        raise AccountError("weak_password", "; ".join(message for _, message in problems))


def _sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _fingerprint(password_hash):
    return _sha256(password_hash)[:16]


def _read(token, purpose, max_age_setting):
    try:
        return read_token(purpose, token, current_app.config[max_age_setting])
    except InvalidToken:
        raise AccountError("invalid_token") from None
