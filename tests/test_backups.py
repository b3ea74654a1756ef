"""`flask backup create` and `flask backup restore`: what was lost comes back, database and files alike."""
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Organisation
from directory.services.search.adapter import search_index
from search_index import SearchRequest


def count():
    db.session.rollback()
    return db.session.scalar(sa.select(sa.func.count()).select_from(Organisation))


def test_a_backup_restores_the_database_the_uploads_and_the_index(app, runner, make_organisation, tmp_path):
    from pathlib import Path

    kept = make_organisation(name_en="Saffron Weavers", logo_filename="kept.webp")
    logo = Path(app.config["UPLOAD_DIR"]) / "logos" / "kept.webp"
    logo.parent.mkdir(parents=True, exist_ok=True)
    logo.write_bytes(b"RIFF-a-logo")
    backup = tmp_path / "backup"
    created = runner.invoke(args=["backup", "create", str(backup)])
    assert created.exit_code == 0, created.output
    assert "1 organisations" in created.output

    make_organisation(name_en="Made after the backup")
    db.session.delete(db.session.get(Organisation, kept.id))
    db.session.commit()
    logo.unlink()
    assert count() == 1

    restored = runner.invoke(args=["backup", "restore", str(backup), "--yes"])
    assert restored.exit_code == 0, restored.output
    assert count() == 1
    assert db.session.scalar(sa.select(Organisation.name_en)) == "Saffron Weavers"
    assert logo.read_bytes() == b"RIFF-a-logo"
    hits = search_index().search(SearchRequest(q="saffron")).hits
    assert [hit.id for hit in hits] == [str(kept.id)]


def test_a_backup_goes_into_a_new_folder_only(runner, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "something").write_text("x")
    result = runner.invoke(args=["backup", "create", str(tmp_path / "full")])
    assert result.exit_code != 0 and "not empty" in result.output
