"""Media works through the private link: who may send them, links and files, type by content, size, lateness."""
import io
from datetime import datetime
from pathlib import Path

import pytest

from directory.extensions import db
from directory.models import ApplicationStatus, MediaWork
from directory.services.platform.clock import BANGKOK
from directory.services.programme import works
from directory.services.programme.application_status import move_application
from tests.event_factories import set_clock, submit

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64
PDF = b"%PDF-1.7\n" + b"\x00" * 64
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 64


@pytest.fixture
def participant(open_round):
    """A confirmed participant of round 3."""
    application, _token = submit(open_round)
    for status in ("selected", "confirmed"):
        move_application(application, status)
    db.session.commit()
    return application


def article(**values):
    return {"title": "ป่าชายเลนละงู", "format": "article", **values}


def test_a_work_by_link(app, participant):
    set_clock(app, datetime(2019, 4, 20, 9, tzinfo=BANGKOK))
    work = works.submit_work(participant, article(url="https://example.org/story"))
    db.session.commit()
    assert (work.url, work.file_name, work.is_late, work.is_published) == ("https://example.org/story", None,
                                                                           False, False)


@pytest.mark.parametrize(("data", "extension"), [(PNG, "png"), (JPEG, "jpg"), (PDF, "pdf"), (WEBP, "webp")])
def test_a_work_by_file_is_stored_under_a_name_of_ours(app, participant, data, extension):
    work = works.submit_work(participant, article(format="photo_set"), io.BytesIO(data))
    db.session.commit()
    assert works.WORK_FILENAME.fullmatch(work.file_name) and work.file_name.endswith(f".{extension}")
    stored = Path(app.config["UPLOAD_DIR"]) / "works" / work.file_name
    assert stored.read_bytes() == data


@pytest.mark.parametrize("data", [
    b"<html><script>alert(1)</script></html>", b"GIF89a" + b"\x00" * 20, b"\x00\x00\x00\x18ftypmp42",
    b"RIFF\x24\x00\x00\x00WAVEfmt ", b"ID3\x04\x00",
])
def test_other_files_are_refused_whatever_their_name(app, participant, data):
    with pytest.raises(works.WorkError) as refused:
        works.submit_work(participant, article(), io.BytesIO(data))
    assert refused.value.message == works.WRONG_TYPE and refused.value.field == "file"
    assert not list((Path(app.config["UPLOAD_DIR"]) / "works").glob("*"))


def test_a_file_over_10_mb_is_refused(app, participant):
    with pytest.raises(works.WorkError) as refused:
        works.submit_work(participant, article(), io.BytesIO(PDF + b"\x00" * (10 * 1024 * 1024)))
    assert refused.value.message == works.TOO_LARGE
    exactly = PDF + b"\x00" * (10 * 1024 * 1024 - len(PDF))
    assert works.submit_work(participant, article(), io.BytesIO(exactly)).file_name


def test_a_work_needs_a_link_or_a_file(app, participant):
    with pytest.raises(works.WorkError) as refused:
        works.submit_work(participant, article(), io.BytesIO(b""))
    assert refused.value.message == works.LINK_OR_FILE


@pytest.mark.parametrize(("moment", "late"), [
    (datetime(2019, 4, 21, 23, 59, tzinfo=BANGKOK), False),
    (datetime(2019, 4, 22, 0, 0, tzinfo=BANGKOK), True),
])
def test_a_late_work_is_accepted_and_flagged(app, participant, moment, late):
    set_clock(app, moment)
    work = works.submit_work(participant, article(url="https://example.org/x"))
    assert work.is_late is late


@pytest.mark.parametrize("status", [s for s in ApplicationStatus if s.value not in ("confirmed", "attended",
                                                                                     "completed")])
def test_only_confirmed_attending_or_completed_participants_send_works(app, open_round, status):
    application, _ = submit(open_round)
    application.status = status
    with pytest.raises(works.WorkError) as refused:
        works.submit_work(application, article(url="https://example.org/x"))
    assert refused.value.message == works.NOT_A_PARTICIPANT


@pytest.mark.parametrize("status", ["attended", "completed"])
def test_attending_and_completed_participants_send_works(app, participant, status):
    participant.status = ApplicationStatus(status)
    assert works.submit_work(participant, article(url="https://example.org/x")).id


def test_a_file_is_served_only_once_its_work_is_published(app, participant):
    work = works.submit_work(participant, article(), io.BytesIO(PNG))
    db.session.commit()
    assert works.published_file(work.file_name) is None
    work.is_published = True
    db.session.commit()
    path, content_type = works.published_file(work.file_name)
    assert path.read_bytes() == PNG and content_type == "image/png"
    assert works.published_file("../secret_key") is None


def test_deleting_a_work_removes_its_file(app, participant):
    work = works.submit_work(participant, article(), io.BytesIO(PNG))
    db.session.commit()
    path = Path(app.config["UPLOAD_DIR"]) / "works" / work.file_name
    works.delete_work(work)
    db.session.commit()
    assert not path.exists() and db.session.get(MediaWork, work.id) is None
