"""GET /api/v1/events and /api/v1/events/<id>: public fields, ISO 8601 dates, hosts, published works."""
import json

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import ConsentPurpose, Event, WorkFormat
from directory.services.programme.events import cancel_event, seed_programme_events
from directory.services.programme.hosts import add_host
from tests.api.conftest import all_keys
from tests.event_factories import PERSONAL_VALUES, make_applicant_with_personal_data, make_application

SATUN_SLUG = "we-are-cso-3-satun-la-ngu-2019"
PUBLIC_EVENT_FIELDS = {
    "id", "slug", "url", "round_number", "title_th", "title_en", "description_th", "description_en", "status",
    "application_window", "is_cancelled", "is_demo", "province", "district", "venue_th", "venue_en",
    "starts_on", "ends_on", "applications_open_on", "applications_close_on", "announce_on", "works_due_on",
    "period_starts_on", "period_ends_on", "min_participants", "max_participants", "what_to_bring_th",
    "what_to_bring_en", "organiser",
}


@pytest.fixture
def satun(app):
    seed_programme_events()
    db.session.commit()
    return db.session.scalar(sa.select(Event).where(Event.slug == SATUN_SLUG))


def test_the_list_gives_public_fields_and_iso_dates(client, satun, set_clock, assert_matches_component):
    set_clock(2019, 3, 20)
    response = client.get("/api/v1/events")
    assert response.status_code == 200
    body = response.get_json()
    assert_matches_component("EventList", body)
    assert len(body["items"]) == 4
    assert all(set(item) == PUBLIC_EVENT_FIELDS for item in body["items"])
    first = body["items"][0]
    assert first["slug"] != SATUN_SLUG  # the undated rounds sort by their period, which starts in January
    item = next(item for item in body["items"] if item["slug"] == SATUN_SLUG)
    assert (item["starts_on"], item["ends_on"]) == ("2019-04-06", "2019-04-08")
    assert (item["applications_open_on"], item["applications_close_on"]) == ("2019-03-14", "2019-03-31")
    assert (item["announce_on"], item["works_due_on"]) == ("2019-04-02", "2019-04-21")
    assert (item["status"], item["application_window"]) == ("open", "open")
    assert item["id"] == satun.public_id
    assert item["url"] == f"http://localhost/events/{satun.public_id}/{SATUN_SLUG}"
    assert item["province"]["code"] == "91" and item["district"]["code"] == "9105"
    assert item["organiser"] == {"email": "thethaiact@gmail.com", "phone": "09 4868 6855", "line_id": "@Thethaiact"}
    assert item["min_participants"] == 10 and item["max_participants"] is None
    undated = next(item for item in body["items"] if item["slug"] == "we-are-cso-surin-2019")
    assert undated["starts_on"] is None and undated["status"] == "upcoming"
    assert (undated["period_starts_on"], undated["period_ends_on"]) == ("2019-01-01", "2019-06-30")


@pytest.mark.parametrize(("day", "status", "slugs"), [
    ((2019, 3, 20), "open", {SATUN_SLUG}),
    ((2019, 3, 20), "upcoming", {"we-are-cso-phayao-2019", "we-are-cso-surin-2019", "we-are-cso-suphan-buri-2019"}),
    ((2019, 4, 7), "running", {SATUN_SLUG}),
    ((2019, 7, 1), "finished", {SATUN_SLUG, "we-are-cso-phayao-2019", "we-are-cso-surin-2019",
                                "we-are-cso-suphan-buri-2019"}),
    ((2019, 7, 1), "open", set()),
])
def test_the_list_filters_by_status(client, satun, set_clock, day, status, slugs):
    set_clock(*day)
    body = client.get(f"/api/v1/events?status={status}").get_json()
    assert {item["slug"] for item in body["items"]} == slugs


def test_a_cancelled_event_has_that_status(client, satun, set_clock):
    set_clock(2019, 3, 20)
    cancel_event(satun)
    db.session.commit()
    body = client.get("/api/v1/events?status=cancelled").get_json()
    assert [item["slug"] for item in body["items"]] == [SATUN_SLUG]
    assert body["items"][0]["is_cancelled"] is True and body["items"][0]["application_window"] == "closed"


@pytest.mark.parametrize("query", ["status=bogus", "statuses=open", "page=2"])
def test_an_unknown_filter_or_status_is_refused(client, satun, query):
    response = client.get(f"/api/v1/events?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"] == "invalid request"


def test_one_event_with_its_hosts_and_published_works(client, satun, make_organisation, assert_matches_component):
    shown_host = make_organisation(name_en="La-ngu Mangrove Group", district="ละงู")
    archived = make_organisation(name_en="Gone Group")
    host = add_host(satun, shown_host, capacity=6, issue_areas=["environment"], activities_en="Mangroves")
    add_host(satun, archived, capacity=2)
    from directory.models import OrganisationStatus
    archived.status = OrganisationStatus.ARCHIVED
    db.session.commit()
    make_application(satun, display_name="Ploy", host_id=host.id, works=[
        {"title": "Featured video", "format": WorkFormat.VIDEO, "url": "https://example.org/v", "is_published": True,
         "is_featured": True},
        {"title": "Draft article", "url": "https://example.org/draft"},
    ])
    make_application(satun, display_name="Shy", consents=[ConsentPurpose.PROCESSING], works=[
        {"title": "Photos", "format": WorkFormat.PHOTO_SET, "url": "https://example.org/p", "is_published": True}])

    response = client.get(f"/api/v1/events/{satun.public_id}")
    assert response.status_code == 200
    body = response.get_json()
    assert_matches_component("EventDetail", body)
    assert set(body) == PUBLIC_EVENT_FIELDS | {"hosts", "works"}
    assert [h["organisation"]["id"] for h in body["hosts"]] == [shown_host.public_id]
    hosted = body["hosts"][0]
    assert hosted["organisation"]["name_en"] == "La-ngu Mangrove Group"
    assert hosted["capacity"] == 6 and hosted["activities_en"] == "Mangroves"
    assert [area["slug"] for area in hosted["issue_areas"]] == ["environment"]
    assert hosted["organisation"]["url"].endswith(f"/organisations/{shown_host.public_id}/{shown_host.slug}")
    works = {work["title"]: work for work in body["works"]}
    assert set(works) == {"Featured video", "Photos"}  # the unpublished draft is not listed
    assert works["Featured video"]["author"] == "Ploy" and works["Featured video"]["is_featured"] is True
    assert works["Featured video"]["format"] == "video" and works["Featured video"]["file_url"] is None
    assert works["Photos"]["author"] is None  # no consent to publish the name
    assert body["works"][0]["title"] == "Featured video"


@pytest.mark.parametrize("public_id", ["nosuchid", "abc", "x" * 200])
def test_an_unknown_event_is_a_json_404(client, satun, public_id):
    response = client.get(f"/api/v1/events/{public_id}")
    assert response.status_code == 404
    assert response.get_json()["status"] == 404


def test_no_personal_field_or_value_in_any_event_response(client, satun, make_organisation, set_clock):
    host = add_host(satun, make_organisation(), capacity=5)
    db.session.commit()
    _, secrets_ = make_applicant_with_personal_data(satun, host=host)
    for day in ((2019, 3, 20), (2019, 4, 7), (2019, 5, 1)):
        set_clock(*day)
        for url in ("/api/v1/events", f"/api/v1/events/{satun.public_id}", "/api/v1/events?status=finished",
                    "/api/v1/events?status=open"):
            response = client.get(url)
            assert response.status_code == 200
            text = json.dumps(response.get_json(), ensure_ascii=False)
            leaked = [value for value in secrets_ if value in text]
            assert not leaked, f"{url} gives {leaked}"
            # email, phone and line_id are keys of the organisers' public contact, so only their values count.
            personal_keys = set(PERSONAL_VALUES) - {"email", "phone", "line_id"} | {"nickname", "applications"}
            assert not all_keys(response.get_json()) & personal_keys
    # The published work is there, with the display name only.
    detail = client.get(f"/api/v1/events/{satun.public_id}").get_json()
    assert [(work["title"], work["author"]) for work in detail["works"]] == [("Mangroves of La-ngu", "Nok")]
