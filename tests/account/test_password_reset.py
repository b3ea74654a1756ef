"""Password reset by a mailed link that expires, works once, and ends every session."""
from directory.extensions import db
from directory.services.accounts.users import authenticate
from tests.account.conftest import main_of, path_of, text_of
from tests.conftest import PASSWORD, form_token

NEW_PASSWORD = "a brand new passphrase"


def reset_link(submit, mailbox, email):
    submit("/account/forgot-password", email=email)
    [link] = set(mailbox.links(mailbox.last(to=email.lower())))
    return path_of(link)


def test_the_reset_link_sets_a_new_password_once(client, submit, make_user, mailbox):
    make_user(email="forgetful@example.org")
    link = reset_link(submit, mailbox, "Forgetful@example.org")
    assert mailbox.last(to="forgetful@example.org")["Subject"].startswith("ตั้งรหัสผ่านใหม่ / Reset your password")

    assert client.get(link).status_code == 200
    response = submit(link, password=NEW_PASSWORD)

    assert response.status_code == 302 and response.headers["Location"].endswith("/account/login")
    assert authenticate("forgetful@example.org", PASSWORD) is None
    assert authenticate("forgetful@example.org", NEW_PASSWORD) is not None
    db.session.rollback()
    again = client.get(link)
    assert again.status_code == 400 and "ลิงก์นี้ใช้ไม่ได้" in text_of(again)
    replayed = client.post(link, data={"password": "yet another passphrase",
                                       "csrf_token": _any_token(client)})
    assert replayed.status_code == 400
    assert authenticate("forgetful@example.org", NEW_PASSWORD) is not None


def _any_token(client):
    return form_token(client, "/account/forgot-password")


def test_known_and_unknown_emails_get_the_same_page(submit, make_user, mailbox):
    make_user(email="known@example.org")

    known = submit("/account/forgot-password", email="KNOWN@example.org")
    unknown = submit("/account/forgot-password", email="NOBODY@example.org")

    assert known.status_code == unknown.status_code == 200
    assert (main_of(known).replace("KNOWN@example.org", "EMAIL")
            == main_of(unknown).replace("NOBODY@example.org", "EMAIL"))
    assert len(mailbox.messages(to="known@example.org")) == 1
    assert mailbox.messages(to="nobody@example.org") == []


def test_an_expired_or_tampered_reset_link_is_refused_with_a_clear_page(app, client, submit, make_user, mailbox):
    make_user(email="slow@example.org")
    link = reset_link(submit, mailbox, "slow@example.org")

    tampered = client.get(link[:-4] + "AAAA")
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    expired = client.get(link)

    for response in (tampered, expired):
        assert response.status_code == 400
        assert "ลิงก์นี้ใช้ไม่ได้" in text_of(response)
    assert authenticate("slow@example.org", PASSWORD) is not None


def test_a_weak_new_password_is_refused_and_the_link_still_works(client, submit, make_user, mailbox):
    make_user(email="weak@example.org")
    link = reset_link(submit, mailbox, "weak@example.org")

    refused = submit(link, password="1234567890")

    assert refused.status_code == 400 and "รหัสผ่านนี้ใช้กันทั่วไปเกินไป" in text_of(refused)
    assert authenticate("weak@example.org", PASSWORD) is not None
    db.session.rollback()
    assert submit(link, password=NEW_PASSWORD).status_code == 302


def test_resetting_the_password_signs_out_every_other_session(app, submit, make_user, mailbox, auth):
    make_user(email="stolen@example.org")
    auth.login("stolen@example.org")
    assert auth.client.get("/account/").status_code == 200

    elsewhere = app.test_client()
    elsewhere.post("/account/forgot-password", data={
        "email": "stolen@example.org", "csrf_token": form_token(elsewhere, "/account/forgot-password")})
    link = path_of(mailbox.links(mailbox.last(to="stolen@example.org"))[0])
    changed = elsewhere.post(link, data={"password": NEW_PASSWORD, "csrf_token": form_token(elsewhere, link)})
    assert changed.status_code == 302

    db.session.rollback()  # a new request in production starts a new transaction; here the fixture's lives on
    assert auth.client.get("/account/").status_code == 302
