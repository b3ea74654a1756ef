"""Every HTML form that changes data refuses a post without the CSRF token, and changes nothing."""
from directory.extensions import db
from tests.security.test_access_control import FORM_VALUES, snapshot, url_for_rule, world, write_rules  # noqa: F401


def test_every_html_write_route_refuses_a_post_without_the_token(app, client, auth, make_user, world):  # noqa: F811
    staff = make_user(role="admin")
    auth.login(staff.email)
    before = snapshot()
    refused = []
    for rule in write_rules(app):
        if rule.rule.startswith("/api/"):
            continue
        url = url_for_rule(rule, world["arguments"])
        response = client.post(url, data=FORM_VALUES)
        assert response.status_code == 400, f"POST {url} without a CSRF token answered {response.status_code}"
        refused.append(url)
    assert len(refused) >= 15
    db.session.expire_all()
    assert snapshot() == before


def test_the_api_refuses_a_cookie_caller_without_the_token(client, auth, make_user, make_organisation):
    organisation = make_organisation()
    editor = make_user(editor_of=[organisation])
    auth.login(editor.email)
    response = client.patch(f"/api/v1/organisations/{organisation.public_id}",
                            json={"version": organisation.version, "name_en": "Changed"})
    assert response.status_code == 400
    assert response.is_json
    db.session.expire_all()
    assert organisation.name_en != "Changed"
