"""/data: the published organisations as CSV (that imports back unchanged) and JSON, with their licence and
date; rewritten when an organisation changes, and holding nothing but what public profiles show."""
import csv
import io
import json
import re

from directory.extensions import db
from directory.models import OrganisationStatus
from directory.services.organisation_csv import import_organisations_file
from directory.services.organisations import update_organisation
from tests.event_factories import make_applicant_with_personal_data, make_event


def download(client, kind):
    with client.get(f"/data/organisations.{kind}") as response:  # closes the file send_file opened
        assert response.status_code == 200
        assert f"filename=thai-cso-organisations.{kind}" in response.headers["Content-Disposition"]
        return response.data


def test_the_page_offers_both_files_with_licence_and_date(client, make_organisation):
    make_organisation()
    page = client.get("/data").get_data(as_text=True)
    assert 'href="/data/organisations.csv"' in page and 'href="/data/organisations.json"' in page
    assert "สัญญาอนุญาต:" in page and 'href="https://creativecommons.org/licenses/by/4.0/"' in page
    assert re.search(r"สร้างเมื่อวันที่ \d+ \S+ 25\d\d", page)
    assert 'href="/data"' in client.get("/").get_data(as_text=True)  # linked from every page's footer


def test_the_json_holds_the_published_organisations_as_the_api_shows_them(client, make_organisation):
    published = make_organisation(name_th="มูลนิธิรักษ์ทะเลสตูล", phone="074-711-111")
    draft = make_organisation(name_th="กลุ่มที่ยังไม่เผยแพร่", status=OrganisationStatus.DRAFT)
    document = json.loads(download(client, "json"))
    assert document["licence"] == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert document["generated_at"] and document["count"] == 1
    [shown] = document["organisations"]
    api = client.get(f"/api/v1/organisations/{published.public_id}").get_json()
    assert shown == api
    assert draft.name_th not in json.dumps(document, ensure_ascii=False)


def test_the_csv_imports_back_with_no_change(app, client, make_organisation, tmp_path):
    for number in range(3):
        make_organisation(name_th=f"กลุ่มอนุรักษ์ {number}", province="สตูล", district="ละงู",
                          issue_areas=["environment"], phone=f"074-000-00{number}", latitude=6.87, longitude=99.78)
    make_organisation(name_th="ชมรมผู้สูงอายุ", province="เชียงใหม่", district="เมืองเชียงใหม่")  # approximate
    body = download(client, "csv")
    assert body.startswith("\ufeff".encode())  # the BOM Excel needs for Thai
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 4
    path = tmp_path / "downloaded.csv"
    path.write_bytes(body)
    report = import_organisations_file(path, dry_run=True)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 4)


def test_a_change_makes_a_new_file_once_the_last_one_is_old_enough(app, client, make_organisation):
    organisation = make_organisation(name_th="ชื่อเดิม")
    first = download(client, "json")
    assert download(client, "json") == first  # the same state, the same file
    update_organisation(organisation, {"name_th": "ชื่อใหม่"})
    db.session.commit()
    assert download(client, "json") == first  # made a moment ago: served as it is, dated
    app.config["OPEN_DATA_MAX_AGE_S"] = 0
    assert "ชื่อใหม่" in download(client, "json").decode()


def test_no_personal_data_of_applicants(client, make_organisation):
    host = make_organisation()
    _application, secrets = make_applicant_with_personal_data(make_event())
    files = download(client, "csv").decode("utf-8-sig") + download(client, "json").decode()
    assert [secret for secret in secrets if secret in files] == []
    assert host.name_th in files
