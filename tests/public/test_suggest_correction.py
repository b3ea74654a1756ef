"""'Suggest a correction' on a profile: the link, the form (CSRF, honeypot, rate limit, field errors in both
languages), the thanks after a redirect, and what is never logged."""
import logging

import pytest
import sqlalchemy as sa
from flask_babel import refresh

from directory.extensions import db
from directory.models import Correction, CorrectionStatus, OrganisationStatus
from tests.conftest import form_token

CONTACT = "visitor.private@example.net"


@pytest.fixture
def organisation(make_organisation):
    return make_organisation(name_th="มูลนิธิรักษ์ละงู", name_en="La-ngu Care Foundation", district="ละงู",
                             phone="074 000 000")


def form_url(organisation, lang=None):
    return f"/organisations/{organisation.public_id}/correction" + (f"?lang={lang}" if lang else "")


def send(client, organisation, address="127.0.0.1", lang=None, token=True, **overrides):
    data = {"field": "phone", "proposed_value": "074 123 456", "note": "ดูจากป้ายหน้าสำนักงาน", "contact": CONTACT,
            "homepage": ""}
    data.update(overrides)
    if token:
        data["csrf_token"] = form_token(client, form_url(organisation))
    refresh()  # the app fixture's context outlives each request, and Flask-Babel caches the locale on it
    return client.post(form_url(organisation, lang), data={k: v for k, v in data.items() if v is not None},
                       environ_base={"REMOTE_ADDR": address})


def stored():
    db.session.expire_all()
    return db.session.scalars(sa.select(Correction).order_by(Correction.id)).all()


def test_every_profile_links_to_the_form(page, organisation):
    thai = page(f"/organisations/{organisation.public_id}", lang="th")
    assert f'href="/organisations/{organisation.public_id}/correction"' in thai
    assert "แนะนำการแก้ไข" in thai.text
    assert "Suggest a correction" in page(f"/organisations/{organisation.public_id}", lang="en").text


def test_the_form_offers_the_editable_fields_by_their_labels_and_hides_its_honeypot(page, organisation):
    form = page(form_url(organisation), lang="en")
    assert 'name="csrf_token"' in form
    for label in ("Name in Thai", "Telephone", "Website", "District", "Target groups"):
        assert f">{label}</option>" in form
    assert 'value="status"' not in form and 'value="is_verified"' not in form
    honeypot = form.section('<p class="visually-hidden" aria-hidden="true">', "</p>")
    assert 'name="homepage"' in honeypot and 'tabindex="-1"' in honeypot and 'autocomplete="off"' in honeypot
    assert "ข้อมูลที่ถูกต้อง" in page(form_url(organisation), lang="th").text


def test_a_suggestion_is_stored_and_thanked_after_a_redirect(client, page, organisation):
    response = send(client, organisation)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/organisations/{organisation.public_id}/correction/sent")
    [correction] = stored()
    assert (correction.organisation_id, correction.field, correction.proposed_value, correction.contact,
            correction.status) == (organisation.id, "phone", "074 123 456", CONTACT, CorrectionStatus.PENDING)
    thanks = page(response.headers["Location"], lang="en")
    assert "Thank you for your suggestion" in thanks.text and CONTACT not in thanks
    assert organisation.phone == "074 000 000"  # staff decide first


def test_without_the_csrf_token_nothing_is_stored(client, organisation):
    assert send(client, organisation, token=False).status_code == 400
    assert stored() == []


def test_a_filled_honeypot_is_thanked_and_stores_nothing(client, organisation):
    response = send(client, organisation, homepage="http://spam.example")
    assert response.status_code == 303 and response.headers["Location"].endswith("/correction/sent")
    assert stored() == []


@pytest.mark.parametrize("overrides, field", [
    ({"field": "status", "proposed_value": "archived"}, "field"),
    ({"field": "merged_into_id", "proposed_value": "1"}, "field"),
    ({"field": None}, "field"),
    ({"proposed_value": "  "}, "proposed_value"),
    ({"field": "email", "proposed_value": "nobody at example"}, "proposed_value"),
    ({"contact": "under the bridge"}, "contact"),
])
def test_a_wrong_form_is_sent_back_with_its_errors_and_stores_nothing(client, organisation, overrides, field):
    response = send(client, organisation, lang="en", **overrides)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert 'class="notice notice-error error-summary"' in body and f'id="{field}-errors"' in body
    assert stored() == []


def test_an_added_field_is_refused(client, organisation):
    assert send(client, organisation, status="archived").status_code == 400
    assert stored() == []


def test_field_errors_are_in_the_page_language(client, organisation):
    thai = send(client, organisation, field="email", proposed_value="nobody at example").get_data(as_text=True)
    english = send(client, organisation, lang="en", field="email",
                   proposed_value="nobody at example").get_data(as_text=True)
    assert "Enter a valid email address." in english
    assert "Enter a valid email address." not in thai and "อีเมล" in thai


def test_suggestions_are_limited_per_address_and_mistakes_do_not_count(app, client, organisation):
    app.config["CORRECTION_LIMIT"] = "2 per hour"
    assert send(client, organisation, address="10.7.0.1", field="status").status_code == 400  # not counted
    assert send(client, organisation, address="10.7.0.1").status_code == 303
    assert send(client, organisation, address="10.7.0.1", homepage="spam").status_code == 303  # robots count
    too_many = send(client, organisation, address="10.7.0.1")
    assert too_many.status_code == 429
    assert "Too many suggestions from this address" in too_many.get_data(as_text=True)
    assert send(client, organisation, address="10.7.0.2").status_code == 303
    assert len(stored()) == 2


@pytest.mark.parametrize("status", [OrganisationStatus.DRAFT, OrganisationStatus.ARCHIVED])
def test_an_unpublished_organisation_has_no_form(client, make_organisation, status):
    hidden = make_organisation(status=status)
    assert client.get(form_url(hidden)).status_code == 404
    assert client.get(f"/organisations/{hidden.public_id}/correction/sent").status_code == 404
    token = form_token(client, "/account/login")
    response = client.post(form_url(hidden), data={"field": "phone", "proposed_value": "1", "csrf_token": token})
    assert response.status_code == 404 and stored() == []
    assert client.get("/organisations/nosuchid/correction").status_code == 404


def test_the_contact_and_note_are_never_logged(client, organisation, caplog):
    caplog.set_level(logging.DEBUG)
    send(client, organisation, note="ข้อความส่วนตัว QZXV")
    send(client, organisation, contact="081 999 4242", field="status")  # refused, shown back only to the sender
    assert not any(secret in caplog.text for secret in (CONTACT, "0819994242", "081 999 4242", "QZXV"))
