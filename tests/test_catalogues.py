"""The compiled catalogues ship with the code, so every install path serves Thai, and a missing one stops the app."""
import io
import shutil
import subprocess

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from directory import create_app, setup
from directory.setup import ConfigurationError

THAI = setup.TRANSLATIONS_DIR / "th" / "LC_MESSAGES"


def test_the_thai_catalogue_is_compiled_from_its_po():
    with (THAI / "messages.po").open("rb") as po_file:
        compiled = io.BytesIO()
        write_mo(compiled, read_po(po_file))
    assert (THAI / "messages.mo").read_bytes() == compiled.getvalue(), (
        "messages.mo is older than messages.po: run `make translations` and commit both"
    )


def test_the_thai_catalogue_is_part_of_the_repository():
    """A clone, `pip install -r requirements.txt` and the README's flask commands must find it."""
    if shutil.which("git") is None or not (setup.TRANSLATIONS_DIR.parents[1] / ".git").exists():
        pytest.skip("not a git checkout")
    listed = subprocess.run(["git", "ls-files", "--error-unmatch", str(THAI / "messages.mo")],
                            cwd=setup.TRANSLATIONS_DIR, capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr


def test_the_app_refuses_to_start_without_the_thai_catalogue(tmp_path, monkeypatch):
    uncompiled = tmp_path / "translations"
    (uncompiled / "th" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(THAI / "messages.po", uncompiled / "th" / "LC_MESSAGES" / "messages.po")
    monkeypatch.setattr(setup, "TRANSLATIONS_DIR", uncompiled)
    with pytest.raises(ConfigurationError, match="th catalogue is not compiled"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'c.db'}"})


def test_the_app_serves_thai_from_the_shipped_catalogue(tmp_path):
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'c.db'}", "TESTING": True})
    with app.test_request_context("/"):
        from flask_babel import gettext
        assert gettext("Clear all filters") == "ล้างตัวกรองทั้งหมด"
