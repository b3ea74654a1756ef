"""Sign-in is throttled without letting anyone lock a person out (services/accounts/sign_in_throttle.py); reset
requests are limited per account and per address; a rate-limit store that is down costs no request."""
import logging
import time
import uuid

import pytest
from redis import Redis

from tests.conftest import PASSWORD, form_token

LIMIT = "3 per hour"
TOO_MANY = ("พยายามหลายครั้งเกินไป", "Too many attempts. Please wait a while and try again.")
REDIS_URL = "redis://127.0.0.1:6379"


def sign_in(client, email, address="127.0.0.1", password="not the password", forwarded_for=None):
    token = form_token(client, "/account/login")  # only posts count, so reading the form is free
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return client.post("/account/login", data={"email": email, "password": password, "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address}, headers=headers)


def ask_for_reset(client, email, address="127.0.0.1"):
    token = form_token(client, "/account/forgot-password")
    return client.post("/account/forgot-password", data={"email": email, "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address})


@pytest.fixture
def limits(app):
    app.config.update(LOGIN_LIMIT=LIMIT, LOGIN_ADDRESS_LIMIT=LIMIT, PASSWORD_RESET_LIMIT=LIMIT)


def test_guessing_from_many_addresses_slows_the_account_down_but_never_locks_it(app, client, limits, make_user,
                                                                                monkeypatch):
    """Failed attempts from anywhere: after LOGIN_DELAY_AFTER of them, untrusted clients wait 2, 4, 8 ...
    seconds between attempts. A wait, not a lock: once it has passed, the right password works."""
    app.config.update(LOGIN_DELAY_AFTER=2, LOGIN_DELAY_MAX_S=4)
    make_user(email="target@example.org")
    make_user(email="bystander@example.org")
    for number in range(3):
        assert sign_in(client, "target@example.org", f"10.0.0.{number}").status_code == 400

    waiting = sign_in(client, "TARGET@example.org ", "10.0.0.99", password=PASSWORD)
    assert waiting.status_code == 429
    assert "Please wait 2 seconds" in waiting.get_data(as_text=True) or "2 วินาที" in waiting.get_data(as_text=True)
    assert sign_in(client, "bystander@example.org", "10.0.0.99", password=PASSWORD).status_code == 302

    clock = time.time() + 3
    monkeypatch.setattr(time, "time", lambda: clock)  # the wait has passed (the memory store reads time.time)
    assert sign_in(client, "target@example.org", "10.0.0.99", password=PASSWORD).status_code == 302


def test_the_persons_own_browser_is_never_slowed_by_a_strangers_guesses(app, client, limits, make_user, auth):
    app.config.update(LOGIN_DELAY_AFTER=1, LOGIN_DELAY_MAX_S=900)
    make_user(email="owner@example.org")
    assert sign_in(client, "owner@example.org", password=PASSWORD).status_code == 302  # a trusted browser now
    auth.logout()
    stranger = app.test_client()
    for number in range(6):
        stranger_response = sign_in(stranger, "owner@example.org", f"198.51.100.{number}")
    assert stranger_response.status_code in (400, 429)
    assert sign_in(stranger, "owner@example.org", "198.51.100.50", password=PASSWORD).status_code == 429

    assert sign_in(client, "owner@example.org", password=PASSWORD).status_code == 302  # the owner's browser


def test_the_same_address_and_account_are_limited_together(client, limits, make_user):
    make_user(email="pair@example.org")
    for _ in range(3):
        assert sign_in(client, "pair@example.org", "10.3.0.1").status_code in (400, 429)
    blocked = sign_in(client, "pair@example.org", "10.3.0.1", password=PASSWORD)
    assert blocked.status_code == 429
    page = blocked.get_data(as_text=True)
    assert all(words in page for words in TOO_MANY)  # both languages on one page


def test_the_address_limit_holds_across_emails(client, limits, make_user):
    make_user(email="elsewhere@example.org")
    for number in range(3):
        assert sign_in(client, f"guess{number}@example.org", "192.0.2.7").status_code == 400

    assert sign_in(client, "guess99@example.org", "192.0.2.7").status_code == 429
    assert sign_in(client, "elsewhere@example.org", "192.0.2.8", password=PASSWORD).status_code == 302


def test_successful_sign_ins_do_not_use_up_the_limit(client, auth, limits, make_user):
    make_user(email="busy-office@example.org")
    for _ in range(5):
        assert sign_in(client, "busy-office@example.org", password=PASSWORD).status_code == 302
        auth.logout()


def test_reset_requests_are_limited_per_account_and_per_address(client, limits, make_user, mailbox):
    make_user(email="flooded@example.org")
    for number in range(3):
        assert ask_for_reset(client, "flooded@example.org", f"10.1.0.{number}").status_code == 200
    assert ask_for_reset(client, "flooded@example.org", "10.1.0.99").status_code == 429
    assert len(mailbox.messages(to="flooded@example.org")) == 3

    for number in range(3):
        assert ask_for_reset(client, f"someone{number}@example.org", "10.2.0.1").status_code == 200
    assert ask_for_reset(client, "someone-else@example.org", "10.2.0.1").status_code == 429


def test_behind_one_proxy_each_forwarded_client_has_its_own_bucket(other_app):
    client = other_app(PROXY_COUNT=1, LOGIN_ADDRESS_LIMIT=LIMIT).test_client()
    for number in range(3):
        assert sign_in(client, f"a{number}@example.org", forwarded_for="203.0.113.1").status_code == 400

    assert sign_in(client, "a99@example.org", forwarded_for="203.0.113.1").status_code == 429
    assert sign_in(client, "b1@example.org", forwarded_for="203.0.113.2").status_code == 400


def test_without_a_proxy_the_forwarded_header_is_ignored(other_app):
    client = other_app(PROXY_COUNT=0, LOGIN_ADDRESS_LIMIT=LIMIT).test_client()
    for number in range(3):
        assert sign_in(client, f"c{number}@example.org", forwarded_for=f"203.0.113.{number}").status_code == 400

    # A new header value per request does not buy a new bucket: the peer's address is what counts.
    assert sign_in(client, "c99@example.org", forwarded_for="203.0.113.200").status_code == 429


def test_two_app_servers_share_the_counts_through_redis(other_app):
    prefix = f"directory-test-{uuid.uuid4().hex}"
    redis = Redis.from_url(REDIS_URL)
    settings = {"RATELIMIT_STORAGE_URI": REDIS_URL, "RATELIMIT_KEY_PREFIX": prefix, "LOGIN_ADDRESS_LIMIT": LIMIT}
    try:
        first = other_app(**settings)
        for number in range(3):
            assert sign_in(first.test_client(), f"d{number}@example.org", "10.9.9.9").status_code == 400
        assert list(redis.scan_iter(f"*{prefix}*")), "the counts are not in Redis"

        second = other_app(**settings)  # its own connection, its own storage

        assert sign_in(second.test_client(), "d99@example.org", "10.9.9.9").status_code == 429
    finally:
        for key in redis.scan_iter(f"*{prefix}*"):
            redis.delete(key)
        redis.close()


def test_with_redis_down_sign_in_and_applications_work_and_the_limits_hold_in_memory(other_app, open_round, caplog):
    """Before, every sign-in and application answered 500 while Redis was away."""
    from directory.extensions import db
    from directory.services.accounts.users import create_user
    from tests.api.test_api_applications import body as application_body
    from tests.event_factories import INSIDE_WINDOW

    app = other_app(RATELIMIT_STORAGE_URI="redis://127.0.0.1:1", LOGIN_ADDRESS_LIMIT=LIMIT,
                    APPLICATION_LIMIT="1 per hour", CLOCK=lambda: INSIDE_WINDOW)
    with app.app_context():
        create_user("offline@example.org", PASSWORD, "Offline", verified=True)
        db.session.commit()
    client = app.test_client()
    with caplog.at_level(logging.WARNING):
        assert sign_in(client, "offline@example.org", password=PASSWORD).status_code == 302
    assert "rate-limit storage unreachable" in caplog.text
    for number in range(3):
        assert sign_in(app.test_client(), f"nobody{number}@example.org", "10.8.0.1").status_code == 400
    assert sign_in(app.test_client(), "nobody9@example.org", "10.8.0.1").status_code == 429  # still limited

    url = f"/api/v1/events/{open_round.public_id}/applications"
    assert client.post(url, json=application_body()).status_code == 201
    assert client.post(url, json=application_body(email="second@example.org")).status_code == 429


def test_searches_are_limited_per_address_page_and_api_together(app, client):
    app.config["SEARCH_LIMIT"] = "3 per minute"
    assert client.get("/organisations?q=a", environ_base={"REMOTE_ADDR": "10.5.0.1"}).status_code == 200
    assert client.get("/api/v1/organisations?q=b", environ_base={"REMOTE_ADDR": "10.5.0.1"}).status_code == 200
    assert client.get("/organisations?q=c", environ_base={"REMOTE_ADDR": "10.5.0.1"}).status_code == 200
    assert client.get("/api/v1/organisations?q=d", environ_base={"REMOTE_ADDR": "10.5.0.1"}).status_code == 429
    assert client.get("/api/v1/organisations?q=d", environ_base={"REMOTE_ADDR": "10.5.0.2"}).status_code == 200
    # profiles are not searches
    assert client.get("/organisations/abcdefgh", environ_base={"REMOTE_ADDR": "10.5.0.1"}).status_code == 404
