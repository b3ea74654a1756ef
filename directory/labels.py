"""The words the pages show for enum members (statuses, roles, sources, kinds) and media skill codes.

One map per enum, Thai through the catalogue: each label is its English msgid. A member without a label
shows as its value rather than failing the page (tests/public/test_enum_labels.py makes sure none is
missing, in either language).
"""
from flask_babel import lazy_gettext

from directory.models import (
    ApplicationStatus,
    ClaimKind,
    ClaimStatus,
    ConsentPurpose,
    CorrectionStatus,
    ImportStatus,
    OrganisationStatus,
    RevisionSource,
    UserRole,
    WorkFormat,
)
from directory.services.programme.events import EventStatus


class Labels(dict):
    """Labels by member (or code); one that is missing reads as the member's value."""

    def __missing__(self, key):
        return getattr(key, "value", key)


LABELS = {
    OrganisationStatus: Labels({
        OrganisationStatus.DRAFT: lazy_gettext("Draft"),
        OrganisationStatus.PUBLISHED: lazy_gettext("Published"),
        OrganisationStatus.ARCHIVED: lazy_gettext("Archived"),
    }),
    ClaimKind: Labels({
        ClaimKind.CLAIM: lazy_gettext("Claims of existing listings"),
        ClaimKind.REGISTRATION: lazy_gettext("Registrations of new organisations"),
    }),
    ClaimStatus: Labels({
        ClaimStatus.PENDING: lazy_gettext("Waiting for a decision"),
        ClaimStatus.APPROVED: lazy_gettext("Approved"),
        ClaimStatus.REJECTED: lazy_gettext("Rejected"),
    }),
    CorrectionStatus: Labels({
        CorrectionStatus.PENDING: lazy_gettext("Waiting for a decision"),
        CorrectionStatus.APPLIED: lazy_gettext("Applied"),
        CorrectionStatus.DISMISSED: lazy_gettext("Dismissed"),
    }),
    ImportStatus: Labels({
        ImportStatus.CHECKING: lazy_gettext("Checking the file"),
        ImportStatus.CHECKED: lazy_gettext("Checked: waiting for your confirmation"),
        ImportStatus.REFUSED: lazy_gettext("Refused: the file has errors"),
        ImportStatus.APPLYING: lazy_gettext("Importing"),
        ImportStatus.APPLIED: lazy_gettext("Imported"),
        ImportStatus.FAILED: lazy_gettext("Stopped on an error"),
    }),
    # As staff see it; the applicant reads APPLICATION_STATUS_EXPLANATIONS.
    ApplicationStatus: Labels({
        ApplicationStatus.SUBMITTED: lazy_gettext("Submitted"),
        ApplicationStatus.SHORTLISTED: lazy_gettext("Shortlisted"),
        ApplicationStatus.SELECTED: lazy_gettext("Selected"),
        ApplicationStatus.WAITLISTED: lazy_gettext("Waitlisted"),
        ApplicationStatus.REJECTED: lazy_gettext("Rejected"),
        ApplicationStatus.CONFIRMED: lazy_gettext("Confirmed"),
        ApplicationStatus.ATTENDED: lazy_gettext("Attended"),
        ApplicationStatus.COMPLETED: lazy_gettext("Completed"),
        ApplicationStatus.NO_SHOW: lazy_gettext("Did not come"),
        ApplicationStatus.WITHDRAWN: lazy_gettext("Withdrawn"),
    }),
    ConsentPurpose: Labels({
        ConsentPurpose.PROCESSING: lazy_gettext("Processing of my data for this event"),
        ConsentPurpose.SHARE_WITH_HOST: lazy_gettext("Sharing my name and contact with my host organisation"),
        ConsentPurpose.HEALTH_NOTES: lazy_gettext("Keeping my health or dietary notes"),
        ConsentPurpose.PUBLISH_NAME: lazy_gettext("Publishing my display name"),
        ConsentPurpose.GUARDIAN: lazy_gettext("My parent's or guardian's consent"),
    }),
    WorkFormat: Labels({
        WorkFormat.ARTICLE: lazy_gettext("Article"),
        WorkFormat.PHOTO_SET: lazy_gettext("Photo set"),
        WorkFormat.VIDEO: lazy_gettext("Video (as a link)"),
        WorkFormat.INFOGRAPHIC: lazy_gettext("Infographic"),
        WorkFormat.PODCAST: lazy_gettext("Podcast episode"),
        WorkFormat.SOCIAL_POST: lazy_gettext("Social media post"),
        WorkFormat.OTHER: lazy_gettext("Other format"),
    }),
    RevisionSource: Labels({
        RevisionSource.CREATE: lazy_gettext("Created"),
        RevisionSource.EDITOR: lazy_gettext("Edited by an organisation editor"),
        RevisionSource.STAFF: lazy_gettext("Edited by staff"),
        RevisionSource.IMPORT: lazy_gettext("CSV import"),
        RevisionSource.REVERT: lazy_gettext("Revert"),
        RevisionSource.MERGE: lazy_gettext("Merge"),
        RevisionSource.SYSTEM: lazy_gettext("System"),
        RevisionSource.CORRECTION: lazy_gettext("A visitor's correction, applied by staff"),
    }),
    UserRole: Labels({
        UserRole.MEMBER: lazy_gettext("Member"),
        UserRole.STAFF: lazy_gettext("Staff"),
        UserRole.ADMIN: lazy_gettext("Administrator"),
    }),
    # An event's status (services/programme/events.py) as the pages' badge says it.
    EventStatus: Labels({
        EventStatus.UPCOMING: lazy_gettext("Upcoming"),
        EventStatus.OPEN: lazy_gettext("Open for applications"),
        EventStatus.CLOSED: lazy_gettext("Applications closed"),
        EventStatus.ANNOUNCED: lazy_gettext("Participants announced"),
        EventStatus.RUNNING: lazy_gettext("Taking place now"),
        EventStatus.AWAITING_WORKS: lazy_gettext("Awaiting media works"),
        EventStatus.FINISHED: lazy_gettext("Finished"),
        EventStatus.CANCELLED: lazy_gettext("Cancelled"),
    }),
}

# What the applicant reads about where their application stands.
APPLICATION_STATUS_EXPLANATIONS = Labels({
    ApplicationStatus.SUBMITTED: lazy_gettext("Received: your application is waiting to be reviewed."),
    ApplicationStatus.SHORTLISTED: lazy_gettext("Shortlisted: you are on the shortlist; the final list follows."),
    ApplicationStatus.SELECTED: lazy_gettext("Selected: you have a place. The organisers will contact you to "
                                             "confirm it."),
    ApplicationStatus.WAITLISTED: lazy_gettext("Waiting list: you will be offered a place if one becomes free."),
    ApplicationStatus.REJECTED: lazy_gettext("Not selected this time. Thank you for applying."),
    ApplicationStatus.CONFIRMED: lazy_gettext("Confirmed: your place is confirmed. See you at the event."),
    ApplicationStatus.ATTENDED: lazy_gettext("Attended: thank you for taking part. Please send your media work."),
    ApplicationStatus.COMPLETED: lazy_gettext("Completed: you have completed the programme."),
    ApplicationStatus.NO_SHOW: lazy_gettext("Did not attend."),
    ApplicationStatus.WITHDRAWN: lazy_gettext("Withdrawn: this application was withdrawn."),
})

# The media skills applicants and hosts choose from (services/applications.MEDIA_SKILLS), by code.
MEDIA_SKILL_LABELS = Labels({
    "writing": lazy_gettext("Writing"),
    "photography": lazy_gettext("Photography"),
    "video": lazy_gettext("Video"),
    "graphic_design": lazy_gettext("Graphic design"),
    "podcast": lazy_gettext("Podcast"),
    "social_media": lazy_gettext("Social media"),
    "other": lazy_gettext("Other media skill"),
})


def label(member):
    """An enum member's label in the page's language, or its value when it has none."""
    return str(LABELS.get(type(member), Labels())[member])


def choices(members):
    """[(value, label)] of these members, in their order: a form's options or a queue's filter."""
    return [(member.value, label(member)) for member in members]
