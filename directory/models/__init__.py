"""All models, imported here so that Alembic and the app see every table."""
from directory.models.organisations import (
    IssueArea,
    Organisation,
    OrganisationStatus,
    OrganisationType,
    organisation_issue_areas,
)
from directory.models.events import Event, EventHost, MatchRule, event_host_issue_areas
from directory.models.imports import ImportJob, ImportStatus
from directory.models.memberships import ClaimKind, ClaimStatus, OrganisationClaim, OrganisationMembership
from directory.models.participants import (
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    Consent,
    ConsentPurpose,
    MediaWork,
    PersonalDataAccess,
    WorkFormat,
    application_issue_areas,
)
from directory.models.places import District, Province, Region
from directory.models.revisions import OrganisationRevision, RevisionSource
from directory.models.search_outbox import SearchOutboxEntry
from directory.models.users import ApiToken, User, UserRole
from directory.models.corrections import Correction, CorrectionStatus

__all__ = [
    "Application",
    "ApplicationStatus",
    "ApplicationStatusChange",
    "Consent",
    "ConsentPurpose",
    "Event",
    "EventHost",
    "ImportJob",
    "ImportStatus",
    "MatchRule",
    "MediaWork",
    "PersonalDataAccess",
    "WorkFormat",
    "application_issue_areas",
    "event_host_issue_areas",
    "ApiToken",
    "ClaimKind",
    "ClaimStatus",
    "OrganisationClaim",
    "OrganisationMembership",
    "OrganisationRevision",
    "RevisionSource",
    "User",
    "UserRole",
    "District",
    "IssueArea",
    "Organisation",
    "OrganisationStatus",
    "OrganisationType",
    "Province",
    "Region",
    "SearchOutboxEntry",
    "organisation_issue_areas",
    "Correction",
    "CorrectionStatus",
]
