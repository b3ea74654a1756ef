"""The engine is plain Python + numpy/scipy/geopy: no Flask, no database."""
import ast
import subprocess
import sys
from pathlib import Path

import directory.matching

PACKAGE = Path(directory.matching.__file__).parent
FORBIDDEN = ("flask", "flask_sqlalchemy", "sqlalchemy", "werkzeug", "jinja2")


def test_no_module_of_the_engine_imports_flask_or_the_database():
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"
                assert not name.startswith("directory.") or name.startswith("directory.matching"), \
                    f"{path.name} imports {name}: the engine may only use its own modules"


def test_importing_and_running_the_engine_loads_no_flask_module():
    # `directory/__init__.py` imports Flask for create_app, so the parent package is replaced by an empty
    # one pointing at the same folder: what is measured is the engine's own imports.
    script = f"""
import sys, types
parent = types.ModuleType("directory")
parent.__path__ = [{str(PACKAGE.parent)!r}]
sys.modules["directory"] = parent
from directory.matching import Host, Participant, match
from directory.matching.greedy import greedy_match
match([Participant(1, {{"x"}}, latitude=13.7, longitude=100.5)], [Host("h", 1, latitude=14, longitude=100)])
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {FORBIDDEN!r})
print(",".join(loaded))
"""
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == ""
