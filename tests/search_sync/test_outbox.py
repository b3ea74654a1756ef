"""Every committed change of an organisation writes outbox entries in its own transaction and reaches
the index after commit; a rolled-back or empty change writes nothing; `flask search check` sees damage."""
from dataclasses import replace

import pytest
import sqlalchemy as sa
from probes import assert_check_is_clean, found_ids, indexed_versions, outbox, pending_entries, recorded

from directory.extensions import db
from directory.models import District, IssueArea, OrganisationStatus, OrganisationType, Province, Region
from directory.services.organisations.records import update_organisation
from directory.services.search.adapter import district_lookup, search_index, to_document
from search_index import Document


def issue_areas(*slugs):
    return list(db.session.scalars(sa.select(IssueArea).where(IssueArea.slug.in_(slugs))))


def test_a_new_organisation_is_recorded_in_its_transaction_and_indexed_after_commit(make_organisation, runner):
    organisation = make_organisation(name_en="Marigold Fishers Collective", commit=False)

    assert recorded(db.session) == [organisation.id]  # flushed with the row, in its transaction
    assert recorded() == []  # not committed yet: no other connection sees it
    assert found_ids("marigold") == set()

    db.session.commit()

    assert recorded() == [organisation.id]
    assert found_ids("marigold") == {str(organisation.id)}
    assert indexed_versions() == {str(organisation.id): organisation.version}
    assert_check_is_clean(runner)


def test_an_edit_reaches_the_index_at_the_rows_version(make_organisation, runner):
    organisation = make_organisation(name_en="Marigold Fishers Collective")
    before = recorded()

    update_organisation(organisation, {"name_en": "Saffron Weavers Collective"})
    db.session.flush()
    assert recorded(db.session) == [*before, organisation.id]
    assert recorded() == before
    assert found_ids("marigold") == {str(organisation.id)}
    db.session.commit()

    assert recorded() == [*before, organisation.id]
    assert found_ids("saffron") == {str(organisation.id)}
    assert found_ids("marigold") == set()
    assert organisation.version == 2
    assert indexed_versions() == {str(organisation.id): 2}
    assert_check_is_clean(runner)


def test_changing_only_issue_areas_reaches_the_index(make_organisation, runner):
    organisation = make_organisation(issue_areas=["elderly-care"])
    before = recorded()

    changes = update_organisation(organisation, {"issue_areas": issue_areas("environment", "disability")})
    assert set(changes) == {"issue_areas"}
    db.session.commit()

    assert recorded() == [*before, organisation.id]
    assert found_ids(issues=("environment",)) == {str(organisation.id)}
    assert found_ids(issues=("disability",)) == {str(organisation.id)}
    assert found_ids(issues=("elderly-care",)) == set()
    assert indexed_versions() == {str(organisation.id): organisation.version}
    assert_check_is_clean(runner)


def test_changing_only_issue_areas_bumps_the_version(make_organisation):
    organisation = make_organisation(issue_areas=["elderly-care"])

    update_organisation(organisation, {"issue_areas": issue_areas("environment")})
    db.session.commit()

    assert organisation.version == 2


def test_an_archived_organisation_leaves_the_index_and_returns_when_republished(make_organisation, runner):
    organisation = make_organisation(name_en="Marigold Fishers Collective")
    kept = make_organisation(name_en="Marigold Weavers Collective")
    before = recorded()

    update_organisation(organisation, {"status": OrganisationStatus.ARCHIVED})
    db.session.commit()

    assert recorded() == [*before, organisation.id]
    assert found_ids("marigold") == {str(kept.id)}
    assert indexed_versions() == {str(kept.id): kept.version}
    assert_check_is_clean(runner)

    update_organisation(organisation, {"status": OrganisationStatus.PUBLISHED})
    db.session.commit()

    assert found_ids("marigold") == {str(organisation.id), str(kept.id)}
    assert indexed_versions()[str(organisation.id)] == organisation.version == 3
    assert_check_is_clean(runner)


def test_a_draft_is_recorded_but_indexed_only_once_published(make_organisation, runner):
    organisation = make_organisation(name_en="Marigold Fishers Collective", status=OrganisationStatus.DRAFT)

    assert recorded() == [organisation.id]
    assert indexed_versions() == {}
    assert_check_is_clean(runner)

    update_organisation(organisation, {"status": OrganisationStatus.PUBLISHED})
    db.session.commit()

    assert found_ids("marigold") == {str(organisation.id)}
    assert_check_is_clean(runner)


def test_a_deleted_organisation_leaves_the_index(make_organisation, runner):
    organisation = make_organisation(name_en="Marigold Fishers Collective")
    organisation_id = organisation.id
    before = recorded()

    db.session.delete(organisation)
    db.session.commit()

    assert recorded() == [*before, organisation_id]
    assert found_ids("marigold") == set()
    assert indexed_versions() == {}
    assert_check_is_clean(runner)


def test_a_rolled_back_transaction_leaves_no_entry_and_no_trace_in_the_index(make_organisation, runner):
    edited = make_organisation(name_en="Marigold Fishers Collective")
    deleted = make_organisation(name_en="Marigold Weavers Collective")
    entries, versions, state = outbox(), indexed_versions(), search_index().state()

    update_organisation(edited, {"name_en": "Saffron Fishers Collective"})
    db.session.delete(deleted)
    created = make_organisation(name_en="Saffron Weavers Collective", commit=False)
    written = recorded(db.session)[len(entries):]
    assert sorted(written) == sorted([edited.id, deleted.id, created.id])  # in the transaction ...
    db.session.rollback()

    assert outbox() == entries  # ... and gone with it
    assert indexed_versions() == versions
    assert search_index().state() == state
    assert found_ids("saffron") == set()
    assert found_ids("marigold") == {str(edited.id), str(deleted.id)}
    assert_check_is_clean(runner)


def test_an_edit_that_changes_nothing_writes_nothing(make_organisation, runner):
    organisation = make_organisation(name_en="Marigold Fishers Collective", issue_areas=["elderly-care"])
    entries, state = outbox(), search_index().state()

    changes = update_organisation(organisation, {
        "name_th": organisation.name_th, "name_en": "Marigold Fishers Collective",
        "issue_areas": issue_areas("elderly-care"), "status": OrganisationStatus.PUBLISHED,
    })
    organisation.description_th = organisation.description_th  # the same value, set directly
    db.session.commit()

    assert changes == {}
    assert outbox() == entries
    assert organisation.version == 1
    assert search_index().state() == state
    assert_check_is_clean(runner)


def damage_by_deleting(organisation):
    search_index().apply(deletions=[str(organisation.id)])


def damage_by_adding(_organisation):
    search_index().apply(upserts=[Document(id="987654", version=1, name_th="องค์กรที่ไม่มีในฐานข้อมูล")])


def damage_by_restoring_an_older_version(organisation):
    current = to_document(organisation, district_lookup(db.session))
    search_index().apply(upserts=[replace(current, version=organisation.version - 1)])


@pytest.mark.parametrize("damage, report", [
    (damage_by_deleting, "missing: 1 ({id})"),
    (damage_by_adding, "extra: 1 (987654)"),
    (damage_by_restoring_an_older_version, "stale: 1 ({id})"),
])
def test_check_names_what_differs_and_exits_1_and_reindex_repairs_it(make_organisation, runner, damage, report):
    organisation = make_organisation(name_en="Marigold Fishers Collective")
    make_organisation(name_en="Marigold Weavers Collective")
    update_organisation(organisation, {"name_en": "Saffron Fishers Collective"})
    db.session.commit()
    assert_check_is_clean(runner)

    with search_index().writer_lock(blocking=True):
        damage(organisation)
    result = runner.invoke(args=["search", "check"])

    assert result.exit_code == 1
    assert result.output.strip() == report.format(id=organisation.id)

    assert runner.invoke(args=["search", "reindex"]).exit_code == 0
    assert_check_is_clean(runner)


@pytest.fixture
def rename(app):
    """rename(model, key, name_en): give a reference row a new English name and commit, as `flask
    seed` does when a seed file corrects one. The names are put back afterwards (the reference data
    outlives the test)."""
    renamed = []

    def rename(model, key, name_en):
        row = db.session.get(model, key) if model in (Province, District) \
            else db.session.scalar(sa.select(model).filter_by(slug=key))
        renamed.append((row, row.name_en))
        row.name_en = name_en
        db.session.commit()

    yield rename
    db.session.rollback()
    for row, name_en in renamed:
        row.name_en = name_en
    db.session.commit()


@pytest.mark.parametrize("model, key, new_name", [
    (IssueArea, "elderly-care", "Care of older people"),
    (OrganisationType, "foundation", "Endowed trust"),
    (Province, "91", "Setul"),
    (District, "9105", "Lhangu"),
    (Region, "south", "Southern peninsula"),
])
def test_renaming_reference_data_reaches_the_documents_that_show_it(
        make_organisation, rename, runner, model, key, new_name):
    shown = make_organisation(province="สตูล", district="ละงู", issue_areas=["elderly-care"], type="foundation")
    other = make_organisation(province="พะเยา", issue_areas=["environment"], type="community-group")
    word = new_name.split()[-1].lower()
    assert found_ids(word) == set()

    rename(model, key, new_name)

    assert found_ids(word) == {str(shown.id)}
    assert str(other.id) not in found_ids(word)
    assert pending_entries() == []
    assert_check_is_clean(runner)
