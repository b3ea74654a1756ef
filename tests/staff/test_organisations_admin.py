"""The back office's organisations: dashboard, list, publish / archive / verify, and merging duplicates."""
import re

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
    User,
)
from directory.services.organisations.history import revisions_of
from directory.services.organisations.moderation import merge_organisations
from tests.conftest import form_token
from tests.staff.conftest import get_page, post, text_of


def staff_url(organisation, action=""):
    return f"/staff/organisations/{organisation.public_id}{action}"


def reload(organisation):
    db.session.expire_all()
    return db.session.get(Organisation, organisation.id)


def add_claim(organisation, user, kind=ClaimKind.CLAIM, status=ClaimStatus.PENDING):
    db.session.add(OrganisationClaim(kind=kind, status=status, organisation=organisation, requester=user,
                                     justification="I run it", contact_name="Som", contact_detail="081"))
    db.session.commit()


@pytest.fixture
def staff_member(make_user, auth):
    user = make_user(role="staff", display_name="Staff Somchai")
    auth.login(user.email)
    return user


# -- who may come in ------------------------------------------------------------------------------

def every_route(organisation, other):
    """(method, url, form) for each route of this module."""
    return [
        ("GET", "/staff/", None),
        ("GET", "/staff/organisations", None),
        ("GET", staff_url(organisation), None),
        ("GET", staff_url(organisation, f"/merge?duplicate={other.public_id}"), None),
        ("POST", staff_url(organisation, "/status"), {"status": "published"}),
        ("POST", staff_url(organisation, "/verified"), {"verified": "1"}),
        ("POST", staff_url(organisation, "/merge"), {"duplicate": other.public_id}),
    ]


@pytest.mark.parametrize("who", ["member", "editor"])
def test_members_and_editors_are_refused_everywhere(client, auth, make_organisation, make_user, who):
    organisation = make_organisation(status=OrganisationStatus.DRAFT)
    other = make_organisation()
    user = make_user(editor_of=[organisation, other] if who == "editor" else [])
    auth.login(user.email)
    token = form_token(client, "/account/")
    versions = {row.id: row.version for row in db.session.scalars(sa.select(Organisation))}

    for method, url, form in every_route(organisation, other):
        response = client.open(url, method=method, data={**(form or {}), "csrf_token": token} if form else None)
        assert response.status_code == 403, (method, url)

    db.session.expire_all()
    assert {row.id: row.version for row in db.session.scalars(sa.select(Organisation))} == versions
    assert reload(other).merged_into_id is None


def test_anonymous_visitors_are_sent_to_sign_in(client, make_organisation):
    organisation = make_organisation(status=OrganisationStatus.DRAFT)
    other = make_organisation()
    token = form_token(client, "/account/login")

    for method, url, form in every_route(organisation, other):
        response = client.open(url, method=method, data={**(form or {}), "csrf_token": token} if form else None)
        assert response.status_code == 302, (method, url)
        assert "/account/login" in response.headers["Location"]

    assert reload(organisation).status is OrganisationStatus.DRAFT


# -- dashboard ------------------------------------------------------------------------------------

def test_dashboard_counts_queues_and_organisations(client, make_organisation, make_user, staff_member):
    published, draft = make_organisation(), make_organisation(status=OrganisationStatus.DRAFT)
    make_organisation(status=OrganisationStatus.DRAFT)
    requester = make_user()
    add_claim(published, requester)
    add_claim(published, make_user())
    add_claim(draft, requester, kind=ClaimKind.REGISTRATION)
    add_claim(published, make_user(), status=ClaimStatus.REJECTED)

    page = get_page(client, "/staff/")

    def count_after(href):
        found = re.search(rf'href="{re.escape(href)}">[^<]*</a>\s*<span class="count">(\d+)</span>', page)
        assert found, href
        return int(found.group(1))

    assert count_after("/staff/claims?kind=claim") == 2
    assert count_after("/staff/claims?kind=registration") == 1
    assert count_after("/staff/organisations?status=draft") == 2
    assert count_after("/staff/organisations?status=published") == 1
    assert count_after("/staff/organisations?status=archived") == 0
    assert 'href="/staff/users"' in page and 'href="/staff/organisations"' in page


# -- the list -------------------------------------------------------------------------------------

def test_list_filters_by_status_and_name(client, make_organisation, staff_member):
    make_organisation(name_th="มูลนิธิป่าชายเลน", status=OrganisationStatus.DRAFT)
    make_organisation(name_th="สมาคมป่าชุมชน", name_en="Community Forest Association")
    make_organisation(name_th="ชมรมผู้สูงอายุ")

    def names(url):
        return re.findall(r'<a href="/staff/organisations/\w+" lang="th">([^<]+)</a>', get_page(client, url))

    assert len(names("/staff/organisations")) == 3
    assert names("/staff/organisations?status=draft") == ["มูลนิธิป่าชายเลน"]
    assert sorted(names("/staff/organisations?q=ป่า")) == ["มูลนิธิป่าชายเลน", "สมาคมป่าชุมชน"]
    assert names("/staff/organisations?q=forest&status=published") == ["สมาคมป่าชุมชน"]
    assert names("/staff/organisations?q=%25") == []  # a LIKE wildcard is a plain character


def test_list_rows_show_province_status_verified_and_thai_date(client, make_organisation, staff_member):
    organisation = make_organisation(name_th="มูลนิธิทดสอบวันที่", province="สตูล", is_verified=True)
    page = get_page(client, "/staff/organisations")
    row = text_of(page[page.index(staff_url(organisation)):page.index("</tr>", page.index(staff_url(organisation)))])
    year_be = reload(organisation).updated_at.year + 543
    assert "สตูล" in row and "เผยแพร่" in row and "ใช่" in row and str(year_be) in row


def test_list_pages_by_fifty(client, make_organisation, staff_member):
    for _ in range(51):
        make_organisation(commit=False)
    db.session.commit()
    first = get_page(client, "/staff/organisations")
    second = get_page(client, "/staff/organisations?page=2")
    row_link = r'<a href="/staff/organisations/\w+" lang="th">'
    assert len(re.findall(row_link, first)) == 50
    assert len(re.findall(row_link, second)) == 1
    assert 'rel="next"' in first


def test_an_unknown_status_filter_is_a_400(client, staff_member):
    page = get_page(client, "/staff/organisations?status=deleted", status=400)
    assert "deleted" in text_of(page)


# -- publish, archive, verify ---------------------------------------------------------------------

def test_publishing_shows_the_profile_and_records_who_did_it(client, make_organisation, staff_member):
    organisation = make_organisation(name_th="มูลนิธิทะเลสาบ", status=OrganisationStatus.DRAFT)
    assert client.get(f"/organisations/{organisation.public_id}").status_code == 404

    response = post(client, staff_url(organisation, "/status"), staff_url(organisation), status="published")

    assert response.status_code == 303 and response.headers["Location"].endswith(staff_url(organisation))
    assert "สถานะตอนนี้: เผยแพร่" in text_of(get_page(client, staff_url(organisation)))
    assert reload(organisation).status is OrganisationStatus.PUBLISHED
    latest = revisions_of(organisation)[0]
    assert (latest.source, latest.author_id, latest.changes) == (
        RevisionSource.STAFF, staff_member.id, {"status": ["draft", "published"]})
    assert client.get(f"/organisations/{organisation.public_id}").status_code == 200
    assert f"/organisations/{organisation.public_id}/" in get_page(client, "/organisations?q=ทะเล")


def test_archiving_takes_the_profile_and_search_result_down(client, make_organisation, staff_member):
    organisation = make_organisation(name_th="มูลนิธิทะเลสาบ")
    assert f"/organisations/{organisation.public_id}/" in get_page(client, "/organisations?q=ทะเล")

    post(client, staff_url(organisation, "/status"), staff_url(organisation), status="archived")

    assert reload(organisation).status is OrganisationStatus.ARCHIVED
    assert client.get(f"/organisations/{organisation.public_id}").status_code == 404
    assert f"/organisations/{organisation.public_id}/" not in get_page(client, "/organisations?q=ทะเล")

    post(client, staff_url(organisation, "/status"), staff_url(organisation), status="draft")
    assert reload(organisation).status is OrganisationStatus.DRAFT


def test_verifying_adds_the_badge_and_a_revision(client, make_organisation, staff_member):
    organisation = make_organisation()
    post(client, staff_url(organisation, "/verified"), staff_url(organisation), verified="1")
    assert reload(organisation).is_verified
    assert revisions_of(organisation)[0].changes == {"is_verified": [False, True]}
    assert "badge-verified" in get_page(client, f"/organisations/{organisation.public_id}")

    post(client, staff_url(organisation, "/verified"), staff_url(organisation), verified="0")
    assert not reload(organisation).is_verified


@pytest.mark.parametrize("action, field, value", [
    ("/status", "status", "deleted"), ("/status", "status", ""), ("/verified", "verified", "yes"),
])
def test_invalid_values_are_a_bilingual_400_and_change_nothing(client, make_organisation, staff_member,
                                                              action, field, value):
    organisation = make_organisation(status=OrganisationStatus.DRAFT)
    version = organisation.version
    response = post(client, staff_url(organisation, action), staff_url(organisation), **{field: value})
    assert response.status_code == 400
    page = text_of(response.get_data(as_text=True))
    english = ("use draft, published or archived" if field == "status"
               else "takes 1 (verified) or 0 (not verified)")
    thai = "หรือ archived (เก็บถาวร)" if field == "status" else "1 (ยืนยันแล้ว) หรือ 0"
    assert english in page and thai in page
    organisation = reload(organisation)
    assert (organisation.version, organisation.status, organisation.is_verified) == (
        version, OrganisationStatus.DRAFT, False)


def test_detail_page_shows_editors_pending_claims_and_links(client, make_organisation, make_user, staff_member):
    organisation = make_organisation(name_th="มูลนิธิรายละเอียด")
    make_user(display_name="Editor Malee", editor_of=[organisation])
    add_claim(organisation, make_user(display_name="Claimant Dao"))
    page = get_page(client, staff_url(organisation))
    assert "Editor Malee" in page and "Claimant Dao" in page
    assert f'href="/staff/organisations/{organisation.public_id}/merge"' in page
    assert 'href="/staff/claims?kind=claim"' in page
    assert f'action="/staff/organisations/{organisation.public_id}/status"' in page


# -- merging --------------------------------------------------------------------------------------

@pytest.fixture
def pair(make_organisation, make_user):
    keep = make_organisation(name_th="มูลนิธิรักษ์ละงู", name_en=None)
    duplicate = make_organisation(name_th="มูลนิธิรักษ์ละงู ซ้ำ", name_en="Rak La-ngu Foundation",
                                  email="info@rak.example")
    make_user(email="keep.editor@example.org", editor_of=[keep])
    make_user(email="duplicate.editor@example.org", editor_of=[duplicate])
    return keep, duplicate


def test_merge_page_compares_both_before_confirming(client, pair, staff_member):
    keep, duplicate = pair
    get_page(client, staff_url(keep, "/merge"))
    page = get_page(client, staff_url(keep, f"/merge?duplicate={duplicate.public_id}"))
    comparison = page[page.index('id="comparison"'):page.index("</table>")]
    assert "มูลนิธิรักษ์ละงู" in comparison and "Rak La-ngu Foundation" in comparison
    assert 'name="duplicate" value="' + duplicate.public_id in page
    assert reload(duplicate).merged_into_id is None  # looking changes nothing


def test_merge_keeps_editors_and_history_of_both_and_redirects_the_duplicate(client, pair, staff_member):
    keep, duplicate = pair
    duplicate_history = [revision.id for revision in revisions_of(duplicate)]
    merge_page = staff_url(keep, f"/merge?duplicate={duplicate.public_id}")

    response = post(client, staff_url(keep, "/merge"), merge_page, duplicate=duplicate.public_id)

    assert response.status_code == 303 and response.headers["Location"].endswith(staff_url(keep))
    keep, duplicate = reload(keep), db.session.get(Organisation, duplicate.id)
    assert (duplicate.status, duplicate.merged_into_id) == (OrganisationStatus.ARCHIVED, keep.id)
    editors = set(db.session.scalars(sa.select(User.email).join(OrganisationMembership.user)
                                     .where(OrganisationMembership.organisation_id == keep.id)))
    assert editors == {"keep.editor@example.org", "duplicate.editor@example.org"}
    assert [revision.id for revision in revisions_of(duplicate)][1:] == duplicate_history
    assert revisions_of(keep)[0].source is RevisionSource.MERGE and keep.name_en == "Rak La-ngu Foundation"

    public = client.get(f"/organisations/{duplicate.public_id}")
    assert public.status_code == 301
    assert public.headers["Location"].endswith(f"/organisations/{keep.public_id}/{keep.slug}")
    page = get_page(client, staff_url(keep))
    assert duplicate.public_id in page[page.index('id="duplicates"'):]
    assert "มูลนิธิรักษ์ละงู" in text_of(get_page(client, staff_url(duplicate)))


@pytest.mark.parametrize("case", ["itself", "unknown", "already merged", "empty"])
def test_refused_merges_say_why_and_change_nothing(client, pair, make_organisation, staff_member, case):
    keep, duplicate = pair
    if case == "already merged":
        merge_organisations(make_organisation(), duplicate, by=staff_member)
        db.session.commit()
    given = {"itself": keep.public_id, "unknown": "zzzz9999", "already merged": duplicate.public_id,
             "empty": ""}[case]
    versions = {row.id: row.version for row in db.session.scalars(sa.select(Organisation))}

    response = post(client, staff_url(keep, "/merge"), staff_url(keep), duplicate=given)

    assert response.status_code == 400
    expected = {"itself": "ไม่สามารถรวมองค์กรเข้ากับตัวเองได้", "unknown": "ไม่มีองค์กรรหัส “zzzz9999”",
                "already merged": "ถูกรวมไปแล้ว", "empty": "กรอกรหัสขององค์กรที่ซ้ำ"}[case]
    assert expected in text_of(response.get_data(as_text=True))
    db.session.expire_all()
    assert {row.id: row.version for row in db.session.scalars(sa.select(Organisation))} == versions
