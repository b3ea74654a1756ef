"""Nothing happens by importing a module: the session and engine hooks are attached by create_app."""
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

CHECK = """
import importlib, pkgutil, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

import directory
for module in pkgutil.walk_packages(directory.__path__, "directory."):
    if ".matching" not in module.name:
        importlib.import_module(module.name)

from directory import setup
from directory.services.platform import mailer
from directory.services.search import sync as search_sync

HOOKS = [(Session, "after_flush", search_sync._record_changes),
         (Session, "after_commit", search_sync._apply_after_commit),
         (Session, "after_rollback", search_sync._forget_after_rollback),
         (Session, "after_commit", mailer._send_queued_mail),
         (Session, "after_soft_rollback", mailer._drop_queued_mail),
         (Engine, "connect", setup._tune_sqlite)]
print("imported:", sum(event.contains(*hook) for hook in HOOKS))
settings = {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{sys.argv[1]}.db", "SECRET_KEY": "x" * 40,
            "SEARCH_INDEX_DIR": sys.argv[1]}
directory.create_app(settings)
directory.create_app(settings)
print("after two apps:", sum(event.contains(*hook) for hook in HOOKS), "of", len(HOOKS))
"""


def test_importing_every_module_attaches_no_hook_and_create_app_attaches_each(tmp_path):
    result = subprocess.run([sys.executable, "-c", CHECK, str(tmp_path / "index")], cwd=PROJECT,
                            capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "DIRECTORY_ENV": "testing"})
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[0] == "imported: 0"
    assert lines[1] == "after two apps: 6 of 6"
