"""Sessions: renewed at sign-in, dead after sign-out, CSRF on every form, safe cookies, safe production."""
import pytest
import sqlalchemy as sa

from directory import create_app
from directory.extensions import db
from directory.models import User
from directory.services.accounts.users import set_active
from directory.setup import ConfigurationError
from tests.conftest import PASSWORD

SESSION_COOKIE = "session"


def cookie_value(client):
    cookie = client.get_cookie(SESSION_COOKIE)
    return cookie.value if cookie else None


def test_signing_in_starts_a_new_session(client, auth, make_user):
    make_user(email="fixation@example.org")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    before = cookie_value(client)

    auth.login("fixation@example.org")

    assert cookie_value(client) != before
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"] == db.session.scalar(
            sa.select(User.session_token).where(User.email == "fixation@example.org"))


def test_a_copy_of_the_cookie_is_dead_after_signing_out(app, client, auth, make_user):
    make_user(email="shared-computer@example.org")
    auth.login("shared-computer@example.org")
    stolen = cookie_value(client)
    assert client.get("/account/").status_code == 200

    auth.logout()

    replay = app.test_client()
    replay.set_cookie(SESSION_COOKIE, stolen)
    response = replay.get("/account/")
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_deactivating_an_account_ends_its_sessions_and_sign_in(client, auth, make_user):
    make_user(email="staff@example.org", role="staff")
    user = make_user(email="leaver@example.org")
    auth.login("leaver@example.org")
    staff = db.session.scalar(sa.select(User).where(User.email == "staff@example.org"))

    set_active(user, False, by=staff)
    db.session.commit()

    assert client.get("/account/").status_code == 302
    assert auth.login("leaver@example.org").status_code == 400


@pytest.mark.parametrize("url, fields", [
    ("/account/login", {"email": "victim@example.org", "password": PASSWORD}),
    ("/account/sign-up", {"email": "csrf-new@example.org", "password": PASSWORD, "display_name": "X"}),
    ("/account/forgot-password", {"email": "victim@example.org"}),
])
def test_forms_without_the_csrf_token_are_refused(client, make_user, mailbox, url, fields):
    make_user(email="victim@example.org")
    client.get(url)  # a session exists, as it would in the victim's browser

    response = client.post(url, data=fields)

    assert response.status_code == 400
    assert client.get("/account/").status_code == 302  # not signed in
    assert db.session.scalar(sa.select(User).where(User.email == "csrf-new@example.org")) is None
    assert mailbox.messages() == []


def test_signing_out_without_the_csrf_token_is_refused(client, auth, make_user):
    make_user(email="stays@example.org")
    auth.login("stays@example.org")
    token_before = db.session.scalar(sa.select(User.session_token).where(User.email == "stays@example.org"))

    response = client.post("/account/logout")

    assert response.status_code == 400
    assert client.get("/account/").status_code == 200
    assert db.session.scalar(sa.select(User.session_token).where(User.email == "stays@example.org")) == token_before


def test_the_session_cookie_is_httponly_and_samesite_lax(client, auth, make_user):
    make_user(email="cookie@example.org")

    response = auth.login("cookie@example.org")

    [cookie] = [c for c in response.headers.getlist("Set-Cookie") if c.startswith(f"{SESSION_COOKIE}=")]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain http in development: a Secure cookie would never come back


def test_over_https_the_session_cookie_is_secure(other_app):
    app = other_app(PREFERRED_URL_SCHEME="https")

    response = app.test_client().get("/account/login")  # the form's CSRF token starts a session

    [cookie] = [c for c in response.headers.getlist("Set-Cookie") if c.startswith(f"{SESSION_COOKIE}=")]
    assert "Secure" in cookie and "HttpOnly" in cookie
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def _production(tmp_path, **overrides):
    return create_app({"ENV_NAME": "production", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.db'}",
                       "SEARCH_INDEX_DIR": str(tmp_path / "index"), "DEBUG": False,
                       "PUBLIC_BASE_URL": "https://directory.example.org", **overrides})


GOOD_KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def test_production_starts_with_a_real_key_and_debug_off(tmp_path):
    app = _production(tmp_path, SECRET_KEY=GOOD_KEY)
    assert not app.debug


@pytest.mark.parametrize("overrides", [
    {"SECRET_KEY": GOOD_KEY, "DEBUG": True},
    {"SECRET_KEY": "short"},
    {"SECRET_KEY": "testing-secret-key"},
    {"SECRET_KEY": None},
    {"SECRET_KEY": GOOD_KEY, "PUBLIC_BASE_URL": None},
], ids=["debug on", "short key", "sample key", "no key", "no public address"])
def test_production_refuses_unsafe_settings(tmp_path, monkeypatch, overrides):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigurationError):
        _production(tmp_path, **overrides)
