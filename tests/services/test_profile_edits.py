"""The edit schema (shared by the form and the API) and the service behind both."""
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
import sqlalchemy as sa
from babel.messages.pofile import read_po
from marshmallow import ValidationError
from PIL import Image

from directory.extensions import db
from directory.models import Organisation, OrganisationRevision, OrganisationStatus, RevisionSource
from directory.schemas.organisations import edit as organisation_edit
from directory.schemas.organisations.edit import OrganisationEditSchema
from directory.services.organisations.logos import is_logo_filename, logo_folder, read_logo
from directory.services.organisations.permissions import can_edit, editable_organisation
from directory.services.organisations.profile_edits import StaleEdit, edit_organisation_profile
from directory.services.places.gazetteer import gazetteer

PO_FILE = Path(__file__).resolve().parents[2] / "directory" / "translations" / "th" / "LC_MESSAGES" / "messages.po"


@pytest.fixture
def organisation(make_organisation):
    return make_organisation(name_th="มูลนิธิเดิม", province="สตูล", district="ละงู", issue_areas=["elderly-care"])


@pytest.fixture
def editor(make_user, organisation):
    return make_user(editor_of=[organisation])


def load(organisation, **data):
    return OrganisationEditSchema(organisation).load({"version": organisation.version, **data})


def revisions(organisation):
    return db.session.scalars(sa.select(OrganisationRevision).where(
        OrganisationRevision.organisation_id == organisation.id).order_by(OrganisationRevision.id)).all()


def edit(organisation, editor, **data):
    values = load(organisation, **data)
    changes = edit_organisation_profile(organisation, values, editor=editor, expected_version=values.pop("version"))
    db.session.commit()
    return changes


def test_an_editor_changes_the_profile_in_one_revision(organisation, editor):
    version = organisation.version
    changes = edit(organisation, editor, name_th="  มูลนิธิ   ใหม่ ", name_en="New Foundation",
                   issue_areas=["elderly-care", "children-youth"], target_groups=["ผู้สูงอายุ", " ผู้สูงอายุ ", "เด็ก"],
                   website="www.example.org", founded_year="2540", type="association")
    db.session.expire_all()
    assert organisation.name_th == "มูลนิธิ ใหม่" and organisation.name_en == "New Foundation"
    assert [area.slug for area in organisation.issue_areas] == ["elderly-care", "children-youth"]
    assert organisation.target_groups == ["ผู้สูงอายุ", "เด็ก"]
    assert organisation.website == "https://www.example.org"
    assert organisation.founded_year == 1997 and organisation.type.slug == "association"
    assert organisation.version == version + 1
    assert set(changes) == {"name_th", "name_en", "issue_areas", "target_groups", "website", "founded_year", "type"}
    last = revisions(organisation)[-1]
    assert last.source is RevisionSource.EDITOR and last.author_id == editor.id
    assert last.changes["name_en"][1] == "New Foundation"


def test_staff_who_are_not_editors_edit_as_staff(organisation, make_user):
    staff = make_user(role="staff")
    edit(organisation, staff, phone="074 123 456")
    assert revisions(organisation)[-1].source is RevisionSource.STAFF


def test_a_no_op_edit_records_nothing_and_keeps_the_version(organisation, editor):
    version, count = organisation.version, len(revisions(organisation))
    assert edit(organisation, editor, name_th=organisation.name_th, issue_areas=["elderly-care"],
                latitude=None, longitude=None, province="91", district="ละงู") == {}
    db.session.expire_all()
    assert organisation.version == version and len(revisions(organisation)) == count


def test_a_stale_version_is_refused_and_nothing_changes(organisation, editor, make_user):
    seen = organisation.version
    edit(organisation, make_user(role="staff"), name_en="Saved first")
    values = OrganisationEditSchema(organisation).load({"version": seen, "name_en": "Saved second"})
    count = len(revisions(organisation))
    with pytest.raises(StaleEdit) as refused:
        edit_organisation_profile(organisation, values, editor=editor, expected_version=values.pop("version"))
    assert refused.value.current_version == seen + 1
    db.session.rollback()
    assert organisation.name_en == "Saved first" and len(revisions(organisation)) == count


def test_a_concurrent_save_between_read_and_write_is_caught_at_flush(organisation, editor):
    """Both read version N; the other commits first; our UPDATE ... WHERE version = N matches nothing."""
    seen = organisation.version
    with db.engine.begin() as other:
        other.execute(sa.update(Organisation.__table__).where(Organisation.__table__.c.id == organisation.id)
                      .values(name_en="Other writer", version=seen + 1))
    values = OrganisationEditSchema(organisation).load({"version": seen, "name_en": "Mine"})
    with pytest.raises(StaleEdit):
        edit_organisation_profile(organisation, values, editor=editor, expected_version=values.pop("version"))
    db.session.rollback()
    db.session.expire_all()
    assert organisation.name_en == "Other writer" and organisation.version == seen + 1


def test_blank_coordinates_put_the_organisation_at_its_district_centre(organisation, editor):
    edit(organisation, editor, latitude=6.95, longitude=99.8)
    assert (organisation.latitude, organisation.is_position_approximate) == (6.95, False)
    edit(organisation, editor, latitude=None, longitude=None, district="ท่าแพ")
    centre = gazetteer().district("ท่าแพ", "91")
    assert (organisation.latitude, organisation.longitude) == (centre.latitude, centre.longitude)
    assert organisation.is_position_approximate and organisation.district_code == centre.code


def test_a_new_province_alone_clears_a_district_outside_it(organisation, editor):
    edit(organisation, editor, province="Krabi")
    assert organisation.province_code == gazetteer().province("Krabi").code
    assert organisation.district_code is None
    province = gazetteer().provinces[organisation.province_code]
    assert (organisation.latitude, organisation.longitude) == (province.latitude, province.longitude)


def png(size=(800, 600)):
    output = BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(output, format="PNG")
    return output.getvalue()


def test_a_logo_is_stored_and_a_replaced_one_kept_for_the_history(organisation, editor):
    """A staff revert can bring an old logo back, so its file must still be there."""
    values = load(organisation)
    changes = edit_organisation_profile(organisation, values, editor=editor, logo=read_logo(BytesIO(png())),
                                        expected_version=values.pop("version"))
    db.session.commit()
    first = organisation.logo_filename
    assert is_logo_filename(first) and (logo_folder() / first).exists()
    values = load(organisation)
    changes = edit_organisation_profile(organisation, values, editor=editor, logo=read_logo(BytesIO(png((90, 90)))),
                                        expected_version=values.pop("version"))
    db.session.commit()
    assert changes["logo_filename"] == (first, organisation.logo_filename)
    assert (logo_folder() / first).exists() and (logo_folder() / organisation.logo_filename).exists()
    second = organisation.logo_filename
    edit(organisation, editor, remove_logo=True)
    assert organisation.logo_filename is None and (logo_folder() / second).exists()


def test_a_refused_edit_leaves_no_stored_logo(organisation, editor, make_user):
    seen = organisation.version
    edit(organisation, make_user(role="staff"), name_en="Saved first")
    with pytest.raises(StaleEdit):
        edit_organisation_profile(organisation, {}, editor=editor, logo=read_logo(BytesIO(png())),
                                  expected_version=seen)
    db.session.rollback()
    assert not logo_folder().exists() or list(logo_folder().iterdir()) == []


@pytest.mark.parametrize("field", ["status", "is_verified", "is_demo", "id", "public_id", "slug", "ref",
                                   "merged_into_id", "logo_filename", "registration_number", "created_at"])
def test_fields_editors_may_not_set_are_refused(organisation, field):
    with pytest.raises(ValidationError) as refused:
        load(organisation, **{field: "published" if field == "status" else "x"})
    assert refused.value.messages == {field: [organisation_edit.UNKNOWN_FIELD]}


def test_the_version_is_required_and_never_set(organisation):
    with pytest.raises(ValidationError) as refused:
        OrganisationEditSchema(organisation).load({"name_en": "x"})
    assert refused.value.messages == {"version": [organisation_edit.VERSION_MISSING]}


@pytest.mark.parametrize("data, field, message", [
    ({"name_th": "  "}, "name_th", organisation_edit.NAME_REQUIRED),
    ({"name_th": "ก" * 301}, "name_th", "Use at most 300 characters."),
    ({"description_en": "x" * 5001}, "description_en", "Use at most 5000 characters."),
    ({"website": "javascript:alert(1)"}, "website", organisation_edit.BAD_URL),
    ({"facebook": "ftp://facebook.com/x"}, "facebook", organisation_edit.BAD_URL),
    ({"email": "not-an-email"}, "email", organisation_edit.BAD_EMAIL),
    ({"founded_year": "1799"}, "founded_year", organisation_edit.BAD_YEAR),
    ({"founded_year": str(date.today().year + 1)}, "founded_year", organisation_edit.BAD_YEAR),
    ({"founded_year": "soon"}, "founded_year", organisation_edit.BAD_YEAR),
    ({"latitude": "1.3", "longitude": "103.8"}, "latitude", organisation_edit.LATITUDE_OUTSIDE),
    ({"latitude": "13.7", "longitude": "110"}, "longitude", organisation_edit.LONGITUDE_OUTSIDE),
    ({"latitude": "north", "longitude": "100"}, "latitude", organisation_edit.BAD_NUMBER),
    ({"latitude": "13.7"}, "latitude", organisation_edit.HALF_A_POSITION),
    ({"latitude": "13.7", "longitude": ""}, "latitude", organisation_edit.HALF_A_POSITION),
    ({"province": "Atlantis"}, "province", organisation_edit.CHOOSE_PROVINCE),
    ({"province": ""}, "province", organisation_edit.PROVINCE_REQUIRED),
    ({"district": "เมืองเชียงใหม่"}, "district", organisation_edit.DISTRICT_ELSEWHERE),
    ({"province": "กระบี่", "district": "ละงู"}, "district", organisation_edit.DISTRICT_ELSEWHERE),
    ({"district": "Nowhere"}, "district", organisation_edit.CHOOSE_DISTRICT),
    ({"type": "cartel"}, "type", organisation_edit.CHOOSE_TYPE),
    ({"issue_areas": ["elderly-care", "astrology"]}, "issue_areas", organisation_edit.CHOOSE_ISSUE_AREAS),
    ({"issue_areas": "elderly-care"}, "issue_areas", organisation_edit.EXPECTED_LIST),
    ({"target_groups": [f"group {n}" for n in range(21)]}, "target_groups", organisation_edit.TOO_MANY_TARGET_GROUPS),
    ({"target_groups": "x" * 101}, "target_groups", "Use at most 100 characters."),
    ({"name_en": 42}, "name_en", organisation_edit.EXPECTED_TEXT),
])
def test_invalid_values_are_refused_with_a_fixed_message(organisation, data, field, message):
    with pytest.raises(ValidationError) as refused:
        load(organisation, **data)
    assert refused.value.messages == {field: [message]}


def test_every_message_has_a_thai_translation():
    with PO_FILE.open("rb") as po_file:
        translated = {message.id for message in read_po(po_file) if message.id and message.string}
    from directory.blueprints.api.edits import NOT_FOUND, NOT_YOURS
    from directory.services.organisations import logos, profile_edits
    messages = {*organisation_edit.MESSAGES, logos.TOO_LARGE, logos.NOT_AN_IMAGE, logos.TOO_MANY_PIXELS,
                logos.DAMAGED, profile_edits.STALE_EDIT, NOT_FOUND, NOT_YOURS}
    assert sorted(messages - translated) == []


def test_who_may_edit(organisation, editor, make_user, make_organisation):
    other = make_organisation(status=OrganisationStatus.DRAFT)
    staff, member = make_user(role="staff"), make_user()
    assert can_edit(editor, organisation) and can_edit(staff, organisation) and can_edit(staff, other)
    assert not can_edit(editor, other) and not can_edit(member, organisation) and not can_edit(None, organisation)
    editor.is_active = False
    assert not can_edit(editor, organisation)
    assert editable_organisation(organisation.public_id, member) == (None, 403)
    assert editable_organisation(other.public_id, member) == (None, 404)
    assert editable_organisation("zzzzzzzz", staff) == (None, 404)
    assert editable_organisation(other.public_id, staff) == (other, None)
