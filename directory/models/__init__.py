"""All models, imported here so that Alembic and the app see every table."""
from directory.models.organisations import (
    IssueArea,
    Organisation,
    OrganisationStatus,
    OrganisationType,
    organisation_issue_areas,
)
from directory.models.places import District, Province, Region
from directory.models.search_outbox import SearchOutboxEntry

__all__ = [
    "District",
    "IssueArea",
    "Organisation",
    "OrganisationStatus",
    "OrganisationType",
    "Province",
    "Region",
    "SearchOutboxEntry",
    "organisation_issue_areas",
]
