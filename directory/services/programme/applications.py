"""Applications to an event: submitting, the private link, updates, withdrawal, and the applicant's own data.

The applicant has no account: a private link (/applications/<token>) is their key. The token is
shown once (on the confirmation page and in the mail); only its SHA-256 is stored, so the database
alone does not open anyone's page.

Personal data is kept to what the consents allow: health notes only with the health consent, a
guardian's details only for an applicant under 20. Nothing here logs personal data.
"""
from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from directory.extensions import db
from directory.models import Application, ApplicationStatus, Consent, ConsentPurpose, IssueArea
from directory.services.places.reference import reference
from directory.services.platform import clock
from directory.services.programme.application_status import (
    FINAL_STATUSES,
    is_final,
    log_submission,
    move_application,
    utc_now,
)
from directory.services.programme.events import ApplicationWindow, application_window

# Codes of the media skills an applicant may tick (EventHost.wanted_skills uses the same codes).
MEDIA_SKILLS = ("writing", "photography", "video", "graphic_design", "podcast", "social_media", "other")

# The version of the consent wording below; stored with every consent given. Change it whenever the
# wording changes, so each stored consent still says which text the person agreed to.
WORDING_VERSION = "2026-11"
# Shown in both languages on the form, whatever the page's language: this is the text agreed to.
CONSENT_WORDINGS = {
    ConsentPurpose.PROCESSING: (
        "ข้าพเจ้ายินยอมให้สถาบันเก็บและใช้ข้อมูลส่วนบุคคลในใบสมัครนี้ เพื่อพิจารณาคัดเลือกและจัดกิจกรรมครั้งนี้เท่านั้น "
        "(จำเป็น: ไม่ยินยอมจะสมัครไม่ได้)",
        "I agree that the institute collects and uses the personal data in this application only to select "
        "participants for this event and to run it (required: without it you cannot apply).",
    ),
    ConsentPurpose.SHARE_WITH_HOST: (
        "ข้าพเจ้ายินยอมให้ส่งชื่อและช่องทางติดต่อของข้าพเจ้าให้องค์กรเจ้าบ้านที่ข้าพเจ้าได้รับมอบหมาย "
        "(จำเป็นหากจะได้รับการจัดให้อยู่กับองค์กรเจ้าบ้าน)",
        "I agree that my name and contact details are shared with the host organisation I am placed with "
        "(required to be placed with a host).",
    ),
    ConsentPurpose.HEALTH_NOTES: (
        "ข้าพเจ้ายินยอมให้เก็บข้อมูลสุขภาพหรืออาหารที่ข้าพเจ้าแจ้งไว้ เพื่อดูแลความปลอดภัยของข้าพเจ้าระหว่างกิจกรรม "
        "(หากไม่ยินยอม ระบบจะไม่เก็บข้อมูลนี้)",
        "I agree that the health or dietary notes I give are kept, to look after my safety during the event "
        "(without this consent they are not stored).",
    ),
    ConsentPurpose.PUBLISH_NAME: (
        "ข้าพเจ้ายินยอมให้เผยแพร่ชื่อที่แสดงของข้าพเจ้าในประกาศรายชื่อผู้ได้รับคัดเลือกและคู่กับผลงานที่เผยแพร่ "
        "(จำเป็นหากจะมีชื่อในประกาศ)",
        "I agree that my display name is published in the list of selected participants and with my published "
        "works (required to be named in the announcement).",
    ),
    ConsentPurpose.GUARDIAN: (
        "ข้าพเจ้าเป็นบิดามารดาหรือผู้ปกครองของผู้สมัคร และยินยอมตามความยินยอมที่เลือกไว้ข้างต้น "
        "(จำเป็นสำหรับผู้สมัครอายุต่ำกว่า 20 ปี)",
        "I am the applicant's parent or guardian and I give the consents ticked above "
        "(required for applicants under 20).",
    ),
}
# The form's (and API's) field for each consent.
CONSENT_FIELDS = {
    "consent_processing": ConsentPurpose.PROCESSING,
    "consent_share_with_host": ConsentPurpose.SHARE_WITH_HOST,
    "consent_health_notes": ConsentPurpose.HEALTH_NOTES,
    "consent_publish_name": ConsentPurpose.PUBLISH_NAME,
    "consent_guardian": ConsentPurpose.GUARDIAN,
}
ADULT_AGE = 20  # PDPA s.20: below it, consent needs a parent's or guardian's too
# Copied from the schema's values as they are; province and interests are resolved separately.
DETAIL_FIELDS = ("full_name", "nickname", "email", "phone", "line_id", "birth_year", "occupation", "media_skills",
                 "other_skill", "motivation", "health_notes", "guardian_name", "guardian_contact")
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")


class ApplicationError(Exception):
    """An application we refuse; subclasses say why."""


class ApplicationsNotOpen(ApplicationError):
    """Outside the application window: `window` says whether it is not open yet or already closed."""

    def __init__(self, window: ApplicationWindow):
        super().__init__(f"applications are {window.value}")
        self.window = window


class DuplicateApplication(ApplicationError):
    """This email address has already applied to this event."""


class ApplicationLocked(ApplicationError):
    """The application is final or its personal data is deleted: nothing more can change."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def application_for_token(token):
    """The application a private link opens, or None (malformed tokens are not looked up)."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        return None
    return db.session.scalar(sa.select(Application).where(Application.token_hash == hash_token(token)))


def reference_year(event):
    """The year an applicant's age counts in: the event's, or this year for an event without dates."""
    return event.starts_on.year if event.starts_on else clock.today().year


def is_minor(birth_year, year):
    """Under 20 in `year` (only the year of birth is known, so the age counts in whole years)."""
    return birth_year is not None and year - birth_year < ADULT_AGE


def display_name_for(nickname, full_name):
    """What the announcement and the gallery show: the nickname, or else the first word of the full name."""
    if nickname and nickname.strip():
        return nickname.strip()
    return (full_name or "").split()[0] if (full_name or "").split() else ""


def submit_application(event, values):
    """A new application from the schema's values; returns (application, token). Flushes.

    Raises ApplicationsNotOpen outside the window and DuplicateApplication when the email (compared
    lowercased) has applied already, including when a simultaneous request wins the race to the
    unique constraint.
    """
    window = application_window(event)
    if window is not ApplicationWindow.OPEN:
        raise ApplicationsNotOpen(window)
    values = {**values, "email": values["email"].strip().lower()}
    if _email_taken(event, values["email"]):
        raise DuplicateApplication()
    token = secrets.token_urlsafe(32)
    application = Application(event_id=event.id, token_hash=hash_token(token), status=ApplicationStatus.SUBMITTED,
                              media_skills=[])
    year = reference_year(event)
    given = [purpose for field, purpose in CONSENT_FIELDS.items() if values.get(field)]
    if not is_minor(values.get("birth_year"), year):
        given = [purpose for purpose in given if purpose is not ConsentPurpose.GUARDIAN]
    _set_details(application, values, year, consents=set(given))
    now = utc_now()
    application.consents = [Consent(purpose=purpose, wording_version=WORDING_VERSION, given_at=now)
                            for purpose in given]
    application.created_at = now
    log_submission(application)
    try:
        with db.session.begin_nested():
            db.session.add(application)
    except IntegrityError as error:
        raise DuplicateApplication() from error
    return application, token


def update_application_details(application, values):
    """Change what the applicant sent (the schema's partial values) and add consents newly given; flushes.

    Consents already given stay (withdrawing all of them is a deletion request). Raises
    ApplicationLocked once the application is final or anonymised, DuplicateApplication when the new
    email has applied to the same event already.
    """
    _refuse_if_locked(application)
    values = dict(values)
    if "email" in values:
        values["email"] = values["email"].strip().lower()
        if values["email"] != application.email and _email_taken(application.event, values["email"]):
            raise DuplicateApplication()
    year = reference_year(application.event)
    birth_year = values.get("birth_year", application.birth_year)
    now = utc_now()
    for field, purpose in CONSENT_FIELDS.items():
        if not values.get(field) or application.has_consent(purpose):
            continue
        if purpose is ConsentPurpose.GUARDIAN and not is_minor(birth_year, year):
            continue
        application.consents.append(Consent(purpose=purpose, wording_version=WORDING_VERSION, given_at=now))
    _set_details(application, values, year, consents={c.purpose for c in application.consents if not c.withdrawn_at})
    try:
        with db.session.begin_nested():
            db.session.flush()
    except IntegrityError as error:
        raise DuplicateApplication() from error
    return application


def withdraw(application):
    """The applicant withdraws through their private link; logged as their own move. Flushes."""
    _refuse_if_locked(application)
    return move_application(application, ApplicationStatus.WITHDRAWN, by_applicant=True)


# Consents the applicant may take back on their own; the processing consent goes with a deletion request.
WITHDRAWABLE_CONSENTS = (ConsentPurpose.SHARE_WITH_HOST, ConsentPurpose.HEALTH_NOTES, ConsentPurpose.PUBLISH_NAME)


def withdraw_consent(application, purpose):
    """Take back one consent as easily as it was given (PDPA s.19); what it allowed stops now. Flushes.

    Withdrawing the health-notes consent deletes the notes. Returns False when there was none to withdraw.
    """
    if purpose not in WITHDRAWABLE_CONSENTS:
        raise ValueError(f"{purpose} is withdrawn by asking for deletion")
    given = [c for c in application.consents if c.purpose is purpose and c.withdrawn_at is None]
    for consent in given:
        consent.withdrawn_at = utc_now()
    if purpose is ConsentPurpose.HEALTH_NOTES:
        application.health_notes = None
    db.session.flush()
    return bool(given)


def export_own_data(application):
    """Everything we hold about the applicant, for the JSON download on their private link.

    Staff who moved the application are not named (their identity is not the applicant's data).
    """
    def stamp(value):
        return _aware(value).isoformat() if value else None

    event = application.event
    return {
        "event": {"id": event.public_id, "title_th": event.title_th, "title_en": event.title_en},
        "status": application.status.value,
        "display_name": application.display_name,
        "full_name": application.full_name,
        "nickname": application.nickname,
        "email": application.email,
        "phone": application.phone,
        "line_id": application.line_id,
        "birth_year": application.birth_year,
        "province": application.province_code,
        "occupation": application.occupation,
        "interests": [area.slug for area in application.interests],
        "media_skills": list(application.media_skills or []),
        "other_skill": application.other_skill,
        "motivation": application.motivation,
        "health_notes": application.health_notes,
        "guardian_name": application.guardian_name,
        "guardian_contact": application.guardian_contact,
        "host": application.host.organisation.public_id if application.host else None,
        "submitted_at": stamp(application.created_at),
        "deletion_requested_at": stamp(application.deletion_requested_at),
        "anonymised_at": stamp(application.anonymised_at),
        "consents": [{"purpose": c.purpose.value, "wording_version": c.wording_version,
                      "given_at": stamp(c.given_at), "withdrawn_at": stamp(c.withdrawn_at)}
                     for c in application.consents],
        "status_history": [{"from": c.from_status.value if c.from_status else None, "to": c.to_status.value,
                            "at": stamp(c.created_at), "by": "applicant" if c.by_applicant else "staff"}
                           for c in application.status_changes],
        "works": [{"title": w.title, "format": w.format.value, "url": w.url, "file": w.file_name,
                   "description": w.description, "is_late": w.is_late, "is_published": w.is_published,
                   "submitted_at": stamp(w.submitted_at)} for w in application.works],
    }


def request_deletion(application):
    """The applicant asks us to delete their data: it is cleared now, not merely flagged. Flushes.

    Kept: the status history and counts, published works (their author's display name with them,
    which is all a published work needs), and the consents' record with its withdrawal time. Works
    not published are removed with their files. An application not yet final becomes withdrawn.
    """
    from directory.services.programme.anonymise import clear_personal_data  # anonymise -> works -> this module

    if application.anonymised_at is not None:
        return application
    now = utc_now()
    if application.status not in FINAL_STATUSES:
        move_application(application, ApplicationStatus.WITHDRAWN, by_applicant=True, note="deletion requested")
    clear_personal_data(application, nameless_as="")
    for consent in application.consents:
        consent.withdrawn_at = consent.withdrawn_at or now
    application.deletion_requested_at = now
    application.anonymised_at = now
    db.session.flush()
    return application


def application_form_context(event, application=None):
    """What templates/public/_application_form.html needs besides `event`, `values` and `errors`.

    Render with **application_form_context(event). With `application` it is the private page's
    update form: consents already given are shown as given, not asked again.
    """
    year = reference_year(event)
    given = {c.purpose for c in application.consents if c.withdrawn_at is None} if application else set()
    return {"application_form": {
        "is_update": application is not None,
        "provinces": reference().provinces,
        "issue_areas": reference().issue_areas,
        "media_skills": MEDIA_SKILLS,
        "consents": [{"field": field, "purpose": purpose, "th": CONSENT_WORDINGS[purpose][0],
                      "en": CONSENT_WORDINGS[purpose][1], "is_given": purpose in given,
                      "is_required": purpose is ConsentPurpose.PROCESSING}
                     for field, purpose in CONSENT_FIELDS.items()],
        "wording_version": WORDING_VERSION,
        "reference_year": year,
        "minor_born_after": year - ADULT_AGE,
    }}


def is_locked(application):
    return application.anonymised_at is not None or is_final(application.status)


def _refuse_if_locked(application):
    if is_locked(application):
        raise ApplicationLocked()


def renew_link(event, email):
    """A new private link for the application with this email to this event, or None when there is none
    (or its data was deleted). The old link stops working: whoever asked, only the applicant's mailbox
    receives the new one. Flushes; returns (application, token)."""
    application = db.session.scalar(sa.select(Application).where(
        Application.event_id == event.id, Application.email == email.strip().lower(),
        Application.anonymised_at.is_(None)))
    if application is None:
        return None
    token = secrets.token_urlsafe(32)
    application.token_hash = hash_token(token)
    db.session.flush()
    return application, token


def _email_taken(event, email):
    return db.session.scalar(sa.select(sa.func.count()).select_from(Application).where(
        Application.event_id == event.id, Application.email == email)) > 0


def _set_details(application, values, year, consents):
    """Copy the given values; health notes only with their consent, guardian details only for a minor."""
    for field in DETAIL_FIELDS:
        if field in values:
            setattr(application, field, values[field])
    if "province" in values:
        application.province_code = values["province"]
    if "interests" in values:
        application.interests = list(db.session.scalars(
            sa.select(IssueArea).where(IssueArea.slug.in_(values["interests"])).order_by(IssueArea.position)))
    if "other" not in (application.media_skills or ()):
        application.other_skill = None
    if ConsentPurpose.HEALTH_NOTES not in consents:
        application.health_notes = None
    if not is_minor(application.birth_year, year):
        application.guardian_name = application.guardian_contact = None
    application.display_name = display_name_for(application.nickname, application.full_name)


def _aware(value: datetime):
    """SQLite hands back naive timestamps (stored as UTC); make every one carry its offset."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value
