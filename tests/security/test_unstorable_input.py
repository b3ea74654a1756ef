"""NUL and other control characters, text-direction overrides and invisible-only values are refused
with a field error wherever text comes in: never a 500 (PostgreSQL cannot store a NUL), never stored."""
import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, Organisation
from tests.api.test_api_applications import body as application_body
from tests.api.test_api_edit_organisation import token_for
from tests.public.test_apply import post as post_application

BAD_TEXT = [pytest.param("a\x00b", id="NUL"), pytest.param("a\x07b", id="bell"),
            pytest.param("a\x1bb", id="escape"), pytest.param("abc\u202egpj.exe", id="right-to-left override"),
            pytest.param("\u200b\u200b", id="invisible only")]


@pytest.mark.parametrize("text", BAD_TEXT)
def test_an_api_edit_is_refused_naming_the_field(client, make_organisation, make_user, text):
    organisation = make_organisation(name_th="กลุ่มเดิม")
    headers = token_for(make_user(editor_of=[organisation]))
    response = client.patch(f"/api/v1/organisations/{organisation.public_id}", headers=headers,
                            json={"version": organisation.version, "name_th": text})
    assert response.status_code == 400
    assert list(response.get_json()["fields"]) == ["name_th"]
    db.session.expire_all()
    assert organisation.name_th == "กลุ่มเดิม"


@pytest.mark.parametrize("text", BAD_TEXT)
def test_an_application_by_api_or_form_is_refused(client, open_round, text):
    by_api = client.post(f"/api/v1/events/{open_round.public_id}/applications",
                         json=application_body(full_name=text))
    assert by_api.status_code == 400 and "full_name" in by_api.get_json()["fields"]
    by_form = post_application(client, open_round, motivation=text)
    assert by_form.status_code == 400 and "motivation" in by_form.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Application)) == 0


def test_line_breaks_and_tabs_are_text(client, open_round):
    response = post_application(client, open_round, motivation="บรรทัดแรก\r\nบรรทัดสอง\tต่อ")
    assert response.status_code == 303


@pytest.mark.parametrize("url", ["/api/v1/organisations?q=a%00b", "/organisations?q=a%00b",
                                 "/api/v1/organisations?province=%00", "/organisations?q=%E2%80%AEx"])
def test_a_search_with_a_control_character_is_a_400(client, url):
    assert client.get(url).status_code == 400


def test_a_control_character_in_an_address_is_a_404(client):
    assert client.get("/organisations/abc%00def").status_code == 404


def test_a_json_key_or_nested_value_is_checked_too(client, open_round):
    response = client.post(f"/api/v1/events/{open_round.public_id}/applications",
                           json=application_body(interests=["community-development\x00"]))
    assert response.status_code == 400 and "interests" in response.get_json()["fields"]


def test_a_spreadsheet_cell_with_a_control_character_is_a_row_error(app, tmp_path):
    from directory.workflows.organisation_import import ImportFailed, import_organisations_file

    path = tmp_path / "nul.csv"
    path.write_text("name_th,province,email\nกลุ่ม\x00หนึ่ง,สตูล,nobody\nกลุ่มสอง,สตูล,\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        import_organisations_file(path)
    assert [(e.row, e.column) for e in failed.value.errors] == [(2, "name_th"), (2, "email")]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 0
