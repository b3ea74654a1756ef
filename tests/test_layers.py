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

# Known and to be removed (issue 15, item 5): the spreadsheet import, a service, checks rows with a schema.
KNOWN = {"directory/services/organisation_csv.py imports directory.schemas.organisation_rows",
         "directory/services/organisation_csv.py imports directory.schemas.organisation_rows.OrganisationRowSchema",
         "directory/services/organisation_csv.py imports directory.schemas.organisation_rows.RowReferences"}


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
    assert folder.is_dir() or layer == "directory/workflows", layer
    wrong = sorted({f"{path.relative_to(PROJECT)} imports {name}"
                    for path in folder.rglob("*.py") for name in imported_names(path)
                    if any(name == forbidden or name.startswith(f"{forbidden}.") for forbidden in RULES[layer])})
    wrong = [line for line in wrong if line not in KNOWN]
    assert not wrong, "\n".join(wrong)
