"""Sign-up, the verification mail and its link."""
import sqlalchemy as sa

from directory.extensions import db
from directory.models import User
from tests.account.conftest import main_of, path_of, text_of
from tests.conftest import PASSWORD, form_token


def users_with(email):
    return db.session.scalars(sa.select(User).where(User.email == email)).all()


def test_sign_up_mails_a_link_that_verifies_the_email(client, submit, mailbox):
    response = submit("/account/sign-up", email="Somchai@Example.org", password=PASSWORD, display_name="สมชาย ใจดี")

    assert response.status_code == 200
    assert "ตรวจสอบอีเมลของคุณ" in text_of(response)
    [user] = users_with("somchai@example.org")
    assert user.display_name == "สมชาย ใจดี" and not user.is_verified and user.role.value == "member"
    message = mailbox.last(to="somchai@example.org")
    assert message["Subject"] == "ยืนยันอีเมลของคุณ / Please verify your email address"
    body = message.get_content()
    assert body.index("สวัสดีคุณ สมชาย ใจดี") < body.index("Hello สมชาย ใจดี")
    [link] = set(mailbox.links(message))

    verified = client.get(path_of(link))

    assert verified.status_code == 302 and verified.headers["Location"].endswith("/account/login")
    db.session.refresh(user)
    assert user.is_verified


def test_a_taken_email_gets_the_same_page_and_its_owner_a_mail(client, submit, make_user, mailbox):
    owner = make_user(email="owner@example.org", display_name="Owner")
    password_before = owner.password_hash

    taken = submit("/account/sign-up", email="OWNER@example.org", password="another good passphrase",
                   display_name="Intruder")
    fresh = submit("/account/sign-up", email="NEWCOMER@example.org", password="another good passphrase",
                   display_name="Intruder")

    assert taken.status_code == fresh.status_code == 200
    assert (main_of(taken).replace("OWNER@example.org", "EMAIL")
            == main_of(fresh).replace("NEWCOMER@example.org", "EMAIL"))
    assert len(users_with("owner@example.org")) == 1
    db.session.refresh(owner)
    assert owner.password_hash == password_before and owner.display_name == "Owner"
    notice = mailbox.last(to="owner@example.org")
    assert notice["Subject"].startswith("มีบัญชีของอีเมลนี้อยู่แล้ว")
    assert any(link.endswith("/account/login") for link in mailbox.links(notice))
    assert mailbox.last(to="newcomer@example.org")["Subject"].startswith("ยืนยันอีเมล")


def test_weak_passwords_are_refused_with_a_reason_in_thai(client, submit, mailbox):
    reasons = {
        "short pw": "รหัสผ่านนี้สั้นเกินไป",
        "qwertyuiop": "รหัสผ่านนี้ใช้กันทั่วไปเกินไป",
        "ratchanee.k": "รหัสผ่านต้องไม่เหมือนชื่อในอีเมลของคุณ",
    }
    for password, reason in reasons.items():
        response = submit("/account/sign-up", email="ratchanee.k@example.org", password=password, display_name="R")
        assert response.status_code == 400
        assert reason in text_of(response)
        assert 'value="ratchanee.k@example.org"' in response.get_data(as_text=True)
        assert password not in response.get_data(as_text=True).replace('value="ratchanee.k@example.org"', "")
    assert users_with("ratchanee.k@example.org") == []
    assert mailbox.messages() == []


def test_the_reasons_are_in_english_on_the_english_page(client, mailbox):
    token = form_token(client, "/account/sign-up?lang=en")
    response = client.post("/account/sign-up?lang=en", data={
        "email": "", "password": "1234567890", "display_name": "", "csrf_token": token})

    page = text_of(response)
    assert response.status_code == 400
    assert "This password is too common. Please choose another." in page
    assert "Please fill in this field." in page


def test_a_field_the_form_does_not_have_is_refused(client, submit):
    response = submit("/account/sign-up", email="sneaky@example.org", password=PASSWORD, display_name="S", role="admin")

    assert response.status_code == 400
    assert users_with("sneaky@example.org") == []


def test_a_tampered_or_expired_verification_link_shows_a_clear_page(app, client, submit, mailbox):
    submit("/account/sign-up", email="late@example.org", password=PASSWORD, display_name="Late")
    [link] = set(mailbox.links(mailbox.last(to="late@example.org")))

    tampered = client.get(path_of(link)[:-3] + "abc")
    app.config["EMAIL_VERIFICATION_MAX_AGE"] = -1
    expired = client.get(path_of(link))

    for response in (tampered, expired):
        assert response.status_code == 400
        assert "ลิงก์นี้ใช้ไม่ได้" in text_of(response)
    [user] = users_with("late@example.org")
    assert not user.is_verified


def test_a_verification_link_for_a_changed_email_is_refused(client, submit, mailbox):
    submit("/account/sign-up", email="old@example.org", password=PASSWORD, display_name="Mover")
    [link] = set(mailbox.links(mailbox.last(to="old@example.org")))
    [user] = users_with("old@example.org")
    user.email = "new@example.org"
    db.session.commit()

    assert client.get(path_of(link)).status_code == 400
    db.session.refresh(user)
    assert not user.is_verified


def test_unverified_people_may_sign_in_are_told_to_verify_and_can_ask_again(client, auth, make_user, mailbox):
    user = make_user(email="unverified@example.org", verified=False)
    auth.login("unverified@example.org")

    home = client.get("/account/")
    assert "ก่อนจึงจะขอเป็นผู้แก้ไขหรือลงทะเบียนองค์กรได้" in text_of(home)

    resent = client.post("/account/verify/resend", data={"csrf_token": form_token(client, "/account/")})
    assert resent.status_code == 302
    [link] = set(mailbox.links(mailbox.last(to="unverified@example.org")))
    assert client.get(path_of(link)).headers["Location"].endswith("/account/")
    db.session.refresh(user)
    assert user.is_verified
    assert "ก่อนจึงจะขอเป็นผู้แก้ไขหรือลงทะเบียนองค์กรได้" not in text_of(client.get("/account/"))


def test_signed_in_people_are_sent_from_sign_up_to_their_account(client, auth, make_user):
    make_user(email="member@example.org")
    auth.login("member@example.org")

    assert client.get("/account/sign-up").headers["Location"].endswith("/account/")


def test_asking_for_a_new_link_needs_a_signed_in_person(client):
    response = client.post("/account/verify/resend", data={"csrf_token": form_token(client, "/account/login")})

    assert response.status_code == 302 and "/account/login" in response.headers["Location"]
