"""Signing in: one answer for every kind of failure, outdated hashes upgraded, safe redirects."""
from argon2 import PasswordHasher

from directory.extensions import db
from directory.services.accounts import passwords
from tests.account.conftest import main_of, text_of
from tests.conftest import PASSWORD

WRONG = "อีเมลหรือรหัสผ่านไม่ถูกต้อง"


def test_signing_in_leads_to_the_account_page(client, auth, make_user):
    make_user(email="kanya@example.org", display_name="กัญญา")

    response = auth.login("Kanya@Example.org ")

    assert response.status_code == 302 and response.headers["Location"].endswith("/account/")
    page = text_of(client.get("/account/"))
    assert "กัญญา" in page and "kanya@example.org" in page and "ยืนยันแล้ว" in page
    assert "ก่อนจึงจะขอเป็นผู้แก้ไขหรือลงทะเบียนองค์กรได้" not in page


def test_staff_land_in_the_back_office(client, auth, make_user):
    make_user(email="staff@example.org", role="staff")
    response = auth.login("staff@example.org")
    assert response.status_code == 302 and response.headers["Location"].endswith("/staff/")
    assert client.get("/account/login").headers["Location"].endswith("/staff/")  # signed in already


def test_unknown_email_wrong_password_and_deactivated_account_get_the_same_answer(client, auth, make_user):
    make_user(email="known@example.org")
    make_user(email="gone@example.org").is_active = False
    db.session.commit()

    answers = {
        "unknown@example.org": auth.login("unknown@example.org"),
        "known@example.org": auth.login("known@example.org", "not the password"),
        "gone@example.org": auth.login("gone@example.org"),
    }

    pages = set()
    for email, response in answers.items():
        assert response.status_code == 400
        assert WRONG in text_of(response)
        pages.add(main_of(response).replace(email, "EMAIL"))
    assert len(pages) == 1
    assert client.get("/account/").status_code == 302  # still not signed in


def test_an_outdated_password_hash_is_replaced_at_sign_in(app, auth, make_user):
    user = make_user(email="old-hash@example.org")
    cheap = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    user.password_hash = cheap.hash(PASSWORD)
    db.session.commit()
    old_hash = user.password_hash

    assert auth.login("old-hash@example.org").status_code == 302

    db.session.refresh(user)
    assert user.password_hash != old_hash
    assert f"m={app.config['ARGON2_MEMORY_COST']},t={app.config['ARGON2_TIME_COST']}" in user.password_hash
    assert passwords.check_password(user.password_hash, PASSWORD) == (True, None)
    assert user.last_login_at is not None


def test_a_current_hash_is_kept(auth, make_user):
    user = make_user(email="current@example.org")
    before = user.password_hash

    auth.login("current@example.org")

    db.session.refresh(user)
    assert user.password_hash == before


def test_the_account_page_asks_anonymous_visitors_to_sign_in_and_brings_them_back(client, submit, make_user):
    make_user(email="back@example.org")

    bounced = client.get("/account/tokens")
    assert bounced.status_code == 302 and "/account/login?next=" in bounced.headers["Location"]

    response = submit("/account/login?next=/account/tokens", email="back@example.org", password=PASSWORD)
    assert response.headers["Location"] == "/account/tokens"


def test_next_never_leads_off_the_site(client, submit, auth, make_user):
    make_user(email="phish@example.org")
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"):
        response = submit(f"/account/login?next={target}", email="phish@example.org", password=PASSWORD)
        assert response.status_code == 302
        assert response.headers["Location"] == "/account/", target
        auth.logout()


def test_signing_out_ends_the_session(client, auth, make_user):
    make_user(email="leaving@example.org")
    auth.login("leaving@example.org")

    response = auth.logout()

    assert response.status_code == 302
    assert client.get("/account/").status_code == 302
    assert "ออกจากระบบแล้ว" in text_of(client.get("/"))
