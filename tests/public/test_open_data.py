"""/data: the published organisations as CSV (that imports back unchanged), JSON and Open Referral HSDS 3.0
(a zip whose every record passes the HSDS schemas), with their licence and date; rewritten when an
organisation changes, and holding nothing but what public profiles show."""
import csv
import io
import json
import re
import zipfile

from directory.extensions import db
from directory.models import OrganisationStatus
from directory.services.organisations.records import update_organisation
from directory.workflows.organisation_import import import_organisations_file
from tests.event_factories import make_applicant_with_personal_data, make_event
from tests.hsds_schemas import validated_tables


def download(client, kind):
    with client.get(f"/data/organisations.{kind}") as response:  # closes the file send_file opened
        assert response.status_code == 200
        assert f"filename=thai-cso-organisations.{kind}" in response.headers["Content-Disposition"]
        return response.data


def unzipped_text(body):
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return "".join(archive.read(name).decode() for name in archive.namelist())


def test_the_page_offers_every_file_with_licence_and_date(client, make_organisation):
    make_organisation()
    page = client.get("/data").get_data(as_text=True)
    assert 'href="/data/organisations.csv"' in page and 'href="/data/organisations.json"' in page
    assert 'href="/data/organisations.hsds.zip"' in page and 'href="https://openreferral.org/"' in page
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


def test_the_hsds_zip_holds_tables_that_pass_the_hsds_schemas(client, make_organisation, tmp_path):
    published = make_organisation(name_th="มูลนิธิรักษ์ทะเลสตูล", district="ละงู", issue_areas=["environment"],
                                  phone="074-711-111", website="https://satunsea.example.org")
    draft = make_organisation(name_th="กลุ่มที่ยังไม่เผยแพร่", status=OrganisationStatus.DRAFT)
    body = download(client, "hsds.zip")
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert "organizations.json" in archive.namelist() and "datapackage.json" in archive.namelist()
        archive.extractall(tmp_path / "hsds")
    tables = validated_tables(tmp_path / "hsds")
    assert [row["name"] for row in tables["organizations"]] == [published.name_th]
    assert [phone["number"] for phone in tables["phones"]] == ["074-711-111"]
    assert len(tables["attributes"]) == 1
    assert draft.name_th not in unzipped_text(body)
    datapackage = json.loads((tmp_path / "hsds" / "datapackage.json").read_text(encoding="utf-8"))
    assert datapackage["licenses"][0]["path"] == "https://creativecommons.org/licenses/by/4.0/"


def test_requests_serve_the_newest_file_and_the_refresh_writes_the_next(app, client, runner, make_organisation):
    organisation = make_organisation(name_th="ชื่อเดิม")
    first = download(client, "json")  # none yet: the first request writes it
    assert download(client, "json") == first  # the same state, the same file
    assert "wrote csv, hsds" in runner.invoke(args=["orgs", "open-data"]).output  # those not asked for yet
    update_organisation(organisation, {"name_th": "ชื่อใหม่"})
    db.session.commit()
    assert "up to date" in runner.invoke(args=["orgs", "open-data"]).output  # made a moment ago: kept
    app.config["OPEN_DATA_MAX_AGE_S"] = 0
    assert download(client, "json") == first  # a request never writes when a file exists
    result = runner.invoke(args=["orgs", "open-data"])
    assert result.exit_code == 0 and "wrote csv, json, hsds" in result.output
    assert "ชื่อใหม่" in download(client, "json").decode()
    assert "up to date" in runner.invoke(args=["orgs", "open-data"]).output


def test_the_follower_refreshes_the_files_while_idle(app, client, make_organisation):
    from directory.cli import _open_data_refresher
    from directory.services.search.sync import follow

    organisation = make_organisation(name_th="ชื่อเดิม")
    first = download(client, "json")
    update_organisation(organisation, {"name_th": "ชื่อใหม่"})
    db.session.commit()
    app.config["OPEN_DATA_MAX_AGE_S"] = 0
    looks = []
    refresh = _open_data_refresher()
    follow(stop=lambda: len(looks) >= 2, interval=0.01, on_idle=lambda: (looks.append(1), refresh()))
    assert download(client, "json") != first and "ชื่อใหม่" in download(client, "json").decode()


def test_no_personal_data_of_applicants(client, make_organisation):
    host = make_organisation()
    _application, secrets = make_applicant_with_personal_data(make_event())
    files = (download(client, "csv").decode("utf-8-sig") + download(client, "json").decode()
             + unzipped_text(download(client, "hsds.zip")))
    assert [secret for secret in secrets if secret in files] == []
    assert host.name_th in files
