"""Organisation fields are declared once (directory/organisation_fields.py): every column of the model is
declared or named internal, every label has its Thai, and each consumer takes its fields from there."""
import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from directory.blueprints.account.profile import _values_of
from directory.models import Organisation
from directory.organisation_fields import (
    CSV_FIELDS,
    EDITOR,
    EDITOR_FIELDS,
    FIELDS,
    INTERNAL_COLUMNS,
    NOBODY,
    PLAIN_TEXT_KINDS,
    REGISTRATION_FIELDS,
    SECTIONS,
    STAFF,
)
from directory.presentation import FIELD_LABELS
from directory.schemas.organisations.claims import RegistrationSchema
from directory.schemas.organisations.corrections import CORRECTABLE_FIELDS
from directory.schemas.organisations.edit import OrganisationEditSchema
from directory.schemas.organisations.output import OrganisationSchema
from directory.schemas.organisations.rows import OrganisationRowSchema
from directory.services.organisations.csv_export import CSV_COLUMNS
from directory.services.organisations.moderation import FILLABLE_FIELDS
from directory.services.organisations.records import EDITABLE_FIELDS

DECLARED = {field.name for field in FIELDS}
# Relationships set by name through create/update_organisation; their columns are the *_id ones.
RELATIONSHIP_FIELDS = {"type": "type_id", "issue_areas": None}


def test_every_column_of_an_organisation_is_declared_or_internal():
    columns = {column.key for column in sa.inspect(Organisation).columns}
    declared_columns = {RELATIONSHIP_FIELDS.get(name, name) for name in DECLARED} - {None}
    missing = columns - declared_columns - set(INTERNAL_COLUMNS)
    assert not missing, f"declare these in directory/organisation_fields.py or list them as internal: {missing}"
    assert not declared_columns & set(INTERNAL_COLUMNS)
    assert not declared_columns - columns, "a declared field that is no column of Organisation"


def test_each_declaration_is_complete():
    assert len(DECLARED) == len(FIELDS), "a field declared twice"
    for field in FIELDS:
        assert field.edited_by in (EDITOR, STAFF, NOBODY), field.name
        assert field.section is None or field.section in SECTIONS, field.name
        if field.kind in PLAIN_TEXT_KINDS:
            assert field.limit > 0, field.name  # from the column, or TEXT_LENGTHS for a Text column


def test_every_label_has_thai_and_its_msgid_is_the_english(app):
    with app.test_request_context():
        for field in FIELDS:
            with force_locale("en"):
                english = str(field.label)
            with force_locale("th"):
                thai = str(field.label)
            assert english == field.label._args[0], field.name
            assert thai.strip() and thai != english, f"{field.name} has no Thai label: {thai}"


@pytest.mark.parametrize("consumer, fields", [
    ("services.organisations.EDITABLE_FIELDS", lambda: set(EDITABLE_FIELDS)),
    ("presentation.FIELD_LABELS", lambda: set(FIELD_LABELS)),
])
def test_the_services_and_the_history_take_every_declared_field(consumer, fields):
    assert fields() == DECLARED, consumer


def test_the_edit_form_and_the_api_take_the_fields_editors_set():
    schema_fields = OrganisationEditSchema().fields
    assert list(schema_fields) == [field.name for field in EDITOR_FIELDS] + ["version", "remove_logo"]
    for field in EDITOR_FIELDS:
        assert (schema_fields[field.name].data_key or field.name) == field.data_key
    assert set(CORRECTABLE_FIELDS) <= {field.name for field in EDITOR_FIELDS}


def test_registration_asks_for_the_registration_fields():
    schema_fields = RegistrationSchema().fields
    assert {field.name for field in REGISTRATION_FIELDS} <= set(schema_fields)
    for field in REGISTRATION_FIELDS:
        assert schema_fields[field.name].required == field.required, field.name


def test_the_spreadsheet_has_a_column_for_each_csv_field():
    assert CSV_COLUMNS == [field.csv for field in CSV_FIELDS]
    row_fields = OrganisationRowSchema(references=None).fields
    assert {field.data_key or name for name, field in row_fields.items()} == set(CSV_COLUMNS)


def test_the_public_output_shows_the_public_fields_and_no_others():
    public = set(OrganisationSchema.FIELD_SETS["public"])
    for field in FIELDS:
        shown = field.name in public or (field.section == "contact" and "contact" in public)
        assert shown == field.public, field.name


def test_a_merge_fills_only_declared_fillable_fields():
    assert set(FILLABLE_FIELDS) == {field.name for field in FIELDS if field.fillable}
    assert not {"name_th", "status", "is_verified", "is_demo", "merged_into_id"} & set(FILLABLE_FIELDS)


def test_the_profile_form_shows_every_field_editors_set(make_organisation):
    values = _values_of(make_organisation())
    assert set(values) == {"version"} | {field.data_key for field in EDITOR_FIELDS}
