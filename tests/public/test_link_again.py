"""A lost private link, sent again: a new link only to the address on the application, the same answer
whatever the email, the old link retired, limited per email and per address."""
import re

from directory.extensions import db
from directory.models import Application
from tests.conftest import form_token
from tests.event_factories import submit


def ask(client, event, email):
    url = f"/events/{event.public_id}/my-link"
    return client.post(url, data={"email": email, "csrf_token": form_token(client, url)})


def test_the_applicant_gets_a_new_link_and_the_old_one_stops_working(client, open_round, mailbox):
    application, old_token = submit(open_round, email="manee@example.org")
    response = ask(client, open_round, "  Manee@Example.org ")
    assert response.status_code == 200 and "ส่งลิงก์ส่วนตัวใหม่" in response.get_data(as_text=True)
    links = [found for found in mailbox.links(mailbox.last(to="manee@example.org")) if "/applications/" in found]
    assert len(set(links)) == 1
    link = links[0]
    assert client.get(link.removeprefix("http://localhost")).status_code == 200
    assert client.get(f"/applications/{old_token}").status_code == 404
    assert old_token not in response.get_data(as_text=True) and link not in response.get_data(as_text=True)


def test_an_unknown_email_gets_the_same_answer_and_no_mail(client, open_round, mailbox):
    submit(open_round, email="manee@example.org")
    known = ask(client, open_round, "manee@example.org").get_data(as_text=True)
    unknown = ask(client, open_round, "nobody@example.org").get_data(as_text=True)
    strip = re.compile(r'name="csrf_token" value="[^"]*"')
    assert strip.sub("", known) == strip.sub("", unknown)
    assert mailbox.messages(to="nobody@example.org") == []


def test_another_events_application_is_not_renewed(client, open_round, round_event, mailbox):
    other = round_event(slug="another-round")
    _application, token = submit(other, email="manee@example.org")
    ask(client, open_round, "manee@example.org")
    assert mailbox.messages(to="manee@example.org") == []
    assert client.get(f"/applications/{token}").status_code == 200


def test_a_bad_email_is_a_clear_400(client, open_round):
    response = ask(client, open_round, "not-an-email")
    assert response.status_code == 400 and 'id="email-errors"' in response.get_data(as_text=True)


def test_requests_are_limited_per_email(client, app, open_round, mailbox):
    app.config["PRIVATE_LINK_LIMIT"] = "2 per hour"
    submit(open_round, email="manee@example.org")
    assert [ask(client, open_round, "manee@example.org").status_code for _ in range(3)] == [200, 200, 429]
    assert len(mailbox.messages(to="manee@example.org")) == 2


def test_the_event_page_offers_it(client, open_round):
    page = client.get(f"/events/{open_round.public_id}").get_data(as_text=True)
    assert f'href="/events/{open_round.public_id}/my-link"' in page
    assert db.session.query(Application).count() == 0
