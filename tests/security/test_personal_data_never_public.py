"""THE no-leak test: an applicant's personal data never reaches a public page, the public API, the
search index or the logs.

The event is announced, has hosts and published works, and its applicant carries a distinctive value
in every personal field. Every public GET route in the app's URL map is fetched (in Thai and English,
with every id that fits its arguments) and no response may contain any of those values.
"""
import html
import itertools
import logging
import re
from datetime import date, datetime, timezone

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ApplicationStatus, Correction, MediaWork, Organisation, WorkFormat
from directory.services.programme.hosts import add_host
from directory.services.programme.privacy import PERSONAL_FIELDS
from directory.services.programme.works import works_folder
from directory.services.search.adapter import search_index
from directory.services.search.sync import sync_search_index
from search_index.schema import WATERMARK_ID
from tests.conftest import Mailbox, form_token
from tests.event_factories import PERSONAL_VALUES, make_applicant_with_personal_data, make_application, make_event

ROUND_3 = dict(round_number=3, applications_open_on=date(2019, 3, 14), applications_close_on=date(2019, 3, 31),
               announce_on=date(2019, 4, 2), starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8),
               works_due_on=date(2019, 4, 21), min_participants=10, max_participants=30)
HOST_NAME = "Mangrove Guardians of La-ngu"
OTHER_SKILL = "Kite photography QZXW"
NICKNAME_NOT_DISPLAYED = "Nokkie-Hidden-Nick"
# The applicant's own pages behind the private link: they show the applicant their data by design.
PRIVATE_ENDPOINTS = {"public.application", "public.application_data"}
# Pages that must answer 200 (and show the public display name where it belongs) for the walk to mean anything.
MUST_RENDER = {"public.event", "public.announcement", "public.gallery", "public.organisation", "api.get_event",
               "api.list_events", "public.events", "public.event_ics", "public.sitemap", "public.open_data",
               "public.open_data_download", "public.statistics", "api.get_statistics", "public.organisations_map",
               "public.suggest_correction", "public.correction_sent"}
# A visitor's contact given with a suggested correction: staff see it, nobody else.
CORRECTION_CONTACT = "correction.visitor.hidden@example.net"
CORRECTION_NOTE = "Call me on my private line QZCN"


@pytest.fixture
def published_setting(clock_at, make_organisation):
    """Round 3, announced, with two hosts and an applicant full of personal data with published works."""
    clock_at(datetime(2019, 4, 25, 5, tzinfo=timezone.utc))
    event = make_event(**ROUND_3, announced_at=datetime(2019, 4, 2, 3, tzinfo=timezone.utc))
    host_org = make_organisation(name_en=HOST_NAME, name_th="กลุ่มรักษ์ป่าชายเลนละงู", district="ละงู",
                                 issue_areas=["environment"])
    second = make_organisation(name_en="Sea School of Satun")
    host = add_host(event, host_org, capacity=10, issue_areas=["environment"], activities_en="Planting mangroves")
    add_host(event, second, capacity=5)
    db.session.commit()
    file_name = "c" * 32 + ".pdf"
    folder = works_folder()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / file_name).write_bytes(b"%PDF-1.4 a published work")
    applicant, secrets = make_applicant_with_personal_data(event, host=host, other_skill=OTHER_SKILL,
                                                           media_skills=["other", "writing"])
    applicant.nickname = NICKNAME_NOT_DISPLAYED  # the display name is what is public, not the nickname
    applicant.works.append(MediaWork(
        title="Tide tables zine", format=WorkFormat.PHOTO_SET, file_name=file_name, is_published=True,
        is_featured=True, published_at=datetime(2019, 4, 23, tzinfo=timezone.utc)))
    # A second applicant who gave no consent to be named, and one rejected.
    make_application(event, status=ApplicationStatus.CONFIRMED, display_name="Quiet", consents=(),
                     full_name="Quietus Unnamed-Person", email="quietus.hidden@example.net", host_id=host.id)
    make_application(event, status=ApplicationStatus.REJECTED, display_name="Rejected-Display-Name-Q",
                     email="rejected.hidden@example.net")
    db.session.add(Correction(organisation=host_org, field="phone", proposed_value="074 000 111",
                              note=CORRECTION_NOTE, contact=CORRECTION_CONTACT))
    db.session.commit()
    secrets += [CORRECTION_CONTACT, CORRECTION_NOTE,
                OTHER_SKILL, NICKNAME_NOT_DISPLAYED, "Quagmire", "Thistlewood", "Flibbertigibbet", "Quietus",
                "quietus.hidden@example.net", "rejected.hidden@example.net", "Rejected-Display-Name-Q"]
    yield {"event": event, "host": host_org, "applicant": applicant, "secrets": secrets, "file_name": file_name,
           "issue_area": host.issue_areas[0].slug}


def argument_values(setting):
    """Every value worth trying for each URL argument name of a public route."""
    event, host = setting["event"], setting["host"]
    return {
        "public_id": [event.public_id, host.public_id],
        "event_public_id": [event.public_id],
        "slug": [event.slug, host.slug, setting["issue_area"]],
        "code": ["91"],
        "name": [setting["file_name"]],
        "filename": ["missing.png"],
        "id": [event.public_id, host.public_id],
    }


def public_urls(app, setting):
    """(endpoint, url) of every public GET route, built with every fitting combination of ids."""
    values = argument_values(setting)
    skipped, urls = set(), []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith(("public.", "api.")) or "GET" not in rule.methods:
            continue
        if "token" in rule.arguments:
            skipped.add(rule.endpoint)
            continue
        names = sorted(rule.arguments)
        choices = [values.get(name, values["public_id"]) for name in names]
        for combination in itertools.product(*choices):
            try:
                url = rule.build(dict(zip(names, combination)), append_unknown=False)[1]
            except Exception:  # a converter refusing the value (e.g. an int id): not a page of ours
                continue
            urls.append((rule.endpoint, url))
    return skipped, urls


def leaked(body, secrets):
    """The secrets found in a response body (as sent, and with HTML entities decoded), ignoring case."""
    texts = (body.lower(), html.unescape(body).lower())
    found = []
    for secret in secrets:
        needle = secret.lower()
        if needle.isdigit():  # a year or a number: only as a number of its own, not inside a token
            pattern = re.compile(rf"(?<![\w-]){re.escape(needle)}(?![\w-])")
            if any(pattern.search(text) for text in texts):
                found.append(secret)
        elif any(needle in text for text in texts):
            found.append(secret)
    return found


def test_no_public_page_or_api_response_contains_personal_data(app, client, published_setting):
    setting, secrets = published_setting, published_setting["secrets"]
    skipped, urls = public_urls(app, setting)
    assert skipped <= PRIVATE_ENDPOINTS, f"review these token routes: {skipped - PRIVATE_ENDPOINTS}"
    event, host = setting["event"], setting["host"]
    urls += [
        ("public.organisations", f"/organisations?q={HOST_NAME}"),
        ("api.list_organisations", f"/api/v1/organisations?q={HOST_NAME}"),
        ("api.list_events", "/api/v1/events?status=awaiting_works"),
        ("public.event", f"/events/{event.public_id}/{event.slug}"),
        ("public.organisation", f"/organisations/{host.public_id}/{host.slug}"),
        ("public.open_data_download", "/data/organisations.csv"),
        ("public.open_data_download", "/data/organisations.json"),
    ]
    rendered = {}
    for endpoint, url in urls:
        # The API refuses unknown query parameters (lang among them) and speaks one language.
        for language in ((None,) if url.startswith("/api/") else ("th", "en")):
            target = url if language is None else f"{url}{'&' if '?' in url else '?'}lang={language}"
            response = client.get(target, follow_redirects=True)
            body = response.get_data().decode("utf-8", errors="replace")
            response.close()
            assert not leaked(body, secrets), f"{url} ({language}) shows {leaked(body, secrets)}"
            if response.status_code == 200:
                rendered.setdefault(endpoint, []).append(body)
    assert MUST_RENDER <= set(rendered), f"not rendered: {MUST_RENDER - set(rendered)}"
    # The walk saw the data it guards: the public display name is on the announcement, gallery and API.
    for endpoint in ("public.announcement", "public.gallery", "api.get_event"):
        assert any("Nok" in body for body in rendered[endpoint]), endpoint
    assert any(HOST_NAME in body for body in rendered["public.organisations"])
    assert any("Tide tables zine" in body for body in rendered["public.gallery"])


def test_searching_for_personal_values_finds_nothing(client, published_setting):
    """The search page repeats what was typed, so it is not walked above; it must find nothing for it."""
    assert client.get(f"/api/v1/organisations?q={HOST_NAME}").get_json()["total"] >= 1
    for value in ("Zebulon", "Thistlewood", PERSONAL_VALUES["email"], PERSONAL_VALUES["line_id"],
                  "Flibbertigibbet", "Lighthouse", "0819994242"):
        assert client.get("/api/v1/organisations", query_string={"q": value}).get_json()["total"] == 0, value


def test_the_search_index_holds_organisations_only_and_no_personal_value(app, published_setting):
    sync_search_index(blocking=True)
    host = published_setting["host"]
    _, index = search_index().store.open_current()
    organisation_ids = {str(i) for i in db.session.scalars(sa.select(Organisation.id))}
    with index.searcher() as searcher:
        documents = [fields for fields in searcher.all_stored_fields() if fields.get("id") != WATERMARK_ID]
        assert {d["id"] for d in documents} <= organisation_ids  # organisations only
        assert str(host.id) in {d["id"] for d in documents}
        for document in documents:
            assert not leaked(repr(document), published_setting["secrets"]), document["id"]
        terms = [text.decode("utf-8", errors="replace") if isinstance(text, bytes) else str(text)
                 for _, text in searcher.reader().all_terms()]
    distinctive = ("zebulon", "quagmire", "thistlewood", "flibbertigibbet", "gertrude", "zeb_secret_line",
                   "0819994242", "xqz", "qzxw", "quietus", "lighthouse", "peanut")
    assert not [term for term in terms if any(word in term.lower() for word in distinctive)]


def test_applying_and_staff_moves_log_no_personal_value(app, clock_at, client, auth, make_user, make_organisation,
                                                        caplog):
    clock_at(datetime(2019, 3, 20, 5, tzinfo=timezone.utc))
    event = make_event(**ROUND_3)
    values = {"full_name": "Zebulon Quagmire-Thistlewood", "nickname": "Zebby", "email": "zebulon.private@example.net",
              "phone": "081-999-4242", "line_id": "zeb_secret_line", "birth_year": "2545", "province": "91",
              "occupation": "Lighthouse keeper of Koh Zeb", "interests": ["environment"],
              "media_skills": ["other"], "other_skill": OTHER_SKILL,
              "motivation": "My motivation is a private matter XQZ", "health_notes": "Allergic to peanuts, asthma XQZ",
              "guardian_name": "Guardian Gertrude Flibbertigibbet",
              "guardian_contact": "gertrude.guardian@example.net", "consent_processing": "yes",
              "consent_share_with_host": "yes", "consent_health_notes": "yes", "consent_publish_name": "yes",
              "consent_guardian": "yes"}
    caplog.set_level(logging.DEBUG)
    url = f"/events/{event.public_id}/apply"
    response = client.post(url, data={**values, "csrf_token": form_token(client, url)})
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    application = db.session.scalar(sa.select(Application).where(Application.event_id == event.id))
    assert all(getattr(application, field) is not None for field in PERSONAL_FIELDS)  # every field was stored
    staff = make_user(role="staff")
    auth.login(staff.email)
    for to in ("shortlisted", "selected", "confirmed"):
        token = form_token(client, f"/staff/applications/{application.id}")
        assert client.post(f"/staff/applications/{application.id}/move",
                           data={"to": to, "csrf_token": token}).status_code == 303
    db.session.expire_all()
    assert db.session.get(Application, application.id).status is ApplicationStatus.CONFIRMED
    host = make_organisation(phone="074 000 000")
    editor = make_user(editor_of=[host])
    url = f"/organisations/{host.public_id}/correction"
    assert client.post(url, data={"field": "phone", "proposed_value": "074 000 111", "note": CORRECTION_NOTE,
                                  "contact": CORRECTION_CONTACT, "csrf_token": form_token(client, url)}
                       ).status_code == 303
    correction = db.session.scalar(sa.select(Correction).where(Correction.organisation_id == host.id))
    assert client.post(f"/staff/corrections/{correction.id}/decision",
                       data={"decision": "apply", "csrf_token": form_token(client, "/staff/corrections")}
                       ).status_code == 302
    assert "074 000 111" in Mailbox(app.config["MAIL_FOLDER"]).last(to=editor.email).get_content()
    secrets = [v for k, v in values.items() if k not in ("province", "interests", "media_skills")
               and not k.startswith("consent_")] + ["0819994242", "2002", CORRECTION_CONTACT, CORRECTION_NOTE]
    assert not leaked(caplog.text, secrets)
