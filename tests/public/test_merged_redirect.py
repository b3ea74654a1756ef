"""A duplicate merged into another organisation: its public address leads to the one kept."""
import pytest

from directory.extensions import db
from directory.models import OrganisationStatus
from directory.services.organisations.moderation import merge_organisations, set_organisation_status


@pytest.fixture
def staff_user(make_user):
    return make_user(role="staff")


@pytest.mark.parametrize("suffix", ["", "/old-slug"])
def test_a_merged_duplicate_redirects_permanently_to_the_kept_profile(client, make_organisation, staff_user, suffix):
    keep, duplicate = make_organisation(name_en="Kept Foundation"), make_organisation()
    merge_organisations(keep, duplicate, by=staff_user)
    db.session.commit()

    response = client.get(f"/organisations/{duplicate.public_id}{suffix}")

    assert response.status_code == 301
    assert response.headers["Location"].endswith(f"/organisations/{keep.public_id}/{keep.slug}")
    assert client.get(response.headers["Location"]).status_code == 200


def test_no_redirect_to_an_unpublished_organisation(client, make_organisation, staff_user):
    keep, duplicate = make_organisation(), make_organisation()
    merge_organisations(keep, duplicate, by=staff_user)
    set_organisation_status(keep, OrganisationStatus.DRAFT, by=staff_user)
    db.session.commit()
    assert client.get(f"/organisations/{duplicate.public_id}").status_code == 404


def test_an_archived_organisation_that_was_not_merged_is_still_a_404(client, make_organisation):
    archived = make_organisation(status=OrganisationStatus.ARCHIVED)
    assert client.get(f"/organisations/{archived.public_id}").status_code == 404
    assert client.get("/organisations/nosuchid").status_code == 404
