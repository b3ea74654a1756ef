"""The layers import one way (STYLE.md: blueprint -> service -> model): each rule names what a layer may never
import, counting imports inside functions too. A constant two layers need lives below both."""
import ast
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
ABOVE_SERVICES = ("directory.schemas", "directory.workflows", "directory.blueprints", "directory.cli",
                  "directory.setup", "directory.presentation", "directory.labels", "directory.structured_data",
                  "directory.map_features")
RULES = {
    "directory/models": ("directory.services", *ABOVE_SERVICES),
    "directory/services": ABOVE_SERVICES,
    "directory/schemas": ("directory.workflows", "directory.blueprints", "directory.cli", "directory.setup",
                          "directory.presentation", "directory.structured_data", "directory.map_features"),
    "directory/workflows": ("directory.blueprints", "directory.cli", "directory.setup"),
    "directory/blueprints": ("directory.cli", "directory.setup"),
    "search_index": ("directory", "flask", "flask_sqlalchemy", "sqlalchemy"),
}



def imported_names(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


@pytest.mark.parametrize("layer", RULES)
def test_a_layer_imports_nothing_above_it(layer):
    folder = PROJECT / layer
    assert folder.is_dir(), layer
    wrong = sorted({f"{path.relative_to(PROJECT)} imports {name}"
                    for path in folder.rglob("*.py") for name in imported_names(path)
                    if any(name == forbidden or name.startswith(f"{forbidden}.") for forbidden in RULES[layer])})
    assert not wrong, "\n".join(wrong)
