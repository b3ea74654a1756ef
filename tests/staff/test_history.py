"""The history page: every revision as a readable diff, and restoring one of them."""
from datetime import timezone
from zoneinfo import ZoneInfo

import pytest
from flask import g

from directory.extensions import db
from directory.models import OrganisationStatus, RevisionSource
from directory.services.organisations.history import revisions_of
from directory.services.organisations.records import update_organisation
from tests.conftest import form_token
from tests.staff.conftest import get_page, text_of


def history_url(organisation):
    return f"/staff/organisations/{organisation.public_id}/history"


def revert_url(revision):
    return f"/staff/revisions/{revision.id}/revert"


def sign_in(auth, user):
    auth.login(user.email)
    # The app fixture's context outlives each request, and Flask-WTF keeps the page's CSRF token on its
    # `g`: sign-in starts a new session, so the token of the sign-in form must not be handed out again.
    g.pop("csrf_token", None)


@pytest.fixture
def staff_member(make_user, auth):
    """A staff member, signed in on the test client."""
    user = make_user(role="staff", display_name="Staff Somchai")
    sign_in(auth, user)
    return user


def revision_section(markup, revision):
    start = markup.index(f'id="revision-{revision.id}"')
    end = markup.find('<section class="revision"', start)
    return markup[start:end if end != -1 else len(markup)]


def test_history_lists_revisions_newest_first_with_author_source_time_and_diff(
        client, make_organisation, make_user, staff_member):
    organisation = make_organisation(name_th="มูลนิธิรักษ์ทะเล", issue_areas=["elderly-care"],
                                     description_th="ดูแลชายหาดในจังหวัดสตูล")
    editor = make_user(display_name="Editor Malee", editor_of=[organisation])
    update_organisation(organisation, {"name_th": "มูลนิธิรักษ์ทะเลสตูล", "status": OrganisationStatus.ARCHIVED,
                                       "description_th": "ดูแลป่าชายเลนในจังหวัดสตูล"},
                        source=RevisionSource.EDITOR, author=editor)
    db.session.commit()
    edited, created = revisions_of(organisation)

    markup = get_page(client, history_url(organisation))

    assert markup.index(f'id="revision-{edited.id}"') < markup.index(f'id="revision-{created.id}"')
    edit = text_of(revision_section(markup, edited))
    assert "Editor Malee" in edit
    assert "แก้ไขโดยผู้ดูแลข้อมูลองค์กร" in edit  # source: edited by an organisation editor
    assert "ชื่อภาษาไทย มูลนิธิรักษ์ทะเล มูลนิธิรักษ์ทะเลสตูล" in edit
    assert "สถานะ เผยแพร่ เก็บถาวร" in edit  # status: published -> archived, as words
    made = edited.created_at if edited.created_at.tzinfo else edited.created_at.replace(tzinfo=timezone.utc)
    in_bangkok = made.astimezone(ZoneInfo("Asia/Bangkok"))
    assert f"{in_bangkok.year + 543} เวลา {in_bangkok:%H:%M} น." in edit  # Buddhist Era, Bangkok time
    section = revision_section(markup, edited)
    assert '<del class="diff-before">ชายหาด</del>' in section  # a long text diffed by word
    assert '<ins class="diff-after">ป่าชายเลน</ins>' in section
    creation = text_of(revision_section(markup, created))
    assert "ระบบ" in creation  # no author: the system
    assert "ผู้สูงอายุ" in creation  # the issue area by its Thai name, not its slug
    assert "elderly-care" not in creation


def test_history_shows_the_import_as_author_in_english(client, make_organisation, staff_member):
    organisation = make_organisation(name_en="Sea Friends")
    update_organisation(organisation, {"name_en": "Friends of the Sea"}, source=RevisionSource.IMPORT)
    db.session.commit()

    section = text_of(revision_section(get_page(client, history_url(organisation) + "?lang=en"),
                                       revisions_of(organisation)[0]))

    assert "import · CSV import" in section
    assert "Name in English Sea Friends Friends of the Sea" in section


def test_history_escapes_what_people_typed(client, make_organisation, staff_member):
    organisation = make_organisation(name_th="<script>alert(1)</script>",
                                     description_th="<b>bold</b> <img src=x onerror=alert(2)>")

    markup = get_page(client, history_url(organisation))

    assert "<script>alert(1)" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "<img src=x" not in markup and "<b>bold" not in markup


def test_revert_from_the_page_restores_records_and_flashes(client, make_organisation, staff_member):
    organisation = make_organisation(name_th="ชื่อแรกสุดของกลุ่ม")
    first = revisions_of(organisation)[0]
    update_organisation(organisation, {"name_th": "ชื่อที่สองของกลุ่ม"}, source=RevisionSource.STAFF)
    db.session.commit()
    token = form_token(client, history_url(organisation))

    response = client.post(revert_url(first), data={"csrf_token": token})

    assert response.status_code == 302
    assert response.headers["Location"].endswith(history_url(organisation))
    db.session.refresh(organisation)
    assert organisation.name_th == "ชื่อแรกสุดของกลุ่ม"
    newest = revisions_of(organisation)[0]
    assert (newest.source, newest.author, newest.reverted_revision_id) == (
        RevisionSource.REVERT, staff_member, first.id)
    markup = get_page(client, history_url(organisation))
    assert "คืนค่าองค์กรเป็นเหมือนหลังฉบับแก้ไขที่" in markup  # the flash
    assert f'href="#revision-{first.id}"' in revision_section(markup, newest)


def test_revisions_are_numbered_within_their_organisation(client, make_organisation, staff_member):
    """Ids count across every organisation ("revision 409" of an organisation with three); numbers do not."""
    for number in range(3):
        make_organisation(name_th=f"กลุ่มอื่น {number}")
    organisation = make_organisation(name_th="ชื่อแรกสุดของกลุ่ม")
    update_organisation(organisation, {"name_th": "ชื่อที่สองของกลุ่ม"}, source=RevisionSource.STAFF)
    db.session.commit()
    newest, first = revisions_of(organisation)
    assert first.id > 1
    markup = get_page(client, history_url(organisation))
    assert "ฉบับแก้ไขที่ 1 ·" in text_of(revision_section(markup, first))
    assert "ฉบับแก้ไขที่ 2 ·" in text_of(revision_section(markup, newest))

    client.post(revert_url(first), data={"csrf_token": form_token(client, history_url(organisation))})
    markup = get_page(client, history_url(organisation))
    assert "คืนค่าองค์กรเป็นเหมือนหลังฉบับแก้ไขที่ 1 แล้ว" in text_of(markup)
    reverted = revisions_of(organisation)[0]
    assert "ฉบับแก้ไขที่ 3 ·" in text_of(revision_section(markup, reverted))
    assert "คืนค่าเป็นฉบับแก้ไขที่ 1" in text_of(revision_section(markup, reverted))


def test_reverting_to_the_newest_revision_records_nothing(client, make_organisation, staff_member):
    organisation = make_organisation()
    newest = revisions_of(organisation)[0]
    token = form_token(client, history_url(organisation))

    response = client.post(revert_url(newest), data={"csrf_token": token})

    assert response.status_code == 302
    assert len(revisions_of(organisation)) == 1
    assert "ไม่มีอะไรเปลี่ยน" in get_page(client, history_url(organisation))


def test_a_revert_that_conflicts_with_another_organisation_changes_nothing(
        client, make_organisation, staff_member):
    organisation = make_organisation(ref="OLD-REF", name_th="ชื่อเดิม")
    first = revisions_of(organisation)[0]
    update_organisation(organisation, {"ref": "NEW-REF", "name_th": "ชื่อใหม่"})
    db.session.commit()
    make_organisation(ref="OLD-REF")  # the old reference now belongs to another organisation
    token = form_token(client, history_url(organisation))

    response = client.post(revert_url(first), data={"csrf_token": token})

    assert response.status_code == 302
    db.session.refresh(organisation)
    assert (organisation.ref, organisation.name_th) == ("NEW-REF", "ชื่อใหม่")
    assert len(revisions_of(organisation)) == 2
    assert "ขัดแย้งกับข้อมูลขององค์กรอื่น" in get_page(client, history_url(organisation))


def test_revert_needs_the_csrf_token(client, make_organisation, staff_member):
    organisation = make_organisation(name_th="ชื่อเดิม")
    first = revisions_of(organisation)[0]
    update_organisation(organisation, {"name_th": "ชื่อใหม่"})
    db.session.commit()

    assert client.post(revert_url(first)).status_code == 400
    db.session.refresh(organisation)
    assert organisation.name_th == "ชื่อใหม่"


def test_unknown_organisation_and_revision_are_not_found(client, make_organisation, staff_member):
    get_page(client, "/staff/organisations/nosuchid/history", status=404)
    token = form_token(client, history_url(make_organisation()))
    assert client.post("/staff/revisions/999999999/revert", data={"csrf_token": token}).status_code == 404


def test_members_are_refused_and_visitors_sent_to_sign_in(client, auth, make_organisation, make_user):
    organisation = make_organisation(name_th="ชื่อเดิม")
    first = revisions_of(organisation)[0]
    update_organisation(organisation, {"name_th": "ชื่อใหม่"})
    db.session.commit()

    anonymous = client.get(history_url(organisation))
    assert anonymous.status_code == 302 and "/account/login" in anonymous.headers["Location"]

    member = make_user(role="member", editor_of=[organisation])
    sign_in(auth, member)
    assert client.get(history_url(organisation)).status_code == 403
    token = form_token(client, "/account/tokens")
    assert client.post(revert_url(first), data={"csrf_token": token}).status_code == 403
    db.session.refresh(organisation)
    assert organisation.name_th == "ชื่อใหม่"
