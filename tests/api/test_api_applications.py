"""POST /api/v1/events/<public_id>/applications: the form's schema as JSON, the window, duplicates, limits."""
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ConsentPurpose
from directory.services.platform.clock import BANGKOK
from directory.services.programme.applications import WORDING_VERSION
from tests.conftest import form_token
from tests.event_factories import set_clock


def body(**overrides):
    data = {
        "full_name": "Somchai Rakdee", "email": "somchai@example.org", "phone": "+66812345678", "birth_year": 1990,
        "province": "91", "occupation": "farmer", "interests": ["community-development"],
        "media_skills": ["writing"], "motivation": "To help my community.", "consent_processing": True,
        "consent_share_with_host": True, "consent_publish_name": False,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def url(event):
    return f"/api/v1/events/{event.public_id}/applications"


def count():
    return db.session.scalar(sa.select(sa.func.count()).select_from(Application))


def test_an_application_is_accepted_with_201_and_the_private_link(client, open_round, mailbox):
    response = client.post(url(open_round), json=body())
    assert response.status_code == 201
    data = response.get_json()
    assert data["status"] == "submitted"
    assert data["private_link"].startswith("http://localhost/applications/")
    assert data["private_link"] in mailbox.links(mailbox.last(to="somchai@example.org"))
    application = db.session.scalar(sa.select(Application))
    assert application.display_name == "Somchai"
    assert {c.purpose for c in application.consents} == {ConsentPurpose.PROCESSING, ConsentPurpose.SHARE_WITH_HOST}
    assert {c.wording_version for c in application.consents} == {WORDING_VERSION}
    assert client.get(data["private_link"].removeprefix("http://localhost")).status_code == 200


def test_validation_errors_name_each_field(client, open_round):
    response = client.post(url(open_round), json=body(email="nope", province="TH-99", birth_year="x",
                                                      media_skills=["juggling"], consent_processing=None,
                                                      unexpected=1))
    assert response.status_code == 400
    data = response.get_json()
    assert data["error"] == "invalid request"
    assert set(data["fields"]) >= {"email", "province", "birth_year", "media_skills", "consent_processing",
                                   "unexpected"}
    assert data["fields"]["email"] == ["This is not a valid email address."]
    assert count() == 0


def test_a_second_application_with_the_same_email_is_a_field_error(client, open_round):
    assert client.post(url(open_round), json=body()).status_code == 201
    response = client.post(url(open_round), json=body(email="SomChai@example.org"))
    assert response.status_code == 400
    assert response.get_json()["fields"] == {
        "email": ["There is already an application with this email address for this event."]}
    assert count() == 1


def test_health_notes_without_consent_are_dropped(client, open_round):
    client.post(url(open_round), json=body(health_notes="asthma"))
    assert db.session.scalar(sa.select(Application)).health_notes is None


def test_under_20_needs_a_guardian(client, open_round):
    response = client.post(url(open_round), json=body(birth_year=2005))
    assert response.status_code == 400
    assert set(response.get_json()["fields"]) == {"guardian_name", "guardian_contact", "consent_guardian"}
    response = client.post(url(open_round), json=body(birth_year=2005, guardian_name="Mother",
                                                      guardian_contact="0899999999", consent_guardian=True))
    assert response.status_code == 201


@pytest.mark.parametrize(("moment", "window"), [
    (datetime(2019, 3, 13, 16, 59, tzinfo=timezone.utc), "not_yet"),  # 23:59 on 13 March in Bangkok
    (datetime(2019, 3, 31, 17, 0, tzinfo=timezone.utc), "closed"),  # 00:00 on 1 April in Bangkok
])
def test_outside_the_window_is_a_409(client, app, open_round, moment, window):
    set_clock(app, moment)
    response = client.post(url(open_round), json=body())
    assert response.status_code == 409
    data = response.get_json()
    assert data["window"] == window and data["status"] == 409
    assert data["error"] in ("Applications for this event are not open yet.",
                             "Applications for this event are closed.")
    assert count() == 0


def test_the_last_minute_in_bangkok_is_inside(client, app, open_round):
    set_clock(app, datetime(2019, 3, 31, 23, 59, 59, tzinfo=BANGKOK))
    assert client.post(url(open_round), json=body()).status_code == 201


def test_an_unknown_event_is_a_404(client, open_round):
    response = client.post("/api/v1/events/nosuchevent/applications", json=body())
    assert response.status_code == 404 and response.get_json()["status"] == 404


@pytest.mark.parametrize("payload", [b"[1, 2]", b"not json", b'"text"'])
def test_a_body_that_is_not_a_json_object_is_a_400(client, open_round, payload):
    response = client.post(url(open_round), data=payload, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["fields"] == {"_schema": ["Send the application as a JSON object."]}


def test_no_session_or_csrf_is_needed(client, open_round):
    response = client.post(url(open_round), json=body(), headers={"Cookie": ""})
    assert response.status_code == 201
    assert "Set-Cookie" not in response.headers


def test_the_form_and_the_api_share_one_limit_per_address(client, app, open_round):
    app.config["APPLICATION_LIMIT"] = "2 per hour"
    token = form_token(client, f"/events/{open_round.public_id}/apply")
    assert client.post(url(open_round), json=body(email="a@example.org")).status_code == 201
    assert client.post(url(open_round), json=body(email="b@example.org")).status_code == 201
    response = client.post(url(open_round), json=body(email="c@example.org"))
    assert response.status_code == 429
    assert client.post(f"/events/{open_round.public_id}/apply", data={"csrf_token": token}).status_code == 429
    assert count() == 2


def test_the_route_is_documented(openapi_document):
    operation = openapi_document["paths"]["/api/v1/events/{public_id}/applications"]["post"]
    assert operation["operationId"] == "create_application"
    assert [p["name"] for p in operation["parameters"] if p["in"] == "path"] == ["public_id"]
    assert {"409", "429", "400", "404"} <= set(operation["responses"])
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/Application")
    properties = openapi_document["components"]["schemas"]["Application"]["properties"]
    assert {"email", "consent_processing", "interests", "media_skills", "birth_year"} <= set(properties)
