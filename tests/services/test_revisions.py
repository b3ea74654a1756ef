"""Revisions: every change is kept with who, when and what, and any revision can be restored."""
import csv

import sqlalchemy as sa

from directory.extensions import db
from directory.models import IssueArea, OrganisationRevision, OrganisationStatus, OrganisationType, RevisionSource
from directory.services.organisations.history import describe_revision, diff_words, revert_to, revisions_of, state_at
from directory.services.organisations.records import update_organisation
from directory.services.places.gazetteer import gazetteer
from directory.services.search.finder import SearchCriteria, find_organisations
from directory.workflows.organisation_import import import_organisations_file


def issue_areas(*slugs):
    return list(db.session.scalars(sa.select(IssueArea).where(IssueArea.slug.in_(slugs))))


def organisation_type(slug):
    return db.session.scalar(sa.select(OrganisationType).filter_by(slug=slug))


def found_ids(words):
    return [o.id for o in find_organisations(SearchCriteria(q=words)).items]


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_create_edit_and_import_are_each_a_revision_with_author_source_and_values(
        make_organisation, make_user, tmp_path):
    organisation = make_organisation(ref="H01", name_th="มูลนิธิประวัติศาสตร์", issue_areas=["elderly-care"])
    editor = make_user(display_name="Editor One", editor_of=[organisation])

    update_organisation(organisation, {"phone": "074 123 456",
                                       "issue_areas": issue_areas("elderly-care", "children-youth")},
                        source=RevisionSource.EDITOR, author=editor)
    db.session.commit()
    import_organisations_file(write_csv(tmp_path / "rows.csv", [
        {"ref": "H01", "name_th": "มูลนิธิประวัติศาสตร์ใหม่", "province": "สตูล"}]))
    db.session.commit()

    imported, edited, created = revisions_of(organisation)
    assert (created.source, created.author) == (RevisionSource.CREATE, None)
    assert created.changes["name_th"] == [None, "มูลนิธิประวัติศาสตร์"]
    assert created.changes["issue_areas"] == [[], ["elderly-care"]]
    assert created.changes["type"] == [None, "foundation"]
    assert created.changes["status"] == ["draft", "published"]
    assert (edited.source, edited.author) == (RevisionSource.EDITOR, editor)
    assert set(edited.changes) == {"phone", "issue_areas"}
    assert edited.changes["phone"] == [None, "074 123 456"]
    assert edited.changes["issue_areas"][0] == ["elderly-care"]
    assert sorted(edited.changes["issue_areas"][1]) == ["children-youth", "elderly-care"]
    assert (imported.source, imported.author) == (RevisionSource.IMPORT, None)
    assert imported.changes == {"name_th": ["มูลนิธิประวัติศาสตร์", "มูลนิธิประวัติศาสตร์ใหม่"]}
    assert imported.created_at is not None


def test_a_no_op_update_records_no_revision_and_keeps_the_version(make_organisation):
    organisation = make_organisation(name_th="ไม่เปลี่ยน", issue_areas=["elderly-care"])
    version = organisation.version

    changes = update_organisation(organisation, {"name_th": "ไม่เปลี่ยน", "issue_areas": issue_areas("elderly-care")},
                                  source=RevisionSource.STAFF)
    db.session.commit()

    assert changes == {}
    assert len(revisions_of(organisation)) == 1
    assert organisation.version == version


def test_revert_restores_every_field_changed_since_and_is_itself_a_revision(make_organisation, make_user):
    satun = gazetteer().province("สตูล")
    la_ngu = gazetteer().district("ละงู", satun.code)
    organisation = make_organisation(name_th="ชื่อเดิมกลุ่มต้นกล้า", name_en="Seedling group", district="ละงู",
                                     type="foundation", issue_areas=["elderly-care"])
    assert organisation.is_position_approximate  # the district's centroid
    original = revisions_of(organisation)[0]
    staff = make_user(role="staff")
    update_organisation(organisation, {
        "name_th": "ชื่อใหม่กลุ่มต้นไม้", "type": organisation_type("association"),
        "issue_areas": issue_areas("children-youth"), "latitude": 6.9, "longitude": 99.8,
        "description_th": "ทำงานกับเด็ก",
    }, source=RevisionSource.STAFF, author=staff)
    db.session.commit()
    update_organisation(organisation, {"status": OrganisationStatus.ARCHIVED, "name_th": "ชื่อที่สามกลุ่มต้นไม้"},
                        source=RevisionSource.STAFF, author=staff)
    db.session.commit()
    assert not organisation.is_position_approximate
    version = organisation.version
    assert found_ids("ต้นกล้า") == []

    changes = revert_to(original, author=staff)
    db.session.commit()

    assert organisation.name_th == "ชื่อเดิมกลุ่มต้นกล้า"
    assert organisation.type.slug == "foundation"
    assert [area.slug for area in organisation.issue_areas] == ["elderly-care"]
    assert (organisation.latitude, organisation.longitude) == (la_ngu.latitude, la_ngu.longitude)
    assert organisation.is_position_approximate
    assert organisation.description_th is None
    assert organisation.status is OrganisationStatus.PUBLISHED
    assert organisation.version > version
    assert set(changes) == {"name_th", "type", "issue_areas", "latitude", "longitude", "is_position_approximate",
                            "description_th", "status"}
    newest = revisions_of(organisation)[0]
    assert (newest.source, newest.author, newest.reverted_revision_id) == (RevisionSource.REVERT, staff, original.id)
    assert newest.changes["name_th"] == ["ชื่อที่สามกลุ่มต้นไม้", "ชื่อเดิมกลุ่มต้นกล้า"]
    assert newest.changes["is_position_approximate"] == [False, True]
    assert found_ids("ต้นกล้า") == [organisation.id]


def test_revert_to_a_middle_revision_keeps_what_it_set(make_organisation):
    organisation = make_organisation(name_th="หนึ่ง", phone="1")
    update_organisation(organisation, {"name_th": "สอง", "phone": "2"})
    db.session.commit()
    middle = revisions_of(organisation)[0]
    update_organisation(organisation, {"name_th": "สาม"})
    db.session.commit()
    update_organisation(organisation, {"phone": "4", "email": "four@example.org"})
    db.session.commit()

    assert state_at(middle) == {"name_th": "สอง", "phone": "2", "email": None}
    revert_to(middle, author=None)
    db.session.commit()

    assert (organisation.name_th, organisation.phone, organisation.email) == ("สอง", "2", None)


def test_revert_keeps_an_approximate_position_approximate_when_the_district_changes_back(make_organisation):
    organisation = make_organisation(district="ละงู")
    first = revisions_of(organisation)[0]
    satun = gazetteer().province("สตูล")
    update_organisation(organisation, {"district_code": gazetteer().district("ควนโดน", satun.code).code})
    db.session.commit()
    assert organisation.is_position_approximate
    assert "is_position_approximate" not in revisions_of(organisation)[0].changes

    revert_to(first, author=None)
    db.session.commit()

    la_ngu = gazetteer().district("ละงู", satun.code)
    assert organisation.district_code == la_ngu.code
    assert (organisation.latitude, organisation.longitude) == (la_ngu.latitude, la_ngu.longitude)
    assert organisation.is_position_approximate


def test_revert_to_the_newest_revision_changes_nothing(make_organisation):
    organisation = make_organisation()
    update_organisation(organisation, {"name_th": "ล่าสุด"})
    db.session.commit()
    version = organisation.version

    assert revert_to(revisions_of(organisation)[0], author=None) == {}
    db.session.commit()

    assert len(revisions_of(organisation)) == 2
    assert organisation.version == version


def test_revert_works_when_history_began_after_creation(make_organisation):
    organisation = make_organisation(name_th="ก่อนประวัติ", email="old@example.org", issue_areas=["elderly-care"])
    db.session.execute(sa.delete(OrganisationRevision).where(OrganisationRevision.organisation_id == organisation.id))
    db.session.commit()
    update_organisation(organisation, {"name_th": "หลังประวัติ", "phone": "02 000 0000"})
    db.session.commit()
    first_known = revisions_of(organisation)[0]
    update_organisation(organisation, {"email": "new@example.org", "issue_areas": issue_areas("children-youth")})
    db.session.commit()

    revert_to(first_known, author=None)
    db.session.commit()

    assert organisation.name_th == "หลังประวัติ"  # what first_known set
    assert organisation.email == "old@example.org"  # a later revision's 'before'
    assert [area.slug for area in organisation.issue_areas] == ["elderly-care"]


def test_describe_revision_resolves_codes_and_diffs_long_texts_by_word(make_organisation):
    organisation = make_organisation(description_th="มูลนิธิดูแลผู้สูงอายุในจังหวัดสตูล", issue_areas=["elderly-care"])
    update_organisation(organisation, {"description_th": "มูลนิธิดูแลเด็กในจังหวัดสตูล",
                                       "status": OrganisationStatus.DRAFT, "type": organisation_type("association")})
    db.session.commit()

    rows = {row.field: row for row in describe_revision(revisions_of(organisation)[0])}

    assert rows["status"].before is OrganisationStatus.PUBLISHED
    assert rows["type"].after.slug == "association"
    assert rows["description_th"].segments == (
        ("equal", "มูลนิธิดูแล"), ("removed", "ผู้สูงอายุ"), ("added", "เด็ก"), ("equal", "ในจังหวัดสตูล"))
    created = {row.field: row for row in describe_revision(revisions_of(organisation)[1])}
    assert [area.slug for area in created["issue_areas"].after] == ["elderly-care"]
    assert created["province_code"].after.name_th == "สตูล"


def test_diff_words_keeps_every_character():
    segments = diff_words("the quick brown fox", "the slow brown fox jumps")
    assert segments == (("equal", "the "), ("removed", "quick"), ("added", "slow"), ("equal", " brown fox"),
                        ("added", " jumps"))
    assert "".join(text for kind, text in segments if kind != "added") == "the quick brown fox"
