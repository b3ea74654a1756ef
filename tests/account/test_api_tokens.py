"""Personal API tokens: the secret is shown once, only its hash is kept, and it can be revoked."""
import re

import sqlalchemy as sa

from directory.extensions import db
from directory.models import ApiToken
from directory.services.accounts.users import create_api_token, user_for_api_token
from tests.account.conftest import text_of
from tests.conftest import form_token

SECRET = re.compile(r"cso_[A-Za-z0-9_-]{20,}")


def test_a_new_token_is_shown_once_and_works(client, submit, auth, make_user):
    user = make_user(email="coder@example.org")
    auth.login("coder@example.org")

    created = submit("/account/tokens", name="My script")

    assert created.status_code == 200
    assert "no-store" in created.headers["Cache-Control"]
    [secret] = SECRET.findall(created.get_data(as_text=True))
    assert user_for_api_token(secret).id == user.id
    [row] = db.session.scalars(sa.select(ApiToken).where(ApiToken.user_id == user.id)).all()
    assert row.name == "My script" and secret not in row.token_hash
    listing = client.get("/account/tokens")
    assert "My script" in text_of(listing)
    assert secret not in listing.get_data(as_text=True)


def test_a_revoked_token_stops_working(client, auth, make_user):
    user = make_user(email="revoker@example.org")
    token, secret = create_api_token(user, "old")
    db.session.commit()
    auth.login("revoker@example.org")

    response = client.post(f"/account/tokens/{token.id}/revoke",
                           data={"csrf_token": form_token(client, "/account/tokens")})

    assert response.status_code == 302
    assert user_for_api_token(secret) is None


def test_nobody_revokes_someone_elses_token(client, auth, make_user):
    owner = make_user(email="owner@example.org")
    token, secret = create_api_token(owner, "theirs")
    db.session.commit()
    make_user(email="other@example.org")
    auth.login("other@example.org")

    response = client.post(f"/account/tokens/{token.id}/revoke",
                           data={"csrf_token": form_token(client, "/account/tokens")})

    assert response.status_code == 404
    assert user_for_api_token(secret).id == owner.id


def test_a_token_needs_a_name_and_a_signed_in_owner(client, submit, auth, make_user):
    assert client.get("/account/tokens").status_code == 302
    make_user(email="nameless@example.org")
    auth.login("nameless@example.org")

    response = submit("/account/tokens", name="  ")

    assert response.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ApiToken)) == 0
