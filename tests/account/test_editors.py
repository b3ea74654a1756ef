"""An organisation's editors page: listing, inviting by mail, accepting, removing; and who may do it."""
import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import OrganisationMembership, OrganisationStatus
from tests.account.conftest import path_of, text_of
from tests.conftest import form_token


def editors_url(organisation):
    return f"/account/organisations/{organisation.public_id}/editors"


def editor_ids(organisation):
    db.session.expire_all()
    return set(db.session.scalars(sa.select(OrganisationMembership.user_id)
                                  .where(OrganisationMembership.organisation_id == organisation.id)))


@pytest.fixture
def invite(client):
    """invite(organisation, email): post the invitation form as the signed-in person."""

    def post(organisation, email):
        token = form_token(client, editors_url(organisation))
        return client.post(f"{editors_url(organisation)}/invite", data={"email": email, "csrf_token": token})

    return post


def remove(client, organisation, user):
    token = form_token(client, "/account/")
    return client.post(f"{editors_url(organisation)}/{user.id}/remove", data={"csrf_token": token})


def test_an_editor_sees_the_editors(client, auth, make_organisation, make_user):
    organisation = make_organisation()
    editor = make_user(display_name="สมชาย ใจดี", editor_of=[organisation])
    make_user(display_name="สมหญิง รักงาน", editor_of=[organisation])
    make_user(display_name="Not An Editor")
    auth.login(editor.email)
    page = client.get(editors_url(organisation))
    assert page.status_code == 200
    text = text_of(page)
    assert "สมชาย ใจดี" in text and "สมหญิง รักงาน" in text and "Not An Editor" not in text


def test_staff_see_any_organisations_editors(client, auth, make_organisation, make_user):
    organisation = make_organisation(status=OrganisationStatus.DRAFT)
    make_user(display_name="สมชาย ใจดี", editor_of=[organisation])
    auth.login(make_user(role="staff").email)
    page = client.get(editors_url(organisation))
    assert page.status_code == 200 and "สมชาย ใจดี" in text_of(page)


def test_the_invitation_flow_from_mail_to_membership(client, auth, invite, make_organisation, make_user, mailbox):
    organisation = make_organisation(name_th="สมาคมคนรักป่า")
    editor = make_user(editor_of=[organisation])
    invited = make_user(email="invited@example.org", display_name="คนใหม่")
    auth.login(editor.email)
    response = invite(organisation, "Invited@Example.org")
    assert response.status_code == 302 and response.headers["Location"] == editors_url(organisation)
    assert "invited@example.org" in text_of(client.get(editors_url(organisation)))  # the flash says so
    message = mailbox.last(to="invited@example.org")
    [link] = {link for link in mailbox.links(message) if "/account/invitations/" in link}
    assert "สมาคมคนรักป่า" in message.get_content()

    auth.logout()
    auth.login(invited.email)
    page = client.get(path_of(link))
    assert page.status_code == 200 and "สมาคมคนรักป่า" in text_of(page)
    assert editor_ids(organisation) == {editor.id}  # opening the link is not accepting it
    response = client.post(path_of(link), data={"csrf_token": form_token(client, path_of(link))})
    assert response.status_code == 302 and response.headers["Location"] == editors_url(organisation)
    assert editor_ids(organisation) == {editor.id, invited.id}
    membership = db.session.scalar(sa.select(OrganisationMembership).filter_by(user_id=invited.id))
    assert membership.added_by_id == editor.id
    again = client.get(path_of(link))
    assert again.status_code == 200 and "คุณเป็นผู้แก้ไขข้อมูลองค์กรนี้อยู่แล้ว" in text_of(again)


def test_an_invitation_for_another_address_is_refused(client, auth, invite, make_organisation, make_user, mailbox):
    organisation = make_organisation()
    editor = make_user(editor_of=[organisation])
    someone_else = make_user(email="someone.else@example.org")
    auth.login(editor.email)
    invite(organisation, "invited@example.org")
    [link] = {link for link in mailbox.links(mailbox.last(to="invited@example.org")) if "/invitations/" in link}
    auth.logout()
    auth.login(someone_else.email)
    page = client.get(path_of(link))
    assert page.status_code == 403 and "คำเชิญนี้ส่งถึงอีเมลอื่น" in text_of(page)
    token = form_token(client, "/account/")
    assert client.post(path_of(link), data={"csrf_token": token}).status_code == 403
    assert editor_ids(organisation) == {editor.id}


@pytest.mark.parametrize("tamper", [
    lambda token: token[:-4] + "AAAA",
    lambda token: "garbage",
    lambda token: token[5:],
])
def test_a_tampered_invitation_gets_a_clear_page(client, auth, invite, make_organisation, make_user, mailbox, tamper):
    organisation = make_organisation()
    editor = make_user(editor_of=[organisation])
    invited = make_user(email="invited@example.org")
    auth.login(editor.email)
    invite(organisation, invited.email)
    [link] = {link for link in mailbox.links(mailbox.last(to=invited.email)) if "/invitations/" in link}
    token = link.rsplit("/", 1)[1]
    auth.logout()
    auth.login(invited.email)
    page = client.get(f"/account/invitations/{tamper(token)}")
    assert page.status_code == 400 and "ลิงก์คำเชิญนี้ใช้ไม่ได้" in text_of(page)
    assert editor_ids(organisation) == {editor.id}


def test_an_expired_invitation_gets_a_clear_page(app, client, auth, invite, make_organisation, make_user, mailbox):
    organisation = make_organisation()
    editor = make_user(editor_of=[organisation])
    invited = make_user(email="invited@example.org")
    auth.login(editor.email)
    invite(organisation, invited.email)
    [link] = {link for link in mailbox.links(mailbox.last(to=invited.email)) if "/invitations/" in link}
    auth.logout()
    auth.login(invited.email)
    app.config["INVITATION_MAX_AGE"] = -1  # every link is older than that
    page = client.get(path_of(link))
    assert page.status_code == 400 and "ลิงก์คำเชิญนี้ใช้ไม่ได้" in text_of(page)
    assert editor_ids(organisation) == {editor.id}


def test_invitation_form_errors_are_shown_with_status_400(client, auth, invite, make_organisation, make_user,
                                                          mailbox):
    organisation = make_organisation()
    auth.login(make_user(editor_of=[organisation]).email)
    response = invite(organisation, "not an address")
    assert response.status_code == 400 and 'id="email-errors"' in response.get_data(as_text=True)
    assert mailbox.messages() == []


def test_an_editor_removes_another_editor(client, auth, make_organisation, make_user):
    organisation = make_organisation()
    editor, other = make_user(editor_of=[organisation]), make_user(editor_of=[organisation])
    auth.login(editor.email)
    response = remove(client, organisation, other)
    assert response.status_code == 302 and response.headers["Location"] == editors_url(organisation)
    assert editor_ids(organisation) == {editor.id}


def test_the_last_editor_cannot_remove_themselves(client, auth, make_organisation, make_user):
    organisation = make_organisation()
    editor = make_user(editor_of=[organisation])
    auth.login(editor.email)
    response = remove(client, organisation, editor)
    assert response.status_code == 409 and "ไม่สามารถนำผู้แก้ไขคนสุดท้ายออกได้" in text_of(response)
    assert editor_ids(organisation) == {editor.id}


def test_an_editor_who_leaves_goes_back_to_their_account(client, auth, make_organisation, make_user):
    organisation = make_organisation()
    editor, other = make_user(editor_of=[organisation]), make_user(editor_of=[organisation])
    auth.login(editor.email)
    response = remove(client, organisation, editor)
    assert response.status_code == 302 and response.headers["Location"] == "/account/"
    assert editor_ids(organisation) == {other.id}
    assert client.get(editors_url(organisation)).status_code == 404


def test_removing_without_a_csrf_token_changes_nothing(client, auth, make_organisation, make_user):
    organisation = make_organisation()
    editor, other = make_user(editor_of=[organisation]), make_user(editor_of=[organisation])
    auth.login(editor.email)
    assert client.post(f"{editors_url(organisation)}/{other.id}/remove").status_code == 400
    assert client.post(f"{editors_url(organisation)}/invite", data={"email": "x@example.org"}).status_code == 400
    assert editor_ids(organisation) == {editor.id, other.id}


def test_an_editor_of_one_organisation_cannot_touch_anothers_editors(client, auth, invite, make_organisation,
                                                                     make_user, mailbox):
    mine, theirs = make_organisation(), make_organisation(status=OrganisationStatus.DRAFT)
    me, them = make_user(editor_of=[mine]), make_user(editor_of=[theirs])
    auth.login(me.email)
    assert client.get(editors_url(theirs)).status_code == 404
    token = form_token(client, editors_url(mine))
    assert client.post(f"{editors_url(theirs)}/invite", data={"email": "x@example.org", "csrf_token": token}
                       ).status_code == 404
    assert client.post(f"{editors_url(theirs)}/{them.id}/remove", data={"csrf_token": token}).status_code == 404
    # An editor of mine cannot be removed through theirs, nor theirs through mine.
    assert client.post(f"{editors_url(mine)}/{them.id}/remove", data={"csrf_token": token}).status_code == 404
    assert editor_ids(theirs) == {them.id} and editor_ids(mine) == {me.id}
    assert mailbox.messages() == []


def test_signed_out_visitors_are_sent_to_sign_in(client, make_organisation, make_user):
    organisation = make_organisation()
    make_user(editor_of=[organisation])
    for url in (editors_url(organisation), "/account/invitations/anything"):
        response = client.get(url)
        assert response.status_code == 302 and "/account/login" in response.headers["Location"]
