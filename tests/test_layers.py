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


def domain_imports(layer):
    """{domain: {the other domains of `layer` it imports}}; a module at the top of the layer is a domain of its own."""
    package = f"directory.{layer}"
    graph = {}
    for path in (PROJECT / "directory" / layer).rglob("*.py"):
        parts = path.relative_to(PROJECT / "directory" / layer).with_suffix("").parts
        if parts == ("__init__",):
            continue
        edges = graph.setdefault(parts[0], set())
        for name in imported_names(path):
            if name.startswith(f"{package}."):
                other = name.split(".")[2]
                folder = PROJECT / "directory" / layer
                if other != parts[0] and ((folder / other).is_dir() or (folder / f"{other}.py").is_file()):
                    edges.add(other)
    return graph


def circle_in(graph):
    """One circle of the graph as a list of its nodes, or None."""
    done, path = set(), []

    def visit(node):
        if node in path:
            return path[path.index(node):] + [node]
        if node in done:
            return None
        path.append(node)
        for other in sorted(graph.get(node, ())):
            if found := visit(other):
                return found
        path.pop()
        done.add(node)
        return None

    return next((found for node in sorted(graph) if (found := visit(node))), None)


@pytest.mark.parametrize("layer", ["services", "schemas"])
def test_the_domains_of_a_layer_import_each_other_without_a_circle(layer):
    graph = domain_imports(layer)
    assert len(graph) > 1, graph
    assert circle_in(graph) is None, " -> ".join(circle_in(graph))


def test_a_circle_is_found():
    assert circle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert circle_in({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None
