"""Importing a spreadsheet from the back office: upload, the dry run's report, confirmation, the result."""
import io
import re
import sys
import threading
import time
import traceback
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import Workbook

from directory.extensions import db
from directory.models import ImportJob, ImportStatus, Organisation
from directory.workflows import import_jobs
from tests.conftest import form_token
from tests.staff.conftest import text_of

DATA = Path(__file__).resolve().parents[1] / "data"


def upload(client, content, filename, **form):
    token = form_token(client, "/staff/imports")
    return client.post("/staff/imports", data={"csrf_token": token, "spreadsheet": (io.BytesIO(content), filename),
                                               **form}, content_type="multipart/form-data")


def finished(client, location, timeout=90):
    """The job page once its work is done (it refreshes itself until then)."""
    deadline = time.monotonic() + timeout
    while True:
        page = client.get(location)
        if 'http-equiv="refresh"' not in page.get_data(as_text=True):
            return page
        assert time.monotonic() < deadline, (
            f"the import did not finish: {text_of(page)[:300]}\n{import_threads()}")
        time.sleep(0.25)


def import_threads():
    """Where each import job's thread stands, for a failure message: the job has hung once in a while."""
    frames = sys._current_frames()
    stacks = [f"thread {thread.name}:\n" + "".join(traceback.format_stack(frames[thread.ident]))
              for thread in threading.enumerate() if thread.name.startswith("import-job-") and thread.ident in frames]
    return "\n".join(stacks) or "no import-job thread is alive"


def organisation_count():
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(Organisation))


def test_upload_check_then_confirm(staff_client):
    response = upload(staff_client, (DATA / "dev_orgs_real_spellings.csv").read_bytes(), "real.csv")
    assert response.status_code == 302
    location = response.headers["Location"]

    report = finished(staff_client, location)
    assert organisation_count() == 0  # checked, nothing written
    text = text_of(report)
    assert "ตรวจแล้ว: รอการยืนยันจากคุณ" in text
    assert re.search(r'id="count-created">16<', report.get_data(as_text=True))
    assert "แถว 11 คอลัมน์ province" in text and "ได้จังหวัด เชียงใหม่ (Chiang Mai) จากอำเภอ/เขต" in text

    token = form_token(staff_client, location)
    applied = staff_client.post(f"{location}/apply", data={"csrf_token": token})
    assert applied.status_code == 302
    done = finished(staff_client, location)
    assert "นำเข้าแล้ว" in text_of(done)
    assert organisation_count() == 16
    job = db.session.scalar(sa.select(ImportJob))
    assert job.status is ImportStatus.APPLIED and job.report["created"] == 16

    again = staff_client.post(f"{location}/apply", data={"csrf_token": form_token(staff_client, "/staff/imports")})
    assert again.status_code == 302 and organisation_count() == 16  # applied once only


def test_a_file_with_errors_lists_every_one_and_cannot_be_applied(staff_client):
    content = ("ref,name_th,province,district\n"
               "E1,กลุ่มหนึ่ง,ประจวบคิรีขันธ์,หัวหิน\nE2,กลุ่มสอง,ลำปาง,กันตัง\nE3,กลุ่มสาม,สตูล,ละงู\n").encode()
    location = upload(staff_client, content, "bad.csv").headers["Location"]
    page = finished(staff_client, location)
    text = text_of(page)
    assert "ไม่รับ: ไฟล์มีข้อผิดพลาด" in text
    assert "แถว 2 คอลัมน์ province : ไม่รู้จักจังหวัด 'ประจวบคิรีขันธ์' หมายถึง ประจวบคีรีขันธ์ หรือไม่" in text
    assert "แถว 3 คอลัมน์ district" in text and "ตรัง (Trang)" in text
    assert 'id="confirm-import"' not in page.get_data(as_text=True)
    english = text_of(staff_client.get(f"{location}?lang=en"))
    assert "did you mean ประจวบคีรีขันธ์?" in english
    refused = staff_client.post(f"{location}/apply", data={"csrf_token": form_token(staff_client, "/staff/imports")})
    assert refused.status_code == 302 and organisation_count() == 0


def test_an_excel_workbook_can_be_uploaded(staff_client):
    workbook = Workbook()
    workbook.active.append(["name_th", "province", "district", "founded_year"])
    workbook.active.append(["กลุ่มทอผ้า", "กาฬสินธ์ุ", "อ.เมือง", 2548])
    content = io.BytesIO()
    workbook.save(content)
    location = upload(staff_client, content.getvalue(), "sheet.xlsx").headers["Location"]
    assert re.search(r'id="count-created">1<', finished(staff_client, location).get_data(as_text=True))


def test_the_job_page_shows_what_the_job_has_become_while_the_test_holds_its_row(staff_client, monkeypatch):
    """The hang CI met once in a while: a row kept alive in the shared session hid the finished job."""
    check = import_jobs.import_organisations_file

    def slow_check(*args, **kwargs):
        time.sleep(0.5)  # the page is read while the job runs
        return check(*args, **kwargs)

    monkeypatch.setattr(import_jobs, "import_organisations_file", slow_check)
    location = upload(staff_client, "name_th,province\nกลุ่มทอผ้า,สตูล\n".encode(), "one.csv").headers["Location"]
    assert 'http-equiv="refresh"' in staff_client.get(location).get_data(as_text=True)
    held = db.session.scalar(sa.select(ImportJob))  # as a reference cycle from a rendered page would
    assert re.search(r'id="count-created">1<', finished(staff_client, location, timeout=20).get_data(as_text=True))
    assert held.status is ImportStatus.CHECKED


def test_a_job_that_breaks_says_so_and_leaves_the_fault_in_the_log(staff_client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise OSError("the disk went away")

    monkeypatch.setattr(import_jobs, "import_organisations_file", broken)
    location = upload(staff_client, "name_th,province\nกลุ่มทอผ้า,สตูล\n".encode(), "one.csv").headers["Location"]
    page = finished(staff_client, location, timeout=20)
    assert "การนำเข้าหยุดเพราะข้อผิดพลาดที่ไม่คาดคิด" in text_of(page)
    assert db.session.scalar(sa.select(ImportJob)).status is ImportStatus.FAILED
    assert "the disk went away" in caplog.text and organisation_count() == 0


@pytest.mark.parametrize("content, filename, message", [
    (b"", "", "โปรดเลือกไฟล์ที่จะนำเข้า"),
    (b"name_th,province\n", "notes.txt", "ไฟล์ต้องเป็น CSV (UTF-8) หรือไฟล์ Excel (.xlsx)"),
    (b"name_th,province\n" + b"x" * 2048, "big.csv", "ไฟล์ใหญ่เกิน 0 MB"),
])
def test_a_wrong_file_gets_a_clear_message(app, staff_client, content, filename, message):
    app.config["IMPORT_MAX_BYTES"] = 1024
    response = upload(staff_client, content, filename)
    assert response.status_code == 400 and message in text_of(response)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ImportJob)) == 0


def test_only_staff_may_import(client, auth, make_user):
    auth.login(make_user().email)
    assert client.get("/staff/imports").status_code == 403
