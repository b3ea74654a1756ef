"""`flask seed` loads the programme's four rounds; the Satun round with the announcement's dates."""
from datetime import date

import sqlalchemy as sa

from directory.extensions import db
from directory.models import Event

SATUN_SLUG = "we-are-cso-3-satun-la-ngu-2019"


def seeded_events():
    return {event.slug: event for event in db.session.scalars(sa.select(Event))}


def test_seed_loads_four_rounds_once(runner):
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "4 events" in result.output
    first = {slug: event.public_id for slug, event in seeded_events().items()}
    assert set(first) == {SATUN_SLUG, "we-are-cso-phayao-2019", "we-are-cso-surin-2019",
                          "we-are-cso-suphan-buri-2019"}
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert "0 events" in result.output
    db.session.expire_all()
    assert {slug: event.public_id for slug, event in seeded_events().items()} == first


def test_the_satun_round_has_the_announcements_dates_and_details(runner):
    runner.invoke(args=["seed"])
    satun = seeded_events()[SATUN_SLUG]
    assert satun.round_number == 3
    assert (satun.province_code, satun.district_code) == ("91", "9105")  # Satun, La-ngu
    assert satun.district.name_th == "ละงู"
    assert (satun.starts_on, satun.ends_on) == (date(2019, 4, 6), date(2019, 4, 8))
    assert (satun.applications_open_on, satun.applications_close_on) == (date(2019, 3, 14), date(2019, 3, 31))
    assert satun.announce_on == date(2019, 4, 2)
    assert satun.works_due_on == date(2019, 4, 21)
    assert satun.min_participants == 10 and satun.max_participants is None
    assert "เสื้อแขนยาว" in satun.what_to_bring_th and "สุขภาพแข็งแรง" in satun.what_to_bring_th
    assert (satun.organiser_email, satun.organiser_phone, satun.organiser_line_id) == (
        "thethaiact@gmail.com", "09 4868 6855", "@Thethaiact")
    assert not satun.is_demo and not satun.is_cancelled


def test_the_other_three_rounds_have_no_dates_only_the_period(runner):
    runner.invoke(args=["seed"])
    events = seeded_events()
    others = [events[slug] for slug in ("we-are-cso-phayao-2019", "we-are-cso-surin-2019",
                                        "we-are-cso-suphan-buri-2019")]
    assert [event.province_code for event in others] == ["56", "32", "72"]
    for event in others:
        assert event.starts_on is None and event.ends_on is None
        assert event.applications_open_on is None and event.announce_on is None and event.works_due_on is None
        assert (event.period_starts_on, event.period_ends_on) == (date(2019, 1, 1), date(2019, 6, 30))
        assert event.title_th.startswith("We Are CSO : ภาคประชาสังคมใคร ๆ ก็เป็นได้ จังหวัด")
        assert event.organiser_email == "thethaiact@gmail.com"


def test_seeding_again_keeps_what_staff_changed(runner):
    runner.invoke(args=["seed"])
    satun = seeded_events()[SATUN_SLUG]
    satun.venue_en = "La-ngu District Office, Satun"
    db.session.commit()
    assert runner.invoke(args=["seed"]).exit_code == 0
    db.session.expire_all()
    assert seeded_events()[SATUN_SLUG].venue_en == "La-ngu District Office, Satun"
