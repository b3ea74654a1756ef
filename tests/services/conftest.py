"""Fixtures shared by the service tests."""
import pytest


@pytest.fixture
def request_context(app):
    """A request context for services that build absolute links for mail, as they do inside a request.

    Opt in with `pytestmark = pytest.mark.usefixtures("request_context")` or by naming the fixture.
    """
    with app.test_request_context():
        yield


@pytest.fixture
def staff_user(make_user):
    """A staff member, to make the decisions services keep for staff."""
    return make_user(role="staff", display_name="Staff Somsri")
