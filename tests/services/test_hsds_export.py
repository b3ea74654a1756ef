"""Open Referral HSDS 3.0: every record of every table passes the vendored schemas; ids stay the same from one
export to the next; only published organisations, and only what their profiles show, go in; issue areas are
taxonomy terms linked to their organisations."""
import json

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import IssueArea, OrganisationStatus
from directory.schemas.organisations.output import dump_public_organisations
from directory.services.organisations.hsds_export import TABLES, hsds_id
from directory.services.organisations.open_data import write_organisations_hsds
from directory.services.organisations.records import update_organisation
from tests.hsds_schemas import validated_tables, validator


def export(folder):
    count = write_organisations_hsds(folder, dump_public_organisations)
    return count, validated_tables(folder)


def by_id(records):
    return {record["id"]: record for record in records}


def make_full_organisation(make_organisation, **values):
    return make_organisation(
        **{"name_th": "มูลนิธิรักษ์ทะเลสตูล", "name_en": "Satun Sea Foundation", "type": "foundation",
           "registration_number": "สต 12/2545", "description_th": "อนุรักษ์ทะเลและชายฝั่ง",
           "description_en": "Sea and coast conservation", "founded_year": 2002, "province": "สตูล",
           "district": "ละงู", "address": "99 หมู่ 2 ตำบลกำแพง อำเภอละงู จังหวัดสตูล 91110",
           "latitude": 6.87, "longitude": 99.78, "phone": "074-711-111, 081-234-5678",
           "email": "contact@satunsea.example.org", "website": "www.satunsea.example.org",
           "facebook": "https://facebook.com/satunsea", "line_id": "@satunsea",
           "issue_areas": ["environment", "community-development"], **values})


def test_every_record_of_every_table_passes_the_hsds_schemas(app, make_organisation, tmp_path):
    make_full_organisation(make_organisation)
    make_organisation(name_th="กลุ่มเล็ก ๆ", name_en=None, type=None, province="เชียงใหม่")  # the least a profile has
    make_organisation(name_th="ชมรมผู้สูงอายุ", province="เชียงใหม่", district="เมืองเชียงใหม่",
                      description_en="Elderly club", website="http://old-style.example.org/page")
    count, tables = export(tmp_path / "hsds")
    assert count == 3
    assert len(tables["organizations"]) == len(tables["locations"]) == len(tables["addresses"]) == 3
    assert len(tables["taxonomies"]) == 1
    assert len(tables["taxonomy_terms"]) == db.session.scalar(sa.select(sa.func.count()).select_from(IssueArea))
    datapackage = json.loads((tmp_path / "hsds" / "datapackage.json").read_text(encoding="utf-8"))
    assert [resource["path"] for resource in datapackage["resources"]] == [f"{table}.json" for table in TABLES]
    assert datapackage["licenses"] == [{"title": "CC BY 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}]
    assert datapackage["created"]


@pytest.mark.parametrize("schema, record", [
    ("organization", {"id": hsds_id("organization", "x"), "name": "n", "description": "", "alternate_names": "m"}),
    ("organization", {"id": "not-a-uuid", "name": "n", "description": ""}),
    ("organization", {"id": hsds_id("organization", "x"), "name": "n", "description": "", "website": "www.x.org"}),
    ("organization", {"id": hsds_id("organization", "x"), "name": "n", "description": "", "email": None}),
    ("address", {"id": hsds_id("address", "x"), "address_1": "", "city": "", "state_province": "",
                 "country": "TH", "address_type": "physical"}),  # no postal_code
])
def test_the_check_refuses_what_hsds_does_not_allow(schema, record):
    """So that the tests above mean something: a misspelt field, a bad id or address, a null, a missing field."""
    assert list(validator(schema).iter_errors(record))


def test_an_organisation_maps_onto_hsds_as_its_profile_shows_it(app, make_organisation, tmp_path):
    organisation = make_full_organisation(make_organisation)
    _count, tables = export(tmp_path / "hsds")
    organisation_id = hsds_id("organization", organisation.public_id)
    [row] = tables["organizations"]
    assert row == {
        "id": organisation_id, "name": "มูลนิธิรักษ์ทะเลสตูล", "alternate_name": "Satun Sea Foundation",
        "description": "อนุรักษ์ทะเลและชายฝั่ง", "email": "contact@satunsea.example.org",
        "website": "https://www.satunsea.example.org", "year_incorporated": 2002, "legal_status": "มูลนิธิ",
        "uri": f"http://localhost/organisations/{organisation.public_id}/{organisation.slug}",
    }
    [location] = tables["locations"]
    assert location | {"id": None} == {"id": None, "location_type": "physical", "organization_id": organisation_id,
                                       "name": "มูลนิธิรักษ์ทะเลสตูล", "latitude": 6.87, "longitude": 99.78}
    [address] = tables["addresses"]
    assert address["location_id"] == location["id"]
    assert {key: address[key] for key in ("address_1", "city", "state_province", "postal_code", "country")} == {
        "address_1": "99 หมู่ 2 ตำบลกำแพง อำเภอละงู จังหวัดสตูล 91110", "city": "ละงู", "state_province": "สตูล",
        "postal_code": "91110", "country": "TH"}
    assert [(phone["organization_id"], phone["number"]) for phone in tables["phones"]] == [
        (organisation_id, "074-711-111"), (organisation_id, "081-234-5678")]
    [identifier] = tables["organization_identifiers"]
    assert (identifier["organization_id"], identifier["identifier"]) == (organisation_id, "สต 12/2545")
    assert tables["contacts"] == []  # profiles name no contact person


def test_a_district_centre_is_not_given_as_the_position(app, make_organisation, tmp_path):
    organisation = make_organisation(province="เชียงใหม่", district="เมืองเชียงใหม่")
    assert organisation.is_position_approximate and organisation.latitude is not None
    _count, tables = export(tmp_path / "hsds")
    [location] = tables["locations"]
    assert "latitude" not in location and "longitude" not in location
    [address] = tables["addresses"]
    assert (address["address_1"], address["city"], address["postal_code"]) == ("", "เมืองเชียงใหม่", "")


def test_ids_stay_the_same_from_one_export_to_the_next(app, make_organisation, tmp_path):
    organisation = make_full_organisation(make_organisation)
    make_organisation(issue_areas=["elderly-care"])
    _count, first = export(tmp_path / "first")
    _count, again = export(tmp_path / "again")
    assert again == first
    update_organisation(organisation, {"description_th": "คำอธิบายใหม่", "phone": "074-711-111"})
    make_organisation()
    db.session.commit()
    _count, second = export(tmp_path / "second")
    for table in TABLES:
        assert set(by_id(first[table])) - set(by_id(second[table])) <= {hsds_id("phone", organisation.public_id, "2")}
    assert by_id(second["organizations"])[hsds_id("organization", organisation.public_id)]["description"] == \
        "คำอธิบายใหม่"


def test_only_published_organisations_and_only_what_profiles_show(app, make_organisation, make_user, tmp_path):
    published = make_full_organisation(make_organisation, ref="IMPORT-REF-7731", target_groups=["เยาวชน"])
    make_user(email="editor.private@example.org", editor_of=[published])
    hidden = [make_organisation(name_th="กลุ่มร่างยังไม่เผยแพร่", status=OrganisationStatus.DRAFT),
              make_organisation(name_th="กลุ่มที่เก็บเข้าคลังแล้ว", status=OrganisationStatus.ARCHIVED),
              make_organisation(name_th="องค์กรตัวอย่างสมมุติ", is_demo=True)]
    count, tables = export(tmp_path / "hsds")
    assert count == 1
    assert [row["name"] for row in tables["organizations"]] == [published.name_th]
    everything = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "hsds").iterdir())
    for organisation in hidden:
        assert organisation.name_th not in everything and organisation.public_id not in everything
    for private in ("IMPORT-REF-7731", "editor.private@example.org"):
        assert private not in everything


def test_issue_areas_are_taxonomy_terms_linked_to_their_organisations(app, make_organisation, tmp_path):
    sea = make_organisation(issue_areas=["environment", "community-development"])
    elders = make_organisation(issue_areas=["elderly-care", "environment"])
    make_organisation()  # no issue area, no attribute
    _count, tables = export(tmp_path / "hsds")
    [taxonomy] = tables["taxonomies"]
    terms = by_id(tables["taxonomy_terms"])
    assert all(term["taxonomy_id"] == taxonomy["id"] for term in terms.values())
    environment = next(term for term in terms.values() if term["code"] == "environment")
    assert (environment["name"], environment["description"]) == ("สิ่งแวดล้อมและทรัพยากรธรรมชาติ",
                                                                 "Environment and natural resources")
    organisations = by_id(tables["organizations"])
    linked = {}
    for attribute in tables["attributes"]:
        assert attribute["link_entity"] == "organization" and attribute["link_id"] in organisations
        linked.setdefault(attribute["link_id"], set()).add(terms[attribute["taxonomy_term_id"]]["code"])
    assert linked == {hsds_id("organization", sea.public_id): {"environment", "community-development"},
                      hsds_id("organization", elders.public_id): {"elderly-care", "environment"}}
    assert len({attribute["id"] for attribute in tables["attributes"]}) == 4
