"""The edit form: what editors see, what they change, and what the public then sees."""
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from directory.extensions import db
from directory.models import OrganisationRevision, OrganisationStatus
from directory.schemas.organisations.edit import OrganisationEditSchema
from directory.services.organisations.logos import MAX_LOGO_SIDE, is_logo_filename, logo_folder
from directory.services.organisations.profile_edits import edit_organisation_profile
from directory.services.places.gazetteer import gazetteer
from tests.account.conftest import text_of


class FormFields(HTMLParser):
    """The fields a browser would submit from the page's edit form (no file chosen)."""

    def __init__(self, page):
        super().__init__()
        self.fields, self._select, self._textarea, self._in_form = [], None, None, False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("enctype") == "multipart/form-data":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and attrs.get("type") not in ("file", "submit"):
            if attrs.get("type") != "checkbox" or "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value", "")))
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def form_of(response):
    fields = {}
    for name, value in FormFields(response.get_data(as_text=True)).fields:
        fields.setdefault(name, []).append(value)
    return fields


@pytest.fixture
def organisation(make_organisation):
    return make_organisation(name_th="ชมรมผู้สูงอายุละงู", name_en="La-ngu Elders Club", province="สตูล",
                             district="ละงู", issue_areas=["elderly-care"], phone="074 000 000")


@pytest.fixture
def editor(make_user, organisation, auth):
    user = make_user(editor_of=[organisation])
    auth.login(user.email)
    return user


def edit_url(organisation):
    return f"/account/organisations/{organisation.public_id}/edit"


def post(client, organisation, form, **changes):
    """Post the form as multipart, encoded in memory (the test client spools big bodies to a
    temporary file it never closes)."""
    data = MultiDict({name: FileStorage(value[0], value[1], content_type="image/png") if isinstance(value, tuple)
                      else value for name, value in {**form, **changes}.items()})
    boundary, body = encode_multipart(data)
    return client.post(edit_url(organisation), data=body, content_type=f"multipart/form-data; boundary={boundary}")


def revisions_of(organisation):
    return db.session.scalars(sa.select(OrganisationRevision).where(
        OrganisationRevision.organisation_id == organisation.id)).all()


def png(size=(900, 300), format="PNG"):
    output = BytesIO()
    Image.new("RGB", size, (0, 90, 160)).save(output, format=format)
    return output.getvalue()


def test_the_form_shows_the_profile(client, organisation, editor):
    response = client.get(edit_url(organisation))
    assert response.status_code == 200
    form = form_of(response)
    assert form["name_th"] == ["ชมรมผู้สูงอายุละงู"] and form["phone"] == ["074 000 000"]
    assert form["province"] == ["91"] and form["district"] == [organisation.district_code]
    assert form["issue_areas"] == ["elderly-care"] and form["version"] == [str(organisation.version)]
    assert form["latitude"] == [""]  # the district's centre is shown as "no position of its own"
    page = response.get_data(as_text=True)
    assert page.count("<optgroup") == 77 and 'type="file"' in page and 'enctype="multipart/form-data"' in page


def test_saving_the_form_unchanged_changes_nothing(client, organisation, editor):
    version, count = organisation.version, len(revisions_of(organisation))
    response = post(client, organisation, form_of(client.get(edit_url(organisation))))
    assert response.status_code == 302
    db.session.expire_all()
    assert organisation.version == version and len(revisions_of(organisation)) == count


def test_an_editor_changes_the_profile_and_the_public_sees_it(client, organisation, editor):
    form = form_of(client.get(edit_url(organisation)))
    centre = gazetteer().district("ท่าแพ", "91")
    response = post(client, organisation, form, name_en="La-ngu Seniors' Club", issue_areas=["elderly-care",
                    "health-promotion"], district=centre.code, target_groups="ผู้สูงอายุ\r\n\r\nผู้ดูแล\r\n",
                    email="club@example.org", founded_year="2545")
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"/organisations/{organisation.public_id}")
    page = client.get(response.headers["Location"], follow_redirects=True)
    assert "La-ngu Seniors&#39; Club" in page.get_data(as_text=True)
    assert "club@example.org" in text_of(page) and "ผู้ดูแล" in text_of(page)
    body = client.get(f"/api/v1/organisations/{organisation.public_id}").get_json()
    assert body["name_en"] == "La-ngu Seniors' Club" and body["founded_year"] == 2002
    assert body["district"]["code"] == centre.code
    assert (body["latitude"], body["longitude"]) == (centre.latitude, centre.longitude)
    assert body["target_groups"] == ["ผู้สูงอายุ", "ผู้ดูแล"]
    assert {area["slug"] for area in body["issue_areas"]} == {"elderly-care", "health-promotion"}


def test_a_buddhist_era_founded_year_comes_back_as_typed(client, organisation, editor):
    """Typed as 2553 on the Thai form, stored as 2010: the Thai form shows 2553 again, the English one 2010."""
    post(client, organisation, form_of(client.get(edit_url(organisation))), founded_year="2553")
    db.session.refresh(organisation)
    assert organisation.founded_year == 2010
    assert form_of(client.get(edit_url(organisation)))["founded_year"] == ["2553"]
    assert form_of(client.get(edit_url(organisation) + "?lang=en"))["founded_year"] == ["2010"]
    version = organisation.version
    response = post(client, organisation, form_of(client.get(edit_url(organisation))))  # saved again, unchanged
    assert response.status_code == 302
    db.session.refresh(organisation)
    assert (organisation.founded_year, organisation.version) == (2010, version)


def test_unticking_every_issue_area_clears_them(client, organisation, editor):
    form = form_of(client.get(edit_url(organisation)))
    del form["issue_areas"]
    assert post(client, organisation, form).status_code == 302
    db.session.expire_all()
    assert organisation.issue_areas == []


def test_the_profile_shows_when_it_was_last_updated(client, organisation, editor):
    page = text_of(client.get(f"/organisations/{organisation.public_id}?lang=th"))
    assert "ปรับปรุงข้อมูลล่าสุด" in page and f"{organisation.updated_at.year + 543}" in page


def test_a_draft_goes_back_to_its_form(client, make_organisation, make_user, auth):
    draft = make_organisation(status=OrganisationStatus.DRAFT)
    auth.login(make_user(editor_of=[draft]).email)
    response = post(client, draft, form_of(client.get(edit_url(draft))), name_en="Renamed draft")
    assert response.status_code == 302 and response.headers["Location"] == edit_url(draft)
    assert "Renamed draft" in client.get(edit_url(draft)).get_data(as_text=True)


def test_mistakes_are_shown_beside_the_fields_and_nothing_changes(client, organisation, editor):
    form = form_of(client.get(edit_url(organisation)))
    response = post(client, organisation, form, name_th="", website="javascript:alert(1)", latitude="1.0",
                    longitude="100", status="published")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    for field in ("name_th", "website", "latitude", "status"):
        assert f'id="{field}-errors"' in page or field == "status"
    assert 'value="javascript:alert(1)"' in page  # what was typed is shown again (escaped), to correct
    db.session.expire_all()
    assert organisation.name_th == "ชมรมผู้สูงอายุละงู"


def test_someone_elses_save_in_between_is_not_overwritten(client, organisation, editor, make_user):
    form = form_of(client.get(edit_url(organisation)))
    staff = make_user(role="staff")
    values = OrganisationEditSchema(organisation).load({"version": organisation.version, "phone": "099 999 9999"})
    edit_organisation_profile(organisation, values, editor=staff, expected_version=values.pop("version"))
    db.session.commit()

    response = post(client, organisation, form, phone="074 111 111", name_en="My change")
    assert response.status_code == 409
    assert 'value="099 999 9999"' in response.get_data(as_text=True)  # the other person's current values
    assert form_of(response)["version"] == [str(organisation.version)]
    assert "มีผู้อื่นบันทึกข้อมูลองค์กรนี้หลังจากที่คุณเริ่มแก้ไข" in text_of(response)
    db.session.expire_all()
    assert organisation.phone == "099 999 9999" and organisation.name_en == "La-ngu Elders Club"


def test_the_stale_message_is_clear_in_english(client, organisation, editor, make_user):
    client.get("/?lang=en")
    form = form_of(client.get(edit_url(organisation)))
    values = OrganisationEditSchema(organisation).load({"version": organisation.version, "phone": "1"})
    edit_organisation_profile(organisation, values, editor=make_user(role="staff"),
                              expected_version=values.pop("version"))
    db.session.commit()
    response = post(client, organisation, form, phone="2")
    assert "Someone else saved this organisation after you started editing." in text_of(response)


def test_a_logo_is_uploaded_reencoded_and_shown(client, organisation, editor):
    form = form_of(client.get(edit_url(organisation)))
    upload = png()
    response = post(client, organisation, form, logo=(BytesIO(upload), "../../evil name.png"))
    assert response.status_code == 302
    db.session.expire_all()
    name = organisation.logo_filename
    assert is_logo_filename(name) and "evil" not in name
    stored = (logo_folder() / name).read_bytes()
    assert stored != upload
    image = Image.open(BytesIO(stored))
    assert image.format == "WEBP" and max(image.size) <= MAX_LOGO_SIDE

    served = client.get(f"/media/logos/{name}")
    assert served.status_code == 200 and served.data == stored
    assert served.headers["Content-Type"] == "image/webp"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    served.close()
    profile = client.get(f"/organisations/{organisation.public_id}").get_data(as_text=True)
    assert f'src="/media/logos/{name}"' in profile and 'alt="' in profile.split(name)[1][:200]


@pytest.mark.parametrize("content", [png(format="GIF"), b"<html><script>alert(1)</script></html>"])
def test_a_file_named_png_that_is_not_an_image_we_take_is_refused(client, organisation, editor, content):
    client.get("/?lang=en")
    form = form_of(client.get(edit_url(organisation)))
    response = post(client, organisation, form, logo=(BytesIO(content), "logo.png"), name_en="Not saved")
    assert response.status_code == 400
    assert "The logo must be a PNG, JPEG or WebP image." in text_of(response)
    db.session.expire_all()
    assert organisation.logo_filename is None and organisation.name_en == "La-ngu Elders Club"
    assert not logo_folder().exists() or list(logo_folder().iterdir()) == []


def test_a_logo_over_2_mb_is_refused_with_a_clear_message(client, organisation, editor):
    form = form_of(client.get(edit_url(organisation)))
    response = post(client, organisation, form, logo=(BytesIO(b"\x89PNG" + b"\0" * (2 * 1024 * 1024)), "big.png"))
    assert response.status_code == 400
    assert "โลโก้ต้องมีขนาดไม่เกิน 2 MB" in text_of(response)


def test_removing_the_logo_keeps_its_file_for_the_history(client, organisation, editor):
    post(client, organisation, form_of(client.get(edit_url(organisation))), logo=(BytesIO(png()), "a.png"))
    db.session.expire_all()
    old = organisation.logo_filename
    form = form_of(client.get(edit_url(organisation)))
    assert "remove_logo" not in form
    assert post(client, organisation, form, remove_logo="1").status_code == 302
    db.session.expire_all()
    assert organisation.logo_filename is None and (logo_folder() / old).exists()
    with client.get(f"/media/logos/{old}") as response:
        assert response.status_code == 200  # a revert can show it again


@pytest.mark.parametrize("name", ["../secrets.webp", "x.html", "0" * 32 + ".svg", "0" * 32 + ".webp"])
def test_only_our_logo_names_are_served(client, app, name):
    Path(app.config["UPLOAD_DIR"], "secrets.webp").parent.mkdir(parents=True, exist_ok=True)
    Path(app.config["UPLOAD_DIR"], "secrets.webp").write_bytes(b"secret")
    assert client.get(f"/media/logos/{name}").status_code == 404


def test_people_who_may_not_edit_are_refused(client, organisation, make_organisation, make_user, auth):
    draft = make_organisation(status=OrganisationStatus.DRAFT)
    assert client.get(edit_url(organisation)).status_code == 302  # to sign in
    auth.login(make_user().email)
    assert client.get(edit_url(organisation)).status_code == 403  # published: its existence is public
    assert client.get(edit_url(draft)).status_code == 404  # a draft is not revealed
    assert client.get("/account/organisations/zzzzzzzz/edit").status_code == 404
    form = form_of(client.get(f"/account/organisations/{organisation.public_id}/edit"))
    assert form == {}
    assert client.post(edit_url(organisation), data={"name_en": "x"}).status_code in (400, 403)
    db.session.expire_all()
    assert organisation.name_en == "La-ngu Elders Club"


def test_staff_may_edit_any_organisation(client, organisation, make_user, auth):
    auth.login(make_user(role="staff").email)
    form = form_of(client.get(edit_url(organisation)))
    assert post(client, organisation, form, name_en="Edited by staff").status_code == 302
    db.session.expire_all()
    assert organisation.name_en == "Edited by staff"
