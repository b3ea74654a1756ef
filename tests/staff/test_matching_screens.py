"""The back office's matching screens: who may use them, the side-by-side review, pins, forbids, moves,
accepting (and refusing a stale suggestion), awkward input, and the hosts' rosters (printable and CSV)."""
import csv
import html
import io
import re
from datetime import datetime

import pytest
import sqlalchemy as sa

from directory.extensions import db
from directory.models import Application, ApplicationStatus, MatchRule, PersonalDataAccess
from directory.services.platform.clock import BANGKOK
from directory.services.programme.placements import set_rule, suggest_placements
from tests.conftest import form_token
from tests.event_factories import make_application
from tests.services.test_placements import PEOPLE, WITHOUT_SHARING, make_participant, make_scenario
from tests.staff.conftest import get_page, post, text_of

S = ApplicationStatus


@pytest.fixture
def scenario(app, make_organisation):
    return make_scenario(make_organisation)


@pytest.fixture
def staff(client, auth, make_user):
    user = make_user(role="staff", display_name="Khun Somchai")
    auth.login(user.email)
    return user


def matching_url(event, **args):
    query = "&".join(f"{key}={value}" for key, value in args.items())
    return f"/staff/events/{event.public_id}/matching" + (f"?{query}" if query else "")


def fingerprint_on(page):
    return re.search(r'name="fingerprint" value="([0-9a-f]+)"', page).group(1)


def row(page, element_id):
    """The text of the table row with this id."""
    start = page.index(f'id="{element_id}"')
    return text_of(page[start:page.index("</tr>", start)])


def audit_actions():
    return [entry.action for entry in db.session.scalars(sa.select(PersonalDataAccess).order_by(PersonalDataAccess.id))]


# -- who may come in ------------------------------------------------------------------------------

def routes(event, application, host):
    return [
        ("GET", matching_url(event), None),
        ("POST", f"/staff/events/{event.public_id}/matching/rules",
         {"application_id": application.id, "host_id": host.id, "kind": "pin"}),
        ("POST", f"/staff/events/{event.public_id}/matching/move", {"application_id": application.id,
                                                                    "host_id": host.id}),
        ("POST", f"/staff/events/{event.public_id}/matching/accept",
         {"fingerprint": suggest_placements(event).fingerprint}),
        ("GET", f"/staff/events/{event.public_id}/hosts/{host.id}/roster", None),
        ("GET", f"/staff/events/{event.public_id}/hosts/{host.id}/roster.csv", None),
    ]


def nothing_changed():
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MatchRule)) == 0
    assert db.session.scalars(sa.select(Application.host_id).where(Application.host_id.is_not(None))).all() == []
    assert db.session.scalar(sa.select(sa.func.count()).select_from(PersonalDataAccess)) == 0


@pytest.mark.parametrize("who", ["member", "editor"])
def test_members_and_editors_get_403_on_every_matching_route(client, auth, make_user, scenario, who):
    event, hosts, applications = scenario
    user = make_user(editor_of=[hosts[0].organisation] if who == "editor" else [])
    auth.login(user.email)
    token = form_token(client, "/account/")
    for method, url, form in routes(event, applications[0], hosts[0]):
        response = client.open(url, method=method, data={**form, "csrf_token": token} if form else None)
        assert response.status_code == 403, (method, url)
    nothing_changed()


def test_anonymous_visitors_are_sent_to_sign_in(client, scenario):
    event, hosts, applications = scenario
    token = form_token(client, "/account/login")
    for method, url, form in routes(event, applications[0], hosts[0]):
        response = client.open(url, method=method, data={**form, "csrf_token": token} if form else None)
        assert response.status_code == 302 and "/account/login" in response.headers["Location"], (method, url)
    nothing_changed()


# -- the review -----------------------------------------------------------------------------------

def test_the_page_shows_participants_by_hosts_with_scores_and_explanations(client, staff, scenario):
    event, hosts, applications = scenario
    suggestion = suggest_placements(event)
    ann = applications[0]

    page = get_page(client, matching_url(event))

    assert "จับคู่ผู้เข้าร่วมกับองค์กรเจ้าบ้าน" in page  # the title, in Thai
    matrix_row = page[page.index(f'id="participant-{ann.id}"'):]
    matrix_row = matrix_row[:matrix_row.index("</tr>")]
    satun_cell = matrix_row[matrix_row.index(f'data-host="{hosts[0].id}"'):]
    assert satun_cell.startswith(f'data-host="{hosts[0].id}" class="suggested"')
    assert "<mark" in satun_cell.split("</td>")[0] and "3.00" in satun_cell.split("</td>")[0]
    assert "<mark" not in matrix_row.split(f'data-host="{hosts[1].id}"')[1].split("</td>")[0]
    for application in applications:
        assert f'id="participant-{application.id}"' in page
    explained = row(page, f"placement-{ann.id}")
    placement = suggestion.placement_of[ann.id]
    assert "มูลนิธิรักษ์สตูล" in explained and f"{placement.score:.2f}" in explained
    assert "0 กม." in explained and "การดูแลผู้สูงอายุ" in explained and "สตูล" in explained
    for label in ("ประเด็นงาน", "ทักษะสื่อ", "การเดินทาง", "ความสมดุล", "เจ้าบ้านลำดับถัดไป"):
        assert label in page, label
    assert "สมาคมเด็กพะเยา" in explained and "เครือข่ายกรุงเทพ" in explained  # the next-best hosts
    assert re.search(r'id="timing">[^<]*\d+ มิลลิวินาที', page)
    assert "ยังไม่มีการยืนยันการจับคู่" in page
    assert audit_actions() == ["view_matching"]


def test_the_page_speaks_english_too(client, staff, scenario):
    event, hosts, applications = scenario
    page = get_page(client, matching_url(event, lang="en"))
    for label in ("Placing participants with hosts", "Issue areas", "Media skills", "Travel", "Balance",
                  "Next-best hosts", "Accept this placement", "0 km"):
        assert label in page, label


def test_the_event_dashboard_links_to_the_matching_page(client, staff, scenario):
    event = scenario[0]
    assert f'href="/staff/events/{event.public_id}/matching"' in get_page(client, f"/staff/events/{event.public_id}")


def test_weights_in_the_query_string_change_the_run_and_ride_along(client, staff, scenario):
    event, hosts, applications = scenario
    page = get_page(client, matching_url(event, travel="0", issues="0", skills="0", balance="0"))
    assert '<input type="hidden" name="travel" value="0">' in page
    assert "0.00 ✓" in page and "3.00" not in page
    refused = get_page(client, matching_url(event, travel="-1"))
    assert 'id="weights-refused"' in refused and "3.00 ✓" in refused


# -- rules, moves and accepting -------------------------------------------------------------------

def test_pin_then_run_again_places_the_participant_there(client, staff, scenario):
    event, hosts, applications = scenario
    ann = applications[0]

    response = post(client, f"/staff/events/{event.public_id}/matching/rules", application_id=ann.id,
                    host_id=hosts[1].id, kind="pin")

    assert response.status_code == 303 and response.headers["Location"].endswith(matching_url(event))
    rule = db.session.scalar(sa.select(MatchRule))
    assert (rule.application_id, rule.host_id, rule.kind, rule.created_by_id) == (ann.id, hosts[1].id, "pin", staff.id)
    page = get_page(client, matching_url(event))
    assert "สมาคมเด็กพะเยา" in row(page, f"placement-{ann.id}").split("ปักหมุด")[0]
    assert "ปักหมุด" in row(page, f"placement-{ann.id}")
    assert "ปักหมุดแล้ว: Ann" in page  # the flash


def test_forbid_and_clear(client, staff, scenario):
    event, hosts, applications = scenario
    ann = applications[0]
    url = f"/staff/events/{event.public_id}/matching/rules"
    post(client, url, application_id=ann.id, host_id=hosts[0].id, kind="forbid")
    assert suggest_placements(event).placement_of[ann.id].host_id != hosts[0].id
    page = get_page(client, matching_url(event))
    assert "ห้ามจับคู่" in row(page, f"participant-{ann.id}")

    post(client, url, application_id=ann.id, host_id=hosts[0].id, kind="clear")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MatchRule)) == 0
    assert suggest_placements(event).placement_of[ann.id].host_id == hosts[0].id


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_rule_button_is_named_by_its_visible_word_first(client, staff, scenario, language):
    """Voice control users say the word they see ("ห้าม"): the accessible name starts with it, as a word."""
    event, hosts, applications = scenario
    url = f"/staff/events/{event.public_id}/matching/rules"
    post(client, url, application_id=applications[0].id, host_id=hosts[0].id, kind="forbid")
    post(client, url, application_id=applications[1].id, host_id=hosts[0].id, kind="pin")
    page = get_page(client, matching_url(event, lang=language))
    buttons = re.findall(r'<button[^>]*aria-label="([^"]+)"[^>]*>([^<]+)</button>', page)
    assert len({visible for _name, visible in buttons}) == 3, buttons  # pin, forbid and clear
    assert [(name, visible) for name, visible in buttons
            if not html.unescape(name).startswith(html.unescape(visible) + " ")] == []


def test_rules_are_refused_with_a_message_for_applicants_without_consent(client, staff, scenario):
    event, hosts, applications = scenario
    private = make_application(event, status=S.SELECTED, display_name="Quiet", consents=WITHOUT_SHARING)
    response = post(client, f"/staff/events/{event.public_id}/matching/rules", application_id=private.id,
                    host_id=hosts[0].id, kind="pin")
    assert response.status_code == 303
    page = get_page(client, matching_url(event))
    assert "ไม่ได้ยินยอมให้ส่งต่อข้อมูลติดต่อ" in page
    assert "จับคู่ไม่ได้: ไม่ได้ยินยอมให้ส่งต่อข้อมูลติดต่อให้องค์กรเจ้าบ้าน" in text_of(page)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MatchRule)) == 0


def test_unknown_applications_hosts_and_kinds(client, staff, scenario, make_organisation):
    event, hosts, applications = scenario
    other_event, other_hosts, other_applications = make_scenario(make_organisation, people=PEOPLE[:1])
    url = f"/staff/events/{event.public_id}/matching/rules"
    assert post(client, url, application_id=other_applications[0].id, host_id=hosts[0].id,
                kind="pin").status_code == 404
    assert post(client, url, application_id=applications[0].id, host_id=other_hosts[0].id,
                kind="pin").status_code == 404
    assert post(client, url, application_id="x", host_id=hosts[0].id, kind="pin").status_code == 404
    assert post(client, url, application_id=applications[0].id, host_id=hosts[0].id,
                kind="maybe").status_code == 303
    assert post(client, "/staff/events/nosuchevent/matching/rules", application_id=applications[0].id,
                host_id=hosts[0].id, kind="pin").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(MatchRule)) == 0


def test_moving_by_hand_pins_the_participant(client, staff, scenario):
    event, hosts, applications = scenario
    ann = applications[0]
    url = f"/staff/events/{event.public_id}/matching/move"
    post(client, url, application_id=ann.id, host_id=hosts[1].id)
    post(client, url, application_id=ann.id, host_id=hosts[2].id)
    assert [(r.host_id, r.kind) for r in db.session.scalars(sa.select(MatchRule))] == [(hosts[2].id, "pin")]
    assert suggest_placements(event).placement_of[ann.id].host_id == hosts[2].id


def test_accepting_saves_the_placement_with_who_accepted_it(clock_at, client, staff, scenario):
    clock_at(datetime(2019, 4, 3, 9, 30, tzinfo=BANGKOK))
    event, hosts, applications = scenario
    page = get_page(client, matching_url(event))
    suggestion = suggest_placements(event)

    response = post(client, f"/staff/events/{event.public_id}/matching/accept", fingerprint=fingerprint_on(page))

    assert response.status_code == 303
    db.session.expire_all()
    for application in applications:
        stored = db.session.get(Application, application.id)
        assert stored.host_id == suggestion.placement_of[application.id].host_id
        assert stored.placed_by_id == staff.id and stored.placed_at is not None
    page = get_page(client, matching_url(event))
    assert "ยืนยันการจับคู่แล้ว: 8 จาก 8 คน" in page
    assert "ยืนยันการจับคู่โดย Khun Somchai เมื่อ 3 เมษายน 2562" in text_of(page)
    accepted_cell = page[page.index(f'id="placement-{applications[0].id}"'):].split('class="accepted-host">')[1]
    assert accepted_cell.startswith("มูลนิธิรักษ์สตูล</td>")


@pytest.mark.parametrize("moment, shown", [
    (datetime(2026, 12, 3, 22, 17, tzinfo=BANGKOK), "3 ธันวาคม 2569"),   # 15:17 UTC: the same day everywhere
    (datetime(2026, 12, 4, 0, 5, tzinfo=BANGKOK), "4 ธันวาคม 2569"),     # 17:05 UTC on the 3rd
    (datetime(2026, 12, 3, 6, 59, tzinfo=BANGKOK), "3 ธันวาคม 2569"),    # 23:59 UTC on the 2nd
])
def test_the_acceptance_shows_the_day_it_was_in_thailand(clock_at, client, staff, scenario, moment, shown):
    clock_at(moment)
    event, _hosts, applications = scenario
    page = get_page(client, matching_url(event))
    post(client, f"/staff/events/{event.public_id}/matching/accept", fingerprint=fingerprint_on(page))
    db.session.expire_all()
    assert db.session.get(Application, applications[0].id).placed_at == moment  # an aware moment, read back
    assert f"ยืนยันการจับคู่โดย Khun Somchai เมื่อ {shown}" in text_of(get_page(client, matching_url(event)))


def test_accepting_a_suggestion_that_changed_is_refused(client, staff, scenario):
    event, hosts, applications = scenario
    page = get_page(client, matching_url(event))
    set_rule(event, applications[0], hosts[1], "pin")  # someone else pins meanwhile
    db.session.commit()

    response = post(client, f"/staff/events/{event.public_id}/matching/accept", fingerprint=fingerprint_on(page))

    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.scalars(sa.select(Application.host_id).where(Application.host_id.is_not(None))).all() == []
    assert "การจับคู่ที่เสนอเปลี่ยนไปแล้ว" in get_page(client, matching_url(event))
    assert post(client, f"/staff/events/{event.public_id}/matching/accept").status_code == 303  # no fingerprint
    assert db.session.scalars(sa.select(Application.placed_at).where(Application.placed_at.is_not(None))).all() == []


# -- awkward input ------------------------------------------------------------------------------

def test_an_event_without_hosts(client, staff, app, make_organisation):
    event, hosts, applications = make_scenario(make_organisation, capacities=(), people=PEOPLE[:2])
    page = get_page(client, matching_url(event))
    assert 'id="no-hosts"' in page
    unplaced = text_of(page[page.index('id="unplaced"'):])
    assert unplaced.count("กิจกรรมนี้ยังไม่มีองค์กรเจ้าบ้าน") == 2
    assert post(client, f"/staff/events/{event.public_id}/matching/accept",
                fingerprint=fingerprint_on(page)).status_code == 303


def test_hosts_with_no_places(client, staff, app, make_organisation):
    event, hosts, applications = make_scenario(make_organisation, capacities=(0, 0, 0), people=PEOPLE[:2])
    page = get_page(client, matching_url(event))
    assert 'id="no-capacity"' in page
    assert text_of(page[page.index('id="unplaced"'):]).count("ไม่มีองค์กรเจ้าบ้านที่ยังมีที่ว่าง") == 2


def test_more_participants_than_places_places_as_many_as_fit(client, staff, app, make_organisation):
    event, hosts, applications = make_scenario(make_organisation, capacities=(2, 2, 1))
    page = get_page(client, matching_url(event))
    assert page.count('data-reason="not_enough_places"') == 3
    assert page.count(" ✓</mark>") == 5
    assert "ที่ว่างไม่พอ" in page


def test_a_participant_without_interests_or_home_province(client, staff, scenario):
    event, hosts, applications = scenario
    lost = make_participant(event, "Lost", province=None, areas=(), skills=())
    page = get_page(client, matching_url(event))
    assert f'id="placement-{lost.id}"' in page and "ไม่ทราบระยะทาง" in row(page, f"placement-{lost.id}")
    notices = text_of(page[page.index('id="notices"'):page.index("</ul>", page.index('id="notices"'))])
    assert "Lost ไม่ได้เลือกประเด็นที่สนใจ" in notices and "Lost ไม่มีจังหวัดที่อยู่" in notices


def test_hosts_below_their_minimum_are_listed(client, staff, app, make_organisation):
    event, hosts, applications = make_scenario(make_organisation, people=PEOPLE[:1])
    hosts[1].minimum = 2
    db.session.commit()
    page = get_page(client, matching_url(event))
    assert "สมาคมเด็กพะเยา ต้องการผู้เข้าร่วมอย่างน้อย 2 คน" in text_of(page[page.index('id="below-minimum"'):])


def test_groups_that_stay_concentrated_are_listed_by_name(client, staff, app, make_organisation):
    people = [(f"S{i}", "91", ["elderly-care"], ["photography"]) for i in range(6)]
    people += [(f"B{i}", "10", ["women-gender"], ["video"]) for i in range(2)]
    event, hosts, applications = make_scenario(make_organisation, capacities=(4, 0, 4), people=people)
    page = get_page(client, matching_url(event))
    clumps = text_of(page[page.index('id="clumps"'):page.index("</ul>", page.index('id="clumps"'))])
    assert "มูลนิธิรักษ์สตูล: ผู้เข้าร่วม 4 คนมี “สตูล” เหมือนกัน (สัดส่วนที่เหมาะสมคือ 3.0)" in clumps
    assert "มูลนิธิรักษ์สตูล: ผู้เข้าร่วม 4 คนมี “การถ่ายภาพ” เหมือนกัน" in clumps


def test_an_event_without_participants(client, staff, app, make_organisation):
    event = make_scenario(make_organisation, people=())[0]
    assert 'id="no-participants"' in get_page(client, matching_url(event))


# -- rosters --------------------------------------------------------------------------------------

@pytest.fixture
def placed(scenario):
    """Ann and a minor placed with the first host, Cha with the second."""
    event, hosts, applications = scenario
    ann, cha = applications[0], applications[2]
    ann.host_id, cha.host_id = hosts[0].id, hosts[1].id
    ann.full_name, ann.phone, ann.line_id, ann.email = "Ann Private", "081-111-2222", "ann_line", "ann@example.org"
    ann.guardian_contact = "not-a-minor-guardian@example.org"
    minor = make_participant(event, "Kid", host_id=hosts[0].id, birth_year=2005, full_name="=HYPERLINK(\"x\")",
                             guardian_name="Mae Kid", guardian_contact="089-000-0000")
    cha.full_name, cha.phone = "Cha Private", "082-333-4444"
    db.session.commit()
    return event, hosts, ann, cha, minor


def test_the_printable_roster_shows_only_that_hosts_participants_and_is_audited(client, staff, placed):
    event, hosts, ann, cha, minor = placed
    page = get_page(client, f"/staff/events/{event.public_id}/hosts/{hosts[0].id}/roster")
    roster = text_of(page[page.index('id="roster"'):])
    assert "Ann Private" in roster and "081-111-2222" in roster and "ann_line" in roster and "ann@example.org" in roster
    assert "Mae Kid" in roster and "089-000-0000" in roster  # the minor's guardian
    assert "not-a-minor-guardian@example.org" not in roster
    assert "Cha" not in roster and "082-333-4444" not in page
    assert audit_actions() == ["host_roster"]


def test_the_roster_csv_has_a_bom_defuses_formulas_and_is_audited(client, staff, placed):
    event, hosts, ann, cha, minor = placed
    response = client.get(f"/staff/events/{event.public_id}/hosts/{hosts[0].id}/roster.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    body = response.get_data()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [r["display_name"] for r in rows] == ["Ann", "Kid"]
    assert rows[0]["phone"] == "081-111-2222" and rows[0]["guardian_contact"] == ""
    assert rows[1]["full_name"] == "'=HYPERLINK(\"x\")" and rows[1]["guardian_contact"] == "089-000-0000"
    assert "Cha Private" not in body.decode("utf-8-sig")
    assert audit_actions() == ["export_host_roster"]


def test_a_roster_of_a_host_of_another_event_is_404(client, staff, placed, make_organisation):
    event, hosts, ann, cha, minor = placed
    other_event, other_hosts, _ = make_scenario(make_organisation, people=())
    for suffix in ("roster", "roster.csv"):
        assert client.get(f"/staff/events/{event.public_id}/hosts/{other_hosts[0].id}/{suffix}").status_code == 404
    assert audit_actions() == []


def test_an_empty_roster(client, staff, scenario):
    event, hosts, applications = scenario
    assert 'id="no-participants"' in get_page(client, f"/staff/events/{event.public_id}/hosts/{hosts[2].id}/roster")
