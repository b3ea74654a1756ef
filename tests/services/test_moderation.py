"""Staff moderation: status and verification changes are revisions; a merge keeps both records' people and history."""
import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import (
    ClaimKind,
    ClaimStatus,
    Organisation,
    OrganisationClaim,
    OrganisationMembership,
    OrganisationStatus,
    RevisionSource,
)
from directory.services.organisations.history import revert_to, revisions_of
from directory.services.organisations.moderation import (
    REFERENCE_MOVERS,
    ModerationError,
    duplicates_of,
    merge_organisations,
    set_organisation_status,
    set_verified,
)
from directory.services.search.finder import SearchCriteria, find_organisations


@pytest.fixture
def staff_user(make_user):
    return make_user(role="staff")


def found_ids(words):
    return [found.id for found in find_organisations(SearchCriteria(q=words)).items]


def editors_of(organisation):
    return set(db.session.scalars(sa.select(OrganisationMembership.user_id)
                                  .where(OrganisationMembership.organisation_id == organisation.id)))


def claim(organisation, user, status=ClaimStatus.PENDING):
    row = OrganisationClaim(kind=ClaimKind.CLAIM, status=status, organisation=organisation, requester=user,
                            justification="I run it", contact_name="Som", contact_detail="081")
    db.session.add(row)
    db.session.commit()
    return row


# -- status and verification ---------------------------------------------------------------------

def test_publishing_records_a_staff_revision_and_reaches_search(make_organisation, staff_user):
    organisation = make_organisation(name_th="มูลนิธิทะเลงามละงู", status=OrganisationStatus.DRAFT)
    assert found_ids("ทะเล") == []

    changes = set_organisation_status(organisation, "published", by=staff_user)
    db.session.commit()

    assert changes == {"status": (OrganisationStatus.DRAFT, OrganisationStatus.PUBLISHED)}
    latest = revisions_of(organisation)[0]
    assert (latest.source, latest.author_id, latest.changes) == (
        RevisionSource.STAFF, staff_user.id, {"status": ["draft", "published"]})
    assert found_ids("ทะเล") == [organisation.id]


def test_archiving_takes_it_out_of_search(make_organisation, staff_user):
    organisation = make_organisation(name_th="มูลนิธิทะเลงามละงู")
    assert found_ids("ทะเล") == [organisation.id]

    set_organisation_status(organisation, OrganisationStatus.ARCHIVED, by=staff_user)
    db.session.commit()

    assert organisation.status is OrganisationStatus.ARCHIVED
    assert found_ids("ทะเล") == []


def test_the_same_status_again_changes_nothing(make_organisation, staff_user):
    organisation = make_organisation()
    before = len(revisions_of(organisation))
    assert set_organisation_status(organisation, "published", by=staff_user) == {}
    db.session.commit()
    assert len(revisions_of(organisation)) == before


@pytest.mark.parametrize("value", ["deleted", "", None, "PUBLISHED"])
def test_an_unknown_status_is_refused(make_organisation, staff_user, value):
    organisation = make_organisation(status=OrganisationStatus.DRAFT)
    with pytest.raises(ModerationError) as refused:
        set_organisation_status(organisation, value, by=staff_user)
    assert refused.value.code == "invalid_status"
    assert organisation.status is OrganisationStatus.DRAFT


def test_verification_is_recorded(make_organisation, staff_user):
    organisation = make_organisation()
    set_verified(organisation, True, by=staff_user)
    db.session.commit()
    assert organisation.is_verified
    assert revisions_of(organisation)[0].changes == {"is_verified": [False, True]}

    set_verified(organisation, False, by=staff_user)
    db.session.commit()
    assert not organisation.is_verified


def test_verification_takes_a_boolean_only(make_organisation, staff_user):
    with pytest.raises(ModerationError) as refused:
        set_verified(make_organisation(), "yes", by=staff_user)
    assert refused.value.code == "invalid_flag"


def test_members_may_not_moderate(make_organisation, make_user):
    organisation = make_organisation(status=OrganisationStatus.DRAFT)
    editor = make_user(editor_of=[organisation])
    for action in (lambda: set_organisation_status(organisation, "published", by=editor),
                   lambda: set_verified(organisation, True, by=editor),
                   lambda: merge_organisations(organisation, make_organisation(), by=editor)):
        with pytest.raises(ModerationError) as refused:
            action()
        assert refused.value.code == "forbidden"
    assert organisation.status is OrganisationStatus.DRAFT and not organisation.is_verified


# -- merging -------------------------------------------------------------------------------------

@pytest.fixture
def pair(make_organisation):
    """A sparse record to keep and a fuller duplicate of it, both published."""
    keep = make_organisation(name_th="มูลนิธิรักษ์ละงู", name_en=None, province="สตูล", phone="074 000 000")
    duplicate = make_organisation(
        name_th="มูลนิธิรักษ์ละงู (ซ้ำ)", name_en="Rak La-ngu Foundation", province="สตูล", district="ละงู",
        phone="081 111 1111", email="info@rak.example", description_th="ดูแลชายฝั่ง", ref="SEC-77",
        issue_areas=["environment"], latitude=6.9, longitude=99.8)
    return keep, duplicate


def test_merge_fills_only_empty_fields_and_records_them_on_keep(pair, staff_user):
    keep, duplicate = pair
    merge_organisations(keep, duplicate, by=staff_user)
    db.session.commit()

    assert keep.name_th == "มูลนิธิรักษ์ละงู" and keep.phone == "074 000 000"  # had values: untouched
    assert (keep.name_en, keep.email, keep.description_th, keep.ref) == (
        "Rak La-ngu Foundation", "info@rak.example", "ดูแลชายฝั่ง", "SEC-77")
    assert [area.slug for area in keep.issue_areas] == ["environment"]
    assert keep.district_code == duplicate.district_code
    assert (keep.latitude, keep.longitude, keep.is_position_approximate) == (6.9, 99.8, False)
    merge_revision = revisions_of(keep)[0]
    assert merge_revision.source is RevisionSource.MERGE and merge_revision.author_id == staff_user.id
    assert merge_revision.changes["name_en"] == [None, "Rak La-ngu Foundation"]
    assert merge_revision.changes["issue_areas"] == [[], ["environment"]]
    assert "phone" not in merge_revision.changes and "name_th" not in merge_revision.changes


def test_merge_archives_the_duplicate_and_keeps_its_history_on_it(pair, staff_user):
    keep, duplicate = pair
    history_before = [revision.id for revision in revisions_of(duplicate)]

    merge_organisations(keep, duplicate, by=staff_user)
    db.session.commit()

    assert duplicate.status is OrganisationStatus.ARCHIVED and duplicate.merged_into_id == keep.id
    assert duplicate.ref is None  # given to keep
    history_after = revisions_of(duplicate)
    assert [revision.id for revision in history_after[1:]] == history_before
    assert history_after[0].source is RevisionSource.MERGE
    assert history_after[0].changes["merged_into_id"] == [None, keep.id]
    assert duplicates_of(keep) == [duplicate]
    assert found_ids("Rak") == [keep.id]


def test_merge_keeps_the_editors_of_both_once(pair, make_user, staff_user):
    keep, duplicate = pair
    on_keep, on_duplicate, on_both = make_user(editor_of=[keep]), make_user(editor_of=[duplicate]), \
        make_user(editor_of=[keep, duplicate])

    merge_organisations(keep, duplicate, by=staff_user)
    db.session.commit()

    assert editors_of(keep) == {on_keep.id, on_duplicate.id, on_both.id}
    assert editors_of(duplicate) == set()
    db.session.expire_all()
    assert on_duplicate.is_editor_of(keep) and not on_duplicate.is_editor_of(duplicate)


def test_merge_moves_claims_of_every_status(pair, make_user, staff_user):
    keep, duplicate = pair
    pending, rejected = claim(duplicate, make_user()), claim(duplicate, make_user(), ClaimStatus.REJECTED)

    merge_organisations(keep, duplicate, by=staff_user)
    db.session.commit()

    assert {pending.organisation_id, rejected.organisation_id} == {keep.id}


def test_organisations_merged_into_the_duplicate_follow_it(pair, make_organisation, staff_user):
    keep, duplicate = pair
    older = make_organisation()
    merge_organisations(duplicate, older, by=staff_user)
    db.session.commit()

    merge_organisations(keep, duplicate, by=staff_user)
    db.session.commit()

    assert older.merged_into_id == keep.id
    assert set(duplicates_of(keep)) == {older, duplicate}


@pytest.mark.parametrize("case", ["itself", "duplicate already merged", "keep already merged"])
def test_refused_merges_change_nothing(pair, make_organisation, staff_user, case):
    keep, duplicate = pair
    if case == "itself":
        duplicate, expected = keep, "same_organisation"
    else:
        merge_organisations(make_organisation(), duplicate if case == "duplicate already merged" else keep,
                            by=staff_user)
        db.session.commit()
        expected = "already_merged"
    state = {(row.id, row.version) for row in db.session.scalars(sa.select(Organisation))}

    with pytest.raises(ModerationError) as refused:
        merge_organisations(keep, duplicate, by=staff_user)
    db.session.commit()

    assert refused.value.code == expected
    db.session.expire_all()
    assert {(row.id, row.version) for row in db.session.scalars(sa.select(Organisation))} == state


def test_a_merged_duplicate_cannot_be_published_again(pair, staff_user):
    keep, duplicate = pair
    merge_organisations(keep, duplicate, by=staff_user)
    db.session.commit()
    with pytest.raises(ModerationError) as refused:
        set_organisation_status(duplicate, "published", by=staff_user)
    assert refused.value.code == "merged"


def test_the_merge_revision_on_keep_can_be_reverted(pair, staff_user):
    keep, duplicate = pair
    before_merge = revisions_of(keep)[0]
    merge_organisations(keep, duplicate, by=staff_user)
    db.session.commit()

    revert_to(before_merge, author=staff_user)
    db.session.commit()

    assert (keep.name_en, keep.email, keep.issue_areas) == (None, None, [])


def test_a_new_table_hooks_into_the_merge_through_reference_movers(pair, staff_user, monkeypatch):
    """The seam events will use: every mover runs inside the merge with both organisations."""
    keep, duplicate = pair
    seen = []
    monkeypatch.setattr("directory.services.organisations.moderation.REFERENCE_MOVERS",
                        [*REFERENCE_MOVERS, lambda keep, duplicate, *, by: seen.append((keep, duplicate, by))])
    merge_organisations(keep, duplicate, by=staff_user)
    assert seen == [(keep, duplicate, staff_user)]


def test_a_merge_moves_event_hosting_and_joins_places_at_the_same_event(app, make_organisation, make_user):
    from datetime import date

    from directory.models import EventHost
    from directory.services.programme.events import create_event
    from directory.services.programme.hosts import add_host

    staff_member = make_user(role="staff")
    keep, duplicate = make_organisation(name_en="Keep Group"), make_organisation(name_en="Keep Group (copy)")
    shared = create_event({"slug": "shared-round", "title_th": "รอบร่วม", "province_code": keep.province_code,
                           "starts_on": date(2030, 1, 10), "ends_on": date(2030, 1, 12)})
    only_duplicate = create_event({"slug": "other-round", "title_th": "อีกรอบ", "province_code": keep.province_code,
                                   "starts_on": date(2030, 2, 10), "ends_on": date(2030, 2, 12)})
    add_host(shared, keep, capacity=3)
    add_host(shared, duplicate, capacity=2)
    moved = add_host(only_duplicate, duplicate, capacity=4)
    db.session.commit()

    merge_organisations(keep, duplicate, by=staff_member)
    db.session.commit()

    hosts = db.session.scalars(sa.select(EventHost).order_by(EventHost.event_id)).all()
    assert [(host.event_id, host.organisation_id, host.capacity) for host in hosts] == [
        (shared.id, keep.id, 5), (only_duplicate.id, keep.id, 4)]
    assert moved.organisation_id == keep.id
