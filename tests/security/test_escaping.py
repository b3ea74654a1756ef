"""Everything a user typed is escaped wherever it is shown: a <script> in every text field stays text."""
from directory.extensions import db
from directory.models import OrganisationStatus
from tests.account.test_edit_organisation import edit_url, form_of, post
from tests.conftest import form_token

PAYLOAD = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"
TEXT_FIELDS = ("name_th", "name_en", "description_th", "description_en", "address", "phone", "line_id",
               "target_groups")


def pages_showing(client, organisation, staff):
    """Every page that shows the organisation's or the people's text, to the public and to staff."""
    public_urls = [f"/organisations/{organisation.public_id}", f"/organisations/{organisation.public_id}?lang=en",
                   "/organisations?q=script", f"/provinces/{organisation.province_code}"]
    pages = {url: client.get(url, follow_redirects=True) for url in public_urls}
    client.post("/account/logout", data={"csrf_token": form_token(client, "/account/")})
    client.post("/account/login", data={"email": staff.email, "password": "correct horse battery staple",
                                        "csrf_token": form_token(client, "/account/login")})
    for url in (f"/staff/organisations/{organisation.public_id}",
                f"/staff/organisations/{organisation.public_id}/history",
                "/staff/claims", "/staff/users", "/staff/organisations?q=script"):
        pages[url] = client.get(url)
    return pages


def test_script_in_every_text_field_is_shown_as_text(client, auth, make_organisation, make_user):
    organisation = make_organisation(status=OrganisationStatus.PUBLISHED, name_en="Script Test Group")
    editor = make_user(editor_of=[organisation], display_name=PAYLOAD)
    staff = make_user(role="staff")
    claimant = make_user(display_name=PAYLOAD)
    auth.login(claimant.email)
    claim = client.post(f"/account/organisations/{organisation.public_id}/claim", data={
        "csrf_token": form_token(client, f"/account/organisations/{organisation.public_id}/claim"),
        "justification": PAYLOAD, "contact_name": PAYLOAD, "contact_detail": PAYLOAD})
    assert claim.status_code in (302, 303)
    auth.logout()
    auth.login(editor.email)
    form = form_of(client.get(edit_url(organisation)))
    edited = post(client, organisation, form, **{field: PAYLOAD for field in TEXT_FIELDS})
    assert edited.status_code in (302, 303), edited.get_data(as_text=True)[:500]
    db.session.expire_all()
    assert organisation.description_th == PAYLOAD  # stored as typed: escaping is the page's job

    pages = pages_showing(client, organisation, staff)

    for url, response in pages.items():
        assert response.status_code == 200, url
        html = response.get_data(as_text=True)
        assert PAYLOAD not in html, f"unescaped script on {url}"
    for url in (f"/organisations/{organisation.public_id}", f"/staff/organisations/{organisation.public_id}/history",
                "/staff/claims", "/staff/users"):
        assert ESCAPED in pages[url].get_data(as_text=True), f"the text itself is missing on {url}"
