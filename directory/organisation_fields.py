"""Every field of an organisation that people or services set, declared once.

Each consumer reads this list rather than keeping its own: what create/update_organisation accept, the
profile form and the API (schemas/organisations/edit.py), registration (schemas/organisations/claims.py), the
spreadsheet's columns (schemas/organisations/rows.py, services/organisations/csv_export.py, workflows/), the history's
labels and order, what a merge fills in, the public output (schemas/organisations/output.py) and the generic
rows of the profile page and the edit form. A field whose kind is plain text ("text", "long_text")
needs nothing more than its line here: the schemas build its input and output from `kind` and `limit`.
tests/schemas/test_organisation_fields.py fails when a column of Organisation is neither declared
here nor in INTERNAL_COLUMNS, and when a label has no Thai.

Below the services and the schemas (both import it); it imports neither.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext

from directory.models import Organisation
from directory.models.organisations import TEXT_LENGTHS

# Who sets a field's value. EDITOR: the profile form and the API (the organisation's editors and staff).
# STAFF: only staff, by the back office's own actions (publish, verify, merge). NOBODY: no one types it;
# the services set it (the import's ref, a stored logo's file name, a position worked out from a place).
EDITOR, STAFF, NOBODY = "editor", "staff", "none"
# Plain kinds: a schema needs no field of its own for these, the declaration is enough.
PLAIN_TEXT_KINDS = ("text", "long_text")
# Where the profile page shows a field; "details" rows of a plain kind are drawn by a loop over DETAILS.
SECTIONS = ("names", "details", "description", "location", "contact")

# Columns nobody sets through create/update_organisation: ours, or the ORM's.
INTERNAL_COLUMNS = ("id", "public_id", "slug", "created_at", "updated_at", "version")


@dataclass(frozen=True)
class OrganisationField:
    """One field: `name` is the Organisation attribute (a column, or the relationship for type and
    issue areas) and the key of revisions and of the values the services take.

    kind: how its value is read and shown ("text" one line, "long_text" several lines and a word diff
    in the history, "name", "type", "issue_areas", "target_groups", "province", "district",
    "coordinate", "flag", "year", "phone", "email", "url", "status", "organisation", "file").
    label: an English msgid (its Thai in messages.po). key: its name in forms, the API and the output
    when that is not `name`. required: it may never be blank. csv: its spreadsheet column, None when it
    is not in the spreadsheet.
    edited_by: EDITOR, STAFF or NOBODY. registration: asked for when someone registers an organisation.
    public: in the API's output and the open data. fillable: a merge copies it from the duplicate where
    the organisation kept has none. searchable: its words are found by the search (services/search/adapter.py).
    section: where the profile shows it (SECTIONS), None when it does not.
    """

    name: str
    kind: str
    label: object
    key: str | None = None
    required: bool = False
    csv: str | None = None
    edited_by: str = EDITOR
    registration: bool = False
    public: bool = True
    fillable: bool = True
    searchable: bool = False
    in_history: bool = True
    section: str | None = "details"
    description: str | None = None  # for the OpenAPI document

    @property
    def limit(self):
        """The most characters it takes: its column's length, or for a Text column TEXT_LENGTHS'."""
        return organisation_limit(self.name)

    @property
    def data_key(self):
        return self.key or self.name


def organisation_limit(column):
    """The most characters an organisation's column takes: its length, or for a Text column TEXT_LENGTHS'."""
    return Organisation.__table__.c[column].type.length or TEXT_LENGTHS[column]


# In the spreadsheet's column order, which the history and the output follow too.
FIELDS = (
    OrganisationField("ref", "text", lazy_gettext("Reference"), csv="ref", edited_by=NOBODY, public=False,
                      fillable=False, section=None),
    OrganisationField("name_th", "name", lazy_gettext("Name in Thai"), required=True, csv="name_th",
                      registration=True, fillable=False, searchable=True, section="names"),
    OrganisationField("name_en", "name", lazy_gettext("Name in English"), csv="name_en", registration=True,
                      searchable=True, section="names"),
    OrganisationField("type", "type", lazy_gettext("Organisation type"), csv="type", registration=True,
                      searchable=True),
    OrganisationField("registration_number", "text", lazy_gettext("Registration number"), edited_by=NOBODY),
    OrganisationField("province_code", "province", lazy_gettext("Province"), key="province", required=True,
                      csv="province", registration=True, fillable=False, searchable=True, section="location"),
    OrganisationField("district_code", "district", lazy_gettext("District"), key="district", csv="district",
                      registration=True, fillable=False, searchable=True, section="location"),
    OrganisationField("issue_areas", "issue_areas", lazy_gettext("Issue areas"), csv="issue_areas",
                      searchable=True),
    OrganisationField("target_groups", "target_groups", lazy_gettext("Target groups"), searchable=True),
    OrganisationField("description_th", "long_text", lazy_gettext("Description in Thai"), csv="description_th",
                      registration=True, searchable=True, section="description"),
    OrganisationField("description_en", "long_text", lazy_gettext("Description in English"),
                      csv="description_en", searchable=True, section="description"),
    OrganisationField("address", "long_text", lazy_gettext("Address"), csv="address", searchable=True,
                      section="location"),
    OrganisationField("latitude", "coordinate", lazy_gettext("Latitude"), csv="lat", fillable=False,
                      section="location"),
    OrganisationField("longitude", "coordinate", lazy_gettext("Longitude"), csv="lon", fillable=False,
                      section="location"),
    OrganisationField("is_position_approximate", "flag", lazy_gettext("Approximate position"), edited_by=NOBODY,
                      fillable=False, section="location",
                      description="True when the position is the district's (or province's) centre, not the "
                                  "address."),
    OrganisationField("phone", "phone", lazy_gettext("Telephone"), csv="phone", registration=True,
                      section="contact"),
    OrganisationField("email", "email", lazy_gettext("Email"), csv="email", registration=True, section="contact"),
    OrganisationField("website", "url", lazy_gettext("Website"), csv="website", registration=True,
                      section="contact"),
    OrganisationField("facebook", "url", lazy_gettext("Facebook"), csv="facebook", section="contact"),
    OrganisationField("line_id", "text", lazy_gettext("LINE ID"), csv="line_id", section="contact"),
    OrganisationField("founded_year", "year", lazy_gettext("Founded"), csv="founded_year",
                      description="Common Era (not Buddhist Era)."),
    OrganisationField("logo_filename", "file", lazy_gettext("Logo"), edited_by=NOBODY, public=False,
                      section=None),
    OrganisationField("status", "status", lazy_gettext("Status"), edited_by=STAFF, public=False, fillable=False,
                      section=None),
    OrganisationField("is_verified", "flag", lazy_gettext("Verified"), edited_by=STAFF, fillable=False,
                      section=None),
    OrganisationField("is_demo", "flag", lazy_gettext("Demo data"), edited_by=NOBODY, fillable=False,
                      section=None, description="True for made-up demonstration data."),
    OrganisationField("merged_into_id", "organisation", lazy_gettext("Merged into"), edited_by=STAFF,
                      public=False, fillable=False, section=None),
)

BY_NAME = {field.name: field for field in FIELDS}
FIELD_NAMES = tuple(BY_NAME)
EDITOR_FIELDS = tuple(field for field in FIELDS if field.edited_by == EDITOR)
REGISTRATION_FIELDS = tuple(field for field in FIELDS if field.registration)
CSV_FIELDS = tuple(field for field in FIELDS if field.csv)
PUBLIC_FIELDS = tuple(field for field in FIELDS if field.public)
FILLABLE_FIELDS = tuple(field.name for field in FIELDS if field.fillable)
LONG_TEXT_FIELDS = tuple(field.name for field in FIELDS if field.kind == "long_text")
# Plain fields the profile lists under "Details" and the edit form asks for at the end of its first part.
DETAILS = tuple(field for field in FIELDS if field.section == "details" and field.kind in PLAIN_TEXT_KINDS)


def kind_of(name):
    """The declared kind of the field called `name`, or None for a name that is not a field (an old
    revision may hold one)."""
    field = BY_NAME.get(name)
    return field.kind if field else None

