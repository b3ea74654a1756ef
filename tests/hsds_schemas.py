"""Checks an HSDS export against the vendored Open Referral HSDS 3.0 JSON schemas (tests/data/hsds_schema/).

As the specification's own example check does, every object schema is made to refuse properties it does
not name (a misspelt field would otherwise pass), and formats are checked: uuid, email and uri.
"""
import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from directory.services.organisations.hsds_export import TABLES

SCHEMA_DIR = Path(__file__).resolve().parent / "data" / "hsds_schema"


def _closed(schema):
    """The schema with additionalProperties false on every object that lists its properties."""
    if isinstance(schema, dict):
        closed = {key: _closed(value) for key, value in schema.items()}
        if "properties" in schema:
            closed["additionalProperties"] = False
        return closed
    if isinstance(schema, list):
        return [_closed(value) for value in schema]
    return schema


def _format_checker():
    checker = FormatChecker()  # uuid and email built in; uri would need rfc3987, so it is checked here

    @checker.checks("uri")
    def is_absolute_uri(value):
        parts = urlsplit(value)
        return bool(parts.scheme and parts.netloc) and " " not in value

    return checker


@cache
def validator(schema_name):
    """A validator for one HSDS schema (`organization`, `phone`...), its $refs resolved among the vendored files."""
    schemas = {path.name: _closed(json.loads(path.read_text(encoding="utf-8"))) for path in SCHEMA_DIR.glob("*.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012)) for name, schema in schemas.items())
    return Draft202012Validator(schemas[f"{schema_name}.json"], registry=registry, format_checker=_format_checker())


def validated_tables(folder):
    """{table: records} of an HSDS folder, once every record of every table passed its schema."""
    folder = Path(folder)
    tables = {}
    for table, schema_name in TABLES.items():
        records = json.loads((folder / f"{table}.json").read_text(encoding="utf-8"))
        assert isinstance(records, list), table
        for record in records:
            errors = [f"{table} {record.get('id')}: {'/'.join(map(str, error.path))} {error.message}"
                      for error in validator(schema_name).iter_errors(record)]
            assert errors == []
        tables[table] = records
    return tables
