"""Open Referral HSDS 3.0 (the Human Services Data Specification): the published organisations as its
tables, one JSON file per table in a folder, with a datapackage.json that names the licence and when the
files were made.

The records are made from the public API's records of the organisations (the caller's), so nothing goes
in that a public profile does not show. Ids are UUIDs derived from the public ids, the same in every
export, so a reader can match this month's file with last month's.

What the directory holds maps onto HSDS like this: the organisation (Thai name; the English name as its
alternate_name; the type as its legal_status), one physical location in its district and province with
that address (and the position only when it is the address's own, not the district's centre), the
published telephone numbers, the registration number as an organization_identifier, and the issue areas
as a taxonomy whose terms are linked to organisations through `attribute` rows. HSDS's contacts are named
people; profiles publish none, so contacts.json is empty. Made-up demonstration organisations are left
out: HSDS has no field to mark them as such.
"""
import json
import re
import uuid
from contextlib import ExitStack
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app

from directory.links import public_url_builder

HSDS_VERSION = "3.0"
HSDS_SCHEMA_URL = "https://github.com/openreferral/specification/tree/v3.0/schema"
# Each file (a table) and the HSDS schema of its records.
TABLES = {"organizations": "organization", "organization_identifiers": "organization_identifier",
          "locations": "location", "addresses": "address", "phones": "phone", "contacts": "contact",
          "taxonomies": "taxonomy", "taxonomy_terms": "taxonomy_term", "attributes": "attribute"}
# Fixed once: every id in every export is derived from it and a public id or slug, never from a row id.
ID_NAMESPACE = uuid.UUID("ea319cd9-8a5f-43f1-9382-a997002ced78")
ISSUE_AREAS_TAXONOMY = "ประเด็นงาน (Issue areas)"
_POSTAL_CODE_AT_END = re.compile(r"(?<!\d)(\d{5})\s*$")
_PHONE_SEPARATORS = re.compile(r"\s*[,;]\s*")


def hsds_id(*parts):
    """The UUID of an HSDS record: hsds_id("organization", public_id), hsds_id("taxonomy_term", slug)..."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


def write_hsds_folder(folder, organisations, issue_areas) -> int:
    """Write the HSDS tables of `organisations` (public API records, streamed) and the issue-area
    taxonomy (IssueArea rows) into `folder`; returns how many organisations went in."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    url_for = public_url_builder()
    count = 0
    with ExitStack() as stack:
        tables = {name: stack.enter_context(_JsonArrayFile(folder / f"{name}.json")) for name in TABLES}
        taxonomy = _issue_area_taxonomy(url_for)
        tables["taxonomies"].write(taxonomy)
        for issue_area in issue_areas:
            tables["taxonomy_terms"].write(_taxonomy_term(issue_area, taxonomy, url_for))
        for record in organisations:
            if record["is_demo"]:
                continue
            for name, row in organisation_rows(record):
                tables[name].write(row)
            count += 1
    _write_datapackage(folder / "datapackage.json")
    return count


def organisation_rows(record):
    """(table, row) pairs for one organisation, from its public API record."""
    public_id = record["id"]
    organisation_id = hsds_id("organization", public_id)
    contact = record["contact"]
    organisation_type = record["type"]
    yield "organizations", _without_empty({
        "id": organisation_id,
        "name": record["name_th"],
        "alternate_name": record["name_en"],
        # Required by HSDS; Thai first, as on the profile.
        "description": record["description_th"] or record["description_en"] or "",
        "email": contact["email"],
        "website": _web_address(contact["website"]),
        "year_incorporated": record["founded_year"],
        "legal_status": organisation_type["name_th"] if organisation_type else None,
        "uri": record["url"],
    })
    if record["registration_number"]:
        yield "organization_identifiers", {
            "id": hsds_id("organization_identifier", public_id), "organization_id": organisation_id,
            "identifier_type": "เลขทะเบียน (registration number)", "identifier": record["registration_number"]}
    location_id = hsds_id("location", public_id)
    has_own_position = record["latitude"] is not None and not record["is_position_approximate"]
    yield "locations", _without_empty({
        "id": location_id,
        "location_type": "physical",
        "organization_id": organisation_id,
        "name": record["name_th"],
        "latitude": record["latitude"] if has_own_position else None,
        "longitude": record["longitude"] if has_own_position else None,
    })
    yield "addresses", _address(record, location_id)
    for number, phone in enumerate(_PHONE_SEPARATORS.split(contact["phone"] or ""), start=1):
        if phone:
            yield "phones", {"id": hsds_id("phone", public_id, str(number)), "organization_id": organisation_id,
                             "number": phone}
    for issue_area in record["issue_areas"]:
        yield "attributes", {
            "id": hsds_id("attribute", public_id, issue_area["slug"]),
            "link_id": organisation_id, "link_entity": "organization", "link_type": "issue_area",
            "taxonomy_term_id": hsds_id("taxonomy_term", issue_area["slug"])}


def _address(record, location_id):
    """The profile's address; HSDS requires every part, so a part the profile lacks is empty."""
    street = record["address"] or ""
    postal_code = _POSTAL_CODE_AT_END.search(street)
    return {
        "id": hsds_id("address", record["id"]),
        "location_id": location_id,
        "address_1": street,
        "city": record["district"]["name_th"] if record["district"] else "",
        "state_province": record["province"]["name_th"],
        "postal_code": postal_code.group(1) if postal_code else "",
        "country": "TH",
        "address_type": "physical",
    }


def _issue_area_taxonomy(url_for):
    return {
        "id": hsds_id("taxonomy", "issue-areas"),
        "name": ISSUE_AREAS_TAXONOMY,
        "description": "The issue areas the directory classifies organisations by; each term's name is Thai "
                       "and its description the English name.",
        "uri": url_for("api.list_issue_areas"),
    }


def _taxonomy_term(issue_area, taxonomy, url_for):
    return {
        "id": hsds_id("taxonomy_term", issue_area.slug),
        "code": issue_area.slug,
        "name": issue_area.name_th,
        "description": issue_area.name_en,
        "taxonomy": ISSUE_AREAS_TAXONOMY,
        "taxonomy_id": taxonomy["id"],
        "language": "th",
        "term_uri": url_for("public.issue_area", slug=issue_area.slug),
    }


def _web_address(value):
    """An absolute http(s) URI (HSDS's format) for a website as typed: "www.example.org" gets https://."""
    if not value:
        return None
    if "://" not in value:
        value = f"https://{value}"
    parts = urlsplit(value)
    return value if parts.scheme.lower() in ("http", "https") and "." in parts.netloc else None


def _without_empty(row):
    """HSDS fields are typed, never null: a value the profile lacks is left out."""
    return {key: value for key, value in row.items() if value is not None}


def _write_datapackage(path):
    """A Frictionless data package describing the folder: what each file holds, the licence, the date."""
    config = current_app.config
    package = {
        "profile": "data-package",
        "name": "thai-cso-organisations-hsds",
        "title": "Thai civil-society organisations (Open Referral HSDS 3.0)",
        "description": f"Every published organisation of the directory as Human Services Data Specification "
                       f"{HSDS_VERSION} tables, one JSON array per file; the schemas are at {HSDS_SCHEMA_URL}.",
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "licenses": [{"title": config["OPEN_DATA_LICENCE"], "path": config["OPEN_DATA_LICENCE_URL"]}],
        "sources": [{"title": "สถาบันส่งเสริมและพัฒนาภาคประชาสังคม (Civil Society Promotion Institute)"}],
        "resources": [{"name": name, "path": f"{name}.json", "format": "json", "mediatype": "application/json",
                       "hsds_schema": f"{HSDS_SCHEMA_URL}/{schema}.json"} for name, schema in TABLES.items()],
    }
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


class _JsonArrayFile:
    """A JSON array written one record at a time (a record a line), so 50,000 organisations never sit in memory."""

    def __init__(self, path):
        self.path = path
        self.count = 0

    def __enter__(self):
        self.handle = open(self.path, "w", encoding="utf-8")
        self.handle.write("[")
        return self

    def write(self, record):
        self.handle.write(",\n" if self.count else "\n")
        self.handle.write(json.dumps(record, ensure_ascii=False))
        self.count += 1

    def __exit__(self, exc_type, *_):
        if exc_type is None:  # a file cut short by an error stays invalid JSON rather than pass for complete
            self.handle.write("\n]\n")
        self.handle.close()
