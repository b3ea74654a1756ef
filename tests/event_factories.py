"""Building events and applications for tests, straight through the models and services.

Applications are made directly (not through the application form's service) so a test can give them
any status and any personal values, including ones the form would refuse.
"""
import hashlib
import itertools
import secrets
from datetime import date, datetime

from directory.extensions import db
from directory.models import Application, ApplicationStatus, Consent, ConsentPurpose, MediaWork, WorkFormat
from directory.services.platform.clock import BANGKOK
from directory.services.programme import applications as service
from directory.services.programme.events import create_event

_numbers = itertools.count(1)

# Round 3 as announced: applications 14-31 March 2019, event 6-8 April, works due 21 April.
ROUND_3 = dict(
    round_number=3, title_th="We Are CSO ครั้งที่ 3 ละงู สตูล", title_en="We Are CSO round 3, La-ngu, Satun",
    province_code="91", applications_open_on=date(2019, 3, 14), applications_close_on=date(2019, 3, 31),
    announce_on=date(2019, 4, 2), starts_on=date(2019, 4, 6), ends_on=date(2019, 4, 8),
    works_due_on=date(2019, 4, 21), min_participants=10, max_participants=40,
)
INSIDE_WINDOW = datetime(2019, 3, 20, 12, 0, tzinfo=BANGKOK)


def set_clock(app, moment):
    app.config["CLOCK"] = lambda: moment


_emails = iter(range(1, 10**6))


def valid_values(**overrides):
    """What ApplicationSchema would return for a complete adult application."""
    values = dict(
        full_name="สมหญิง ใจดี", nickname="หญิง", email=f"applicant{next(_emails)}@example.org", phone="0812345678",
        line_id=None, birth_year=1995, province="91", occupation="ครู", interests=["community-development"],
        media_skills=["writing", "photography"], other_skill=None, motivation="อยากเรียนรู้งานภาคประชาสังคม",
        health_notes=None, guardian_name=None, guardian_contact=None, consent_processing=True,
        consent_share_with_host=True, consent_health_notes=False, consent_publish_name=True, consent_guardian=False,
    )
    values.update(overrides)
    return values


def submit(event, **overrides):
    """Submit valid values (with overrides) to `event` through the service; returns (application, token)."""
    application, token = service.submit_application(event, valid_values(**overrides))
    db.session.commit()
    return application, token



def make_event(commit=True, **values):
    number = next(_numbers)
    values.setdefault("slug", f"test-event-{number}-{secrets.token_hex(3)}")
    values.setdefault("title_th", f"กิจกรรมทดสอบ {number}")
    values.setdefault("title_en", f"Test event {number}")
    values.setdefault("province_code", "91")
    event = create_event(values)
    if commit:
        db.session.commit()
    return event


def make_application(event, status=ApplicationStatus.SUBMITTED, consents=tuple(ConsentPurpose), works=(),
                     commit=True, **values):
    """An application with the given consents; works are dicts of MediaWork values."""
    number = next(_numbers)
    values.setdefault("display_name", f"Applicant {number}")
    values.setdefault("email", f"applicant{number}@example.org")
    application = Application(event=event, status=status,
                              token_hash=hashlib.sha256(secrets.token_bytes(16)).hexdigest(), **values)
    application.consents = [Consent(purpose=purpose, wording_version="test") for purpose in consents]
    application.works = [MediaWork(**{"format": WorkFormat.ARTICLE, **work}) for work in works]
    db.session.add(application)
    if commit:
        db.session.commit()
    else:
        db.session.flush()
    return application


# Values no page or public response has any other reason to contain.
PERSONAL_VALUES = {
    "full_name": "Zebulon Quagmire-Thistlewood",
    "email": "zebulon.private@example.net",
    "phone": "081-999-4242",
    "line_id": "zeb_secret_line",
    "birth_year": 1931,
    "occupation": "Lighthouse keeper of Koh Zeb",
    "motivation": "My motivation is a private matter XQZ",
    "health_notes": "Allergic to peanuts, asthma XQZ",
    "guardian_name": "Guardian Gertrude Flibbertigibbet",
    "guardian_contact": "gertrude.guardian@example.net",
}


def make_applicant_with_personal_data(event, host=None, **values):
    """A selected applicant placed with `host`, with a published work, full of distinctive personal values.

    Returns the strings that must never appear in public output (the birth year in both eras too).
    """
    application = make_application(
        event, status=ApplicationStatus.SELECTED, display_name="Nok", nickname="Nok",
        host_id=host.id if host else None, province_code="91",
        works=[{"title": "Mangroves of La-ngu", "url": "https://example.org/mangroves", "is_published": True}],
        **{**PERSONAL_VALUES, **values})
    secrets_ = [str(value) for key, value in PERSONAL_VALUES.items() if key != "birth_year"]
    secrets_ += [str(PERSONAL_VALUES["birth_year"]), str(PERSONAL_VALUES["birth_year"] + 543),
                 "0819994242", "81-999-4242"]
    return application, secrets_
