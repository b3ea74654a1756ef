"""The back office's user list: roles (admins only), deactivation that signs the person out, refusals shown."""
import re

import pytest

from directory.extensions import db
from directory.models import User, UserRole
from tests.conftest import AuthActions, form_token
from tests.staff.conftest import get_page, post, text_of


def reload(user):
    db.session.expire_all()
    return db.session.get(User, user.id)


def row_of(page, user):
    start = page.index(f'id="user-{user.id}"')
    return page[start:page.index("</tr>", start)]


def cells(row):
    return [text_of(cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)]


# -- who may come in ------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["member", "editor"])
def test_members_and_editors_are_refused(client, auth, make_user, make_organisation, who):
    target = make_user()
    user = make_user(editor_of=[make_organisation()] if who == "editor" else [])
    auth.login(user.email)
    token = form_token(client, "/account/")

    assert client.get("/staff/users").status_code == 403
    assert client.post(f"/staff/users/{target.id}/role", data={"role": "admin", "csrf_token": token}).status_code == 403
    assert client.post(f"/staff/users/{target.id}/active", data={"active": "0", "csrf_token": token}).status_code == 403
    target = reload(target)
    assert (target.role, target.is_active) == (UserRole.MEMBER, True)


def test_anonymous_visitors_are_sent_to_sign_in(client, make_user):
    target = make_user()
    token = form_token(client, "/account/login")
    for method, url, form in [("GET", "/staff/users", None),
                              ("POST", f"/staff/users/{target.id}/role", {"role": "admin"}),
                              ("POST", f"/staff/users/{target.id}/active", {"active": "0"})]:
        response = client.open(url, method=method, data={**form, "csrf_token": token} if form else None)
        assert response.status_code == 302 and "/account/login" in response.headers["Location"], url
    assert reload(target).role is UserRole.MEMBER


# -- the list -------------------------------------------------------------------------------------

def test_list_shows_role_state_and_organisation_count(client, make_user, make_organisation, signed_in):
    signed_in("staff")
    editor = make_user(email="editor@example.org", display_name="Editor Malee",
                       editor_of=[make_organisation(), make_organisation()])
    unverified = make_user(email="new@example.org", verified=False)

    page = get_page(client, "/staff/users")

    email, name, role, active, confirmed, organisations = cells(row_of(page, editor))
    assert (email, name, role, confirmed, organisations) == ("editor@example.org", "Editor Malee", "สมาชิก", "ใช่", "2")
    assert active.startswith("ใช่")
    assert cells(row_of(page, unverified))[4:] == ["ไม่ใช่", "0"]


def test_list_filters_by_role_and_text(client, make_user, signed_in):
    signed_in("staff")
    make_user(email="somchai@example.org")
    make_user(email="admin.dao@example.org", role="admin")

    def emails(url):
        return re.findall(r'<tr id="user-\d+">\s*<td>([^<]+)</td>', get_page(client, url))

    assert emails("/staff/users?role=admin") == ["admin.dao@example.org"]
    assert emails("/staff/users?q=somchai") == ["somchai@example.org"]
    assert emails("/staff/users?q=dao&role=member") == []
    get_page(client, "/staff/users?role=owner", status=400)


def test_staff_do_not_see_role_forms(client, make_user, signed_in):
    signed_in("staff")
    member = make_user()
    page = get_page(client, "/staff/users")
    assert f'action="/staff/users/{member.id}/role"' not in page
    assert f'action="/staff/users/{member.id}/active"' in page


# -- roles ----------------------------------------------------------------------------------------

def test_an_admin_changes_a_role(client, make_user, signed_in):
    signed_in("admin")
    member = make_user()

    response = post(client, f"/staff/users/{member.id}/role", role="staff", next="/staff/users?role=member")

    assert response.status_code == 303 and response.headers["Location"].endswith("/staff/users?role=member")
    assert reload(member).role is UserRole.STAFF
    assert f"{member.email} ตอนนี้เป็น: เจ้าหน้าที่" in text_of(get_page(client, "/staff/users"))


def test_staff_may_not_change_roles(client, make_user, signed_in):
    signed_in("staff")
    member = make_user()
    response = post(client, f"/staff/users/{member.id}/role", role="admin")
    assert response.status_code == 403
    assert "Only administrators may change roles." in text_of(response.get_data(as_text=True))
    assert reload(member).role is UserRole.MEMBER


def test_an_admin_cannot_demote_themselves(client, signed_in):
    admin = signed_in("admin")
    response = post(client, f"/staff/users/{admin.id}/role", role="member")
    assert response.status_code == 303
    assert "คุณไม่สามารถถอนบทบาทผู้ดูแลระบบของตัวเองได้" in text_of(get_page(client, "/staff/users"))
    assert reload(admin).role is UserRole.ADMIN


def test_an_unknown_role_is_a_400(client, make_user, signed_in):
    signed_in("admin")
    member = make_user()
    assert post(client, f"/staff/users/{member.id}/role", role="owner").status_code == 400
    assert reload(member).role is UserRole.MEMBER


# -- deactivation ---------------------------------------------------------------------------------

def test_deactivating_signs_the_person_out(app, client, make_user, signed_in):
    member = make_user()
    their_client = app.test_client()
    AuthActions(their_client).login(member.email)
    assert their_client.get("/account/").status_code == 200
    signed_in("staff")

    response = post(client, f"/staff/users/{member.id}/active", active="0")

    assert response.status_code == 303
    assert not reload(member).is_active
    signed_out = their_client.get("/account/")
    assert signed_out.status_code == 302 and "/account/login" in signed_out.headers["Location"]

    post(client, f"/staff/users/{member.id}/active", active="1")
    assert reload(member).is_active


def test_staff_may_not_deactivate_other_staff_or_admins(client, make_user, signed_in):
    signed_in("staff")
    admin, colleague = make_user(role="admin"), make_user(role="staff")
    for user in (admin, colleague):
        response = post(client, f"/staff/users/{user.id}/active", active="0")
        assert response.status_code == 303
        assert "เฉพาะผู้ดูแลระบบเท่านั้นที่เปลี่ยนบทบาทหรือบัญชีของเจ้าหน้าที่ได้" in text_of(
            get_page(client, "/staff/users"))
    assert reload(admin).is_active and reload(colleague).is_active


def test_nobody_deactivates_themselves(client, signed_in):
    admin = signed_in("admin")
    post(client, f"/staff/users/{admin.id}/active", active="0")
    assert "คุณไม่สามารถปิดบัญชีของตัวเองได้" in text_of(get_page(client, "/staff/users"))
    assert reload(admin).is_active


def test_an_unknown_account_state_is_a_400(client, make_user, signed_in):
    signed_in("staff")
    member = make_user()
    assert post(client, f"/staff/users/{member.id}/active", active="maybe").status_code == 400
    assert reload(member).is_active
