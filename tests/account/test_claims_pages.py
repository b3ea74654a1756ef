"""The claim and registration pages, through the real forms (sign-in, CSRF token and all)."""
import re

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import ClaimKind, ClaimStatus, Organisation, OrganisationClaim, OrganisationStatus
from tests.account.conftest import text_of
from tests.conftest import form_token

CLAIM = {"justification": "ฉันเป็นผู้ประสานงานของมูลนิธิ", "contact_name": "คุณสมศรี", "contact_detail": "081 234 5678"}
REGISTRATION = {**CLAIM, "name_th": "กลุ่มอาสาสมัครบ้านควน", "name_en": "Ban Khuan Volunteers", "type": "foundation",
                "province": "91", "district": "ละงู", "description_th": "ดูแลผู้สูงอายุในชุมชน",
                "phone": "074 123 456", "email": "info@example.org", "website": "example.org"}


def claim_url(organisation):
    return f"/account/organisations/{organisation.public_id}/claim"


def claims_in_database():
    db.session.expire_all()
    return db.session.scalars(sa.select(OrganisationClaim).order_by(OrganisationClaim.id)).all()


@pytest.fixture
def signed_in(make_user, auth):
    """signed_in(**make_user arguments): a new person, signed in on the test client."""

    def sign_in(**arguments):
        person = make_user(**arguments)
        assert auth.login(person.email).status_code == 302
        return person

    return sign_in


def post_form(client, url, fields):
    return client.post(url, data={**fields, "csrf_token": form_token(client, url)})


# -- claiming a listing ----------------------------------------------------------------------------

def test_the_public_profile_links_to_the_claim_page(client, make_organisation):
    organisation = make_organisation()
    page = client.get(f"/organisations/{organisation.public_id}").get_data(as_text=True)
    assert f'href="{claim_url(organisation)}"' in page and "ขอสิทธิ์แก้ไขข้อมูลองค์กรนี้" in page


def test_the_profile_hides_the_claim_link_from_its_editors(client, make_organisation, signed_in):
    organisation = make_organisation()
    signed_in(editor_of=[organisation])
    assert claim_url(organisation) not in client.get(f"/organisations/{organisation.public_id}").get_data(as_text=True)


def test_claiming_needs_a_sign_in(client, make_organisation):
    response = client.get(claim_url(make_organisation()))
    assert response.status_code == 302 and "/account/login" in response.headers["Location"]


def test_a_verified_person_sends_a_claim(client, make_organisation, signed_in):
    organisation = make_organisation()
    person = signed_in()
    page = client.get(claim_url(organisation))
    assert page.status_code == 200 and 'name="justification"' in page.get_data(as_text=True)

    response = post_form(client, claim_url(organisation), CLAIM)
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"/organisations/{organisation.public_id}")
    [claim] = claims_in_database()
    assert (claim.kind, claim.status, claim.requester_id, claim.organisation_id) == (
        ClaimKind.CLAIM, ClaimStatus.PENDING, person.id, organisation.id)
    assert (claim.justification, claim.contact_name, claim.contact_detail) == tuple(CLAIM.values())
    assert "เจ้าหน้าที่จะตรวจสอบคำขอของคุณ" in text_of(client.get(response.headers["Location"]))


def test_the_profile_says_the_claim_is_waiting_instead_of_offering_it_again(client, make_organisation, signed_in):
    organisation = make_organisation()
    signed_in()
    post_form(client, claim_url(organisation), CLAIM)
    page = client.get(f"/organisations/{organisation.public_id}")
    assert claim_url(organisation) not in page.get_data(as_text=True)
    assert "คำขอแก้ไขข้อมูลองค์กรนี้ของคุณ ส่งเมื่อวันที่" in text_of(page)


def test_a_second_claim_is_answered_with_a_message_not_a_duplicate(client, make_organisation, signed_in):
    organisation = make_organisation()
    signed_in()
    post_form(client, claim_url(organisation), CLAIM)
    page = client.get(claim_url(organisation))
    assert 'name="justification"' not in page.get_data(as_text=True)
    assert "คุณส่งคำขอแก้ไขข้อมูลองค์กรนี้แล้ว" in text_of(page)
    response = client.post(claim_url(organisation), data={**CLAIM, "csrf_token": form_token(client, "/account/")})
    assert response.status_code == 409
    assert len(claims_in_database()) == 1


def test_an_editor_is_told_they_edit_it_already(client, make_organisation, signed_in):
    organisation = make_organisation()
    signed_in(editor_of=[organisation])
    page = client.get(claim_url(organisation))
    assert "คุณเป็นผู้แก้ไขข้อมูลองค์กรนี้อยู่แล้ว" in text_of(page)
    assert f"/account/organisations/{organisation.public_id}/editors" in page.get_data(as_text=True)
    assert client.post(claim_url(organisation), data={**CLAIM, "csrf_token": form_token(client, "/account/")}
                       ).status_code == 409
    assert claims_in_database() == []


def test_an_unverified_person_is_sent_to_verify_first(client, make_organisation, signed_in):
    organisation = make_organisation()
    signed_in(verified=False)
    page = client.get(claim_url(organisation))
    assert page.status_code == 200
    assert 'name="justification"' not in page.get_data(as_text=True)
    assert "โปรดยืนยันอีเมลของคุณก่อน" in text_of(page)
    assert 'href="/account/"' in page.get_data(as_text=True)
    token = form_token(client, "/account/")
    assert client.post(claim_url(organisation), data={**CLAIM, "csrf_token": token}).status_code == 403
    assert claims_in_database() == []


@pytest.mark.parametrize("status", [OrganisationStatus.DRAFT, OrganisationStatus.ARCHIVED])
def test_unpublished_listings_cannot_be_claimed(client, make_organisation, signed_in, status):
    organisation = make_organisation(status=status)
    signed_in()
    assert client.get(claim_url(organisation)).status_code == 404
    assert client.get("/account/organisations/nosuchid/claim").status_code == 404


def test_missing_fields_are_shown_beside_the_form_with_status_400(client, make_organisation, signed_in):
    organisation = make_organisation()
    signed_in()
    response = post_form(client, claim_url(organisation), {"justification": "   ", "contact_name": "คุณสมศรี"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="justification-errors"' in page and 'id="contact_detail-errors"' in page
    assert 'id="contact_name-errors"' not in page and 'value="คุณสมศรี"' in page
    assert claims_in_database() == []


def test_an_unknown_field_is_refused(client, make_organisation, signed_in):
    organisation = make_organisation()
    signed_in()
    response = post_form(client, claim_url(organisation), {**CLAIM, "status": "approved"})
    assert response.status_code == 400
    assert claims_in_database() == []


def test_a_claim_without_its_csrf_token_is_refused(client, make_organisation, signed_in):
    organisation = make_organisation()
    signed_in()
    assert client.post(claim_url(organisation), data=CLAIM).status_code == 400
    assert claims_in_database() == []


# -- registering a new organisation ----------------------------------------------------------------

def test_registering_creates_a_draft_and_a_pending_registration(client, signed_in):
    person = signed_in()
    page = client.get("/account/organisations/new")
    assert page.status_code == 200 and '<option value="91">สตูล</option>' in page.get_data(as_text=True)

    response = post_form(client, "/account/organisations/new", REGISTRATION)
    assert response.status_code == 302 and response.headers["Location"] == "/account/"
    [claim] = claims_in_database()
    organisation = claim.organisation
    assert (claim.kind, claim.status, claim.requester_id) == (ClaimKind.REGISTRATION, ClaimStatus.PENDING, person.id)
    assert organisation.status is OrganisationStatus.DRAFT
    assert (organisation.name_th, organisation.name_en, organisation.type.slug) == (
        "กลุ่มอาสาสมัครบ้านควน", "Ban Khuan Volunteers", "foundation")
    assert (organisation.province_code, organisation.district.name_th) == ("91", "ละงู")
    assert (organisation.phone, organisation.email, organisation.website) == (
        "074 123 456", "info@example.org", "https://example.org")  # read as the edit form reads it
    assert organisation.is_position_approximate  # the district's centre until an address is given
    assert not person.is_editor_of(organisation)
    assert client.get(f"/organisations/{organisation.public_id}").status_code == 404  # a draft is not public


def test_registration_needs_the_thai_name_and_a_province(client, signed_in):
    signed_in()
    fields = {key: value for key, value in REGISTRATION.items() if key not in ("name_th", "province")}
    response = post_form(client, "/account/organisations/new", {**fields, "district": ""})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="name_th-errors"' in page and 'id="province-errors"' in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 0


def test_registration_asks_for_the_district_from_the_same_list_as_the_edit_form(client, signed_in):
    signed_in()
    page = client.get("/account/organisations/new").get_data(as_text=True)
    assert '<select id="district" name="district"' in page and '<input id="district"' not in page
    assert re.search(r'<optgroup label="สตูล">.*?<option value="9105">ละงู</option>', page, re.S)
    post_form(client, "/account/organisations/new", {**REGISTRATION, "district": "9105"})
    [claim] = claims_in_database()
    assert claim.organisation.district.name_th == "ละงู"


def test_a_district_of_another_province_is_refused(client, signed_in):
    signed_in()
    response = post_form(client, "/account/organisations/new", {**REGISTRATION, "district": "หาดใหญ่"})
    assert response.status_code == 400
    assert "ไม่มีอำเภอชื่อนี้ในจังหวัดที่เลือก" in text_of(response)
    assert claims_in_database() == []


def test_an_unknown_type_or_province_is_refused(client, signed_in):
    signed_in()
    response = post_form(client, "/account/organisations/new", {**REGISTRATION, "type": "cult", "province": "Atlantis"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'id="type-errors"' in page and 'id="province-errors"' in page
    assert claims_in_database() == []


def test_an_unverified_person_cannot_register(client, signed_in):
    signed_in(verified=False)
    page = client.get("/account/organisations/new")
    assert 'name="name_th"' not in page.get_data(as_text=True) and "โปรดยืนยันอีเมลของคุณก่อน" in text_of(page)
    token = form_token(client, "/account/")
    assert client.post("/account/organisations/new", data={**REGISTRATION, "csrf_token": token}).status_code == 403
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 0


def test_registration_without_its_csrf_token_is_refused(client, signed_in):
    signed_in()
    assert client.post("/account/organisations/new", data=REGISTRATION).status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 0


def test_registering_a_name_already_listed_in_the_district_warns_and_flags_the_claim(client, signed_in,
                                                                                      make_organisation, make_user,
                                                                                      auth):
    existing = make_organisation(name_th="กลุ่มอาสาสมัคร บ้านควน", province="สตูล", district="ละงู")
    signed_in()

    warned = post_form(client, "/account/organisations/new", REGISTRATION)
    assert warned.status_code == 200 and claims_in_database() == []
    page = warned.get_data(as_text=True)
    assert 'id="likely-duplicates"' in page and f"/organisations/{existing.public_id}" in page
    assert "มีองค์กรชื่อนี้อยู่ในอำเภอ/เขตเดียวกันแล้ว" in text_of(warned)
    assert 'name="name_th" type="text" value="กลุ่มอาสาสมัครบ้านควน"' in page  # what was typed is kept

    sent = post_form(client, "/account/organisations/new", {**REGISTRATION, "not_a_duplicate": "1"})
    assert sent.status_code == 302
    [claim] = claims_in_database()
    assert claim.possible_duplicate_id == existing.id

    auth.logout()
    auth.login(make_user(role="staff").email)
    queue = client.get("/staff/claims")
    assert f"/staff/organisations/{existing.public_id}" in queue.get_data(as_text=True)
    assert "อาจซ้ำกัน" in text_of(queue)


def test_the_same_name_in_another_district_is_no_duplicate(client, signed_in, make_organisation):
    make_organisation(name_th="กลุ่มอาสาสมัครบ้านควน", province="สตูล", district="ควนโดน")
    signed_in()
    assert post_form(client, "/account/organisations/new", REGISTRATION).status_code == 302
    [claim] = claims_in_database()
    assert claim.possible_duplicate_id is None
