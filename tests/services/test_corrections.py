"""Public corrections at the service and schema level: suggested, then applied (a revision by staff, the
editors mailed) or dismissed. Real database and mail files."""
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from marshmallow import ValidationError

from directory.extensions import db
from directory.models import Correction, CorrectionStatus, OrganisationStatus, RevisionSource
from directory.schemas.organisations import corrections as correction_schemas
from directory.schemas.organisations.corrections import CORRECTABLE_FIELDS, CorrectionSchema, proposed_change
from directory.schemas.organisations.edit import OrganisationEditSchema
from directory.services.organisations import corrections
from directory.services.organisations.corrections import CorrectionError
from directory.services.organisations.records import EDITABLE_FIELDS

PO_FILE = Path(__file__).resolve().parents[2] / "directory" / "translations" / "th" / "LC_MESSAGES" / "messages.po"

# Services build absolute links for mail, as they do inside a request.
pytestmark = pytest.mark.usefixtures("request_context")


@pytest.fixture
def organisation(make_organisation):
    return make_organisation(name_th="มูลนิธิรักษ์ละงู", name_en="La-ngu Care Foundation", province="สตูล",
                             district="ละงู", phone="074 000 000")


def suggest(organisation, field="phone", value="074 123 456", **more):
    values, errors = proposed_values(organisation, field=field, proposed_value=value, **more)
    assert not errors, errors
    correction = corrections.suggest_correction(organisation, values)
    db.session.commit()
    return correction


def proposed_values(organisation, **form):
    try:
        return CorrectionSchema(organisation).load(form), {}
    except ValidationError as error:
        return None, error.messages


def apply(correction, by, note=None):
    change, errors = proposed_change(correction.organisation, correction.field, correction.proposed_value)
    assert not errors, errors
    changes = corrections.apply_correction(correction, change, by=by, note=note)
    db.session.commit()
    return changes


def test_the_fields_a_visitor_may_correct_come_from_the_edit_schema():
    assert set(CORRECTABLE_FIELDS) <= set(OrganisationEditSchema().fields) & set(EDITABLE_FIELDS)
    assert {"name_th", "description_th", "phone", "email", "website", "address", "district_code"} <= set(
        CORRECTABLE_FIELDS)
    assert not {"version", "remove_logo", "status", "is_verified", "latitude"} & set(CORRECTABLE_FIELDS)


def test_a_suggestion_is_stored_pending_with_what_the_visitor_said(organisation):
    correction = suggest(organisation, "phone", " 074 123 456 ", note="ดูจากป้ายหน้าสำนักงาน",
                         contact="somchai@example.net")
    db.session.expire_all()
    stored = db.session.get(Correction, correction.id)
    assert (stored.field, stored.proposed_value, stored.note, stored.contact, stored.status) == (
        "phone", "074 123 456", "ดูจากป้ายหน้าสำนักงาน", "somchai@example.net", CorrectionStatus.PENDING)
    assert stored.created_at is not None and stored.decided_at is None and stored.revision is None
    assert repr(stored) == f"<Correction {stored.id} of {organisation.id} phone pending>"
    assert organisation.phone == "074 000 000"  # nothing changes before staff decide


@pytest.mark.parametrize("form, field, message", [
    ({"field": "status", "proposed_value": "archived"}, "field", correction_schemas.CHOOSE_FIELD),
    ({"field": "phone"}, "proposed_value", "Please fill in this field."),
    ({"field": "email", "proposed_value": "not an address"}, "proposed_value", "Enter a valid email address."),
    ({"field": "founded_year", "proposed_value": "1066"}, "proposed_value", "Enter a year between 1800 and this year."),
    ({"field": "district_code", "proposed_value": "Nowhere"}, "proposed_value", "Choose a district from the list."),
    ({"field": "phone", "proposed_value": "074 1", "contact": "call me maybe"}, "contact",
     correction_schemas.BAD_CONTACT),
])
def test_the_form_refuses_what_an_edit_would(organisation, form, field, message):
    values, errors = proposed_values(organisation, **form)
    assert values is None and message in errors[field]


def test_a_telephone_or_an_email_is_a_contact(organisation):
    for contact in ("081-234-5678", "+66 81 234 5678", "malee@example.org"):
        values, errors = proposed_values(organisation, field="phone", proposed_value="074 1", contact=contact)
        assert not errors and values["contact"] == contact


def test_only_a_published_organisation_takes_suggestions(make_organisation):
    draft = make_organisation(status=OrganisationStatus.DRAFT)
    with pytest.raises(CorrectionError) as refused:
        corrections.suggest_correction(draft, {"field": "phone", "proposed_value": "1"})
    assert refused.value.code == "not_published"


def test_applying_is_a_staff_revision_of_source_correction_and_mails_the_editors(
        organisation, staff_user, make_user, mailbox):
    editor = make_user(email="editor@example.org", display_name="Editor Malee", editor_of=[organisation])
    make_user(email="gone@example.org", editor_of=[organisation]).is_active = False
    db.session.commit()
    correction = suggest(organisation, "phone", "074 123 456", contact="secret.visitor@example.net")

    changes = apply(correction, staff_user, note="โทรยืนยันแล้ว")

    db.session.expire_all()
    assert organisation.phone == "074 123 456" and changes == {"phone": ("074 000 000", "074 123 456")}
    assert correction.status is CorrectionStatus.APPLIED
    assert (correction.decided_by, correction.decision_note) == (staff_user, "โทรยืนยันแล้ว")
    revision = correction.revision
    assert (revision.source, revision.author, revision.changes) == (
        RevisionSource.CORRECTION, staff_user, {"phone": ["074 000 000", "074 123 456"]})

    assert [message["To"] for message in mailbox.messages()] == [editor.email]
    mail = mailbox.last(to=editor.email)
    body = mail.get_content()
    assert "La-ngu Care Foundation" in body and "มูลนิธิรักษ์ละงู" in body
    assert "074 123 456" in body and "Telephone" in body and "โทรศัพท์" in body
    assert f"http://localhost/organisations/{organisation.public_id}" in body
    assert "secret.visitor@example.net" not in body  # the visitor's contact is for staff only


def test_a_district_alone_is_applied_with_its_position(make_organisation, staff_user):
    organisation = make_organisation(province="สตูล")
    correction = suggest(organisation, "district_code", "ละงู")
    apply(correction, staff_user)
    db.session.expire_all()
    assert organisation.district.name_th == "ละงู" and organisation.is_position_approximate


def test_a_value_the_profile_already_has_is_refused_and_changes_nothing(organisation, staff_user):
    correction = suggest(organisation, "phone", "074 000 000")
    change, _ = proposed_change(organisation, "phone", correction.proposed_value)
    with pytest.raises(CorrectionError) as refused:
        corrections.apply_correction(correction, change, by=staff_user)
    assert refused.value.code == "no_change"
    db.session.rollback()
    assert db.session.get(Correction, correction.id).status is CorrectionStatus.PENDING


def test_a_value_that_became_invalid_is_caught_when_applying(make_organisation, staff_user):
    """A district valid when suggested, after staff moved the organisation to another province."""
    organisation = make_organisation(province="สตูล")
    correction = suggest(organisation, "district_code", "ละงู")
    organisation.province_code = "10"
    db.session.commit()
    change, errors = proposed_change(organisation, "district_code", correction.proposed_value)
    assert change is None and errors["proposed_value"]


def test_dismissing_keeps_the_profile_and_records_the_decision(organisation, staff_user, mailbox):
    correction = suggest(organisation)
    corrections.dismiss_correction(correction, by=staff_user, note="เบอร์นี้เป็นของร้านค้าข้างเคียง")
    db.session.commit()
    db.session.expire_all()
    assert organisation.phone == "074 000 000"
    assert (correction.status, correction.decided_by, correction.revision) == (
        CorrectionStatus.DISMISSED, staff_user, None)
    assert correction.decision_note == "เบอร์นี้เป็นของร้านค้าข้างเคียง"
    assert mailbox.messages() == []


def test_a_decision_is_made_once_and_only_by_staff(organisation, staff_user, make_user):
    correction = suggest(organisation)
    with pytest.raises(CorrectionError) as refused:
        corrections.dismiss_correction(correction, by=make_user(editor_of=[organisation]))
    assert refused.value.code == "forbidden"
    corrections.dismiss_correction(correction, by=staff_user)
    db.session.commit()
    change, _ = proposed_change(organisation, correction.field, correction.proposed_value)
    with pytest.raises(CorrectionError) as refused:
        corrections.apply_correction(correction, change, by=staff_user)
    assert refused.value.code == "already_decided"


def test_the_queue_is_newest_first_and_filters_by_status(organisation, staff_user):
    first, second, third = suggest(organisation), suggest(organisation, "name_en", "La-ngu Care"), suggest(organisation)
    corrections.dismiss_correction(third, by=staff_user)
    db.session.commit()
    assert corrections.correction_queue() == [second, first]
    assert corrections.correction_queue(CorrectionStatus.DISMISSED) == [third]
    assert corrections.correction_queue(None) == [third, second, first]
    assert corrections.count_pending_corrections() == 2


def test_every_message_has_its_thai_translation():
    with PO_FILE.open("rb") as po_file:
        catalog = read_po(po_file)
    assert [m for m in correction_schemas.MESSAGES if not (catalog.get(m) and catalog.get(m).string)] == []
