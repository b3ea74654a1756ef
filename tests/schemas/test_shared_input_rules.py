"""One rule per kind of input: the edit form, the API, registration, the spreadsheet import, corrections
(and the event and application forms where they take the same kind of value) agree on what they accept
and how long it may be, each saying so in its own voice."""
import pytest
from marshmallow import ValidationError

from directory.eras import BUDDHIST_ERA_OFFSET
from directory.extensions import db
from directory.schemas.fields import organisation_limit
from directory.schemas.organisations.claims import RegistrationSchema
from directory.schemas.organisations.corrections import CorrectionSchema
from directory.schemas.organisations.edit import OrganisationEditSchema
from directory.schemas.organisations.rows import OrganisationRowSchema, RowReferences
from directory.schemas.programme.applications import ApplicationSchema
from directory.schemas.programme.event_form import EventFormSchema, HostFormSchema
from directory.services.accounts.users import create_api_token

REGISTRATION = {"name_th": "กลุ่มทดสอบ", "province": "91", "justification": "ผู้ประสานงาน",
                "contact_name": "สมชาย", "contact_detail": "081 000 0000"}


def _longest(column, extra=0):
    """A well-formed value for the column, `limit + extra` characters long."""
    length = organisation_limit(column) + extra
    if column == "email":
        domain = ".".join(["b" * 60] * 4) + ".org"
        return "a" * (length - len(domain) - 1) + "@" + domain
    if column in ("website", "facebook"):
        return "https://example.org/" + "a" * (length - len("https://example.org/"))
    if column == "phone":
        return "0" * length
    return "ก" * length


@pytest.fixture
def organisation(make_organisation):
    return make_organisation(name_th="มูลนิธิเดิม", province="สตูล", district="ละงู", issue_areas=["elderly-care"])


@pytest.fixture
def api(client, make_user, organisation):
    """PATCH one field through /api/v1 as an editor: the messages of the 400, or None when accepted."""
    _, secret = create_api_token(make_user(editor_of=[organisation]), "tests")
    db.session.commit()

    def patch(key, value):
        response = client.patch(f"/api/v1/organisations/{organisation.public_id}",
                                headers={"Authorization": f"Bearer {secret}"},
                                json={"version": organisation.version, key: value})
        db.session.rollback()
        return response.get_json()["fields"].get(key) if response.status_code == 400 else None

    return patch


def errors_of(load):
    try:
        load()
    except ValidationError as error:
        return error.messages
    return {}


def edit_form(organisation, key, value):
    return errors_of(lambda: OrganisationEditSchema(organisation).load({"version": organisation.version, key: value}))


def spreadsheet_row(key, value):
    row = {"name_th": "กลุ่มทดสอบ", "province": "สตูล", key: value}
    return errors_of(lambda: OrganisationRowSchema(RowReferences.load()).load_row(row))


def registration(key, value):
    return errors_of(lambda: RegistrationSchema().load({**REGISTRATION, key: value}))


def correction(organisation, key, value):
    messages = errors_of(lambda: CorrectionSchema(organisation).load({"field": key, "proposed_value": value}))
    return messages.get("proposed_value")


@pytest.mark.parametrize("column", ["name_th", "name_en", "description_th", "description_en", "address", "phone",
                                    "email", "website", "facebook", "line_id"])
def test_every_way_in_takes_the_same_length_and_names_it_when_refusing(organisation, api, column):
    limit, key, value = organisation_limit(column), column, _longest(column, 1)
    refusals = {
        "edit form": edit_form(organisation, key, value).get(key),
        "API": api(key, value),
        "spreadsheet row": spreadsheet_row(key, value).get(key),
        "correction": correction(organisation, key, value),
    }
    if column in RegistrationSchema().fields:
        refusals["registration"] = registration(key, value).get(key)
    for way_in, messages in refusals.items():
        assert messages and any(f"{limit} characters" in message for message in messages), (way_in, messages)

    at_limit = _longest(column)
    assert key not in edit_form(organisation, key, at_limit) and api(key, at_limit) is None
    assert key not in spreadsheet_row(key, at_limit) and correction(organisation, key, at_limit) is None
    if column in RegistrationSchema().fields:
        assert key not in registration(key, at_limit)


def test_the_limits_come_from_the_columns_or_one_named_constant():
    from directory.models import Organisation
    from directory.models.organisations import TEXT_LENGTHS
    assert organisation_limit("name_th") == Organisation.__table__.c.name_th.type.length == 300
    assert organisation_limit("description_th") == organisation_limit("description_en") == TEXT_LENGTHS[
        "description_th"]


@pytest.mark.parametrize("typed", ["www.example.org", "https://www.example.org", " www.example.org "])
def test_a_website_is_read_the_same_everywhere(organisation, typed):
    expected = "https://www.example.org"
    assert OrganisationEditSchema(organisation).load({"version": organisation.version, "website": typed})[
        "website"] == expected
    assert RegistrationSchema().load({**REGISTRATION, "website": typed})["organisation"]["website"] == expected
    row = OrganisationRowSchema(RowReferences.load()).load_row({"name_th": "ก", "province": "สตูล", "website": typed})
    assert row.values["website"] == expected


@pytest.mark.parametrize("typed", ["javascript:alert(1)", "ftp://example.org/x", "ไม่มี"])
def test_a_website_that_is_not_one_is_refused_everywhere(organisation, typed):
    assert "website" in edit_form(organisation, "website", typed)
    assert "website" in registration("website", typed)
    assert "website" in spreadsheet_row("website", typed)
    assert correction(organisation, "website", typed)


@pytest.mark.parametrize("typed, code", [("กทม.", "10"), ("กรุงเทพฯ", "10"), ("TH-10", "10"), ("Bangkok", "10"),
                                         ("จ.สตูล", "91"), ("91", "91"), (" สตูล ", "91")])
def test_a_province_is_read_the_same_everywhere(organisation, typed, code):
    assert OrganisationEditSchema(organisation).load({"version": organisation.version, "province": typed})[
        "province_code"] == code
    assert RegistrationSchema().load({**REGISTRATION, "province": typed})["organisation"]["province_code"] == code
    assert EventFormSchema().load({"title_th": "ค่าย", "province": typed})["province_code"] == code
    row = OrganisationRowSchema(RowReferences.load()).load_row({"name_th": "ก", "province": typed})
    assert row.values["province_code"] == code
    application = ApplicationSchema(partial=True).load({"province": typed})
    assert application["province"] == code


def test_a_district_of_another_province_is_refused_by_every_form(organisation):
    elsewhere = {"province": "สตูล", "district": "หาดใหญ่"}  # in Songkhla
    assert "district" in errors_of(lambda: OrganisationEditSchema(organisation).load(
        {"version": organisation.version, **elsewhere}))
    assert "district" in registration("district", "หาดใหญ่")
    assert "district" in errors_of(lambda: EventFormSchema().load({"title_th": "ค่าย", **elsewhere}))
    assert "district" in spreadsheet_row("district", "หาดใหญ่")
    by_name = {"province": "สตูล", "district": "อ.ละงู"}
    assert OrganisationEditSchema(organisation).load({"version": organisation.version, **by_name})[
        "district_code"] == "9105"
    assert RegistrationSchema().load({**REGISTRATION, "district": "อ.ละงู"})["organisation"]["district_code"] == "9105"
    assert EventFormSchema().load({"title_th": "ค่าย", **by_name})["district_code"] == "9105"


@pytest.mark.parametrize("typed", ["2553", "2010", "๒๕๕๓", " 2553 "])
def test_a_year_in_either_era_is_read_the_same_everywhere(organisation, typed):
    assert OrganisationEditSchema(organisation).load({"version": organisation.version, "founded_year": typed})[
        "founded_year"] == 2010
    row = OrganisationRowSchema(RowReferences.load()).load_row({"name_th": "ก", "province": "สตูล",
                                                                "founded_year": typed})
    assert row.values["founded_year"] == 2010
    assert ApplicationSchema(partial=True, reference_year=2030).load({"birth_year": typed})["birth_year"] == 2010
    assert 2553 - BUDDHIST_ERA_OFFSET == 2010


@pytest.mark.parametrize("typed", ["เกษตรกรรม", "astrology"])
def test_an_unknown_issue_area_is_refused_by_every_form(organisation, typed):
    assert "issue_areas" in edit_form(organisation, "issue_areas", [typed])
    assert "issue_areas" in spreadsheet_row("issue_areas", typed)
    assert "issue_areas" in errors_of(lambda: HostFormSchema().load({"capacity": "1", "issue_areas": [typed]}))


def test_issue_areas_and_types_are_read_by_slug_or_name_everywhere(organisation):
    area, kind = organisation.issue_areas[0], organisation.type
    loaded = OrganisationEditSchema(organisation).load({"version": organisation.version, "type": kind.name_th,
                                                        "issue_areas": [area.slug, area.name_en, area.name_th]})
    row = OrganisationRowSchema(RowReferences.load()).load_row({
        "name_th": "ก", "province": "สตูล", "type": kind.name_en, "issue_areas": f"{area.slug}; {area.name_th}"})
    assert loaded["type"] == row.values["type"] == kind
    assert loaded["issue_areas"] == row.values["issue_areas"] == [area]
    assert RegistrationSchema().load({**REGISTRATION, "type": kind.name_th})["organisation"]["type"] == kind


def test_every_shared_message_has_a_thai_translation():
    from pathlib import Path

    from babel.messages.pofile import read_po

    from directory.schemas import fields
    po_file = Path(__file__).resolve().parents[2] / "directory" / "translations" / "th" / "LC_MESSAGES" / "messages.po"
    with po_file.open("rb") as handle:
        translated = {message.id for message in read_po(handle) if message.id and message.string}
    assert sorted(set(fields.MESSAGES) - translated) == []
