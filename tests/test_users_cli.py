"""flask users create-staff / create-admin: verified accounts, a password typed twice, weak ones refused."""
import sqlalchemy as sa

from directory.extensions import db
from directory.models import User, UserRole
from directory.services.accounts.users import authenticate
from tests.conftest import PASSWORD


def user(email):
    return db.session.scalar(sa.select(User).where(User.email == email))


def test_create_staff_makes_a_verified_staff_account(runner):
    result = runner.invoke(args=["users", "create-staff", "Officer@Example.org"], input=f"{PASSWORD}\n{PASSWORD}\n")

    assert result.exit_code == 0, result.output
    assert "created staff account officer@example.org" in result.output
    created = user("officer@example.org")
    assert created.role is UserRole.STAFF and created.is_verified and created.is_active
    assert authenticate("officer@example.org", PASSWORD).id == created.id


def test_create_admin_makes_an_admin(runner):
    result = runner.invoke(args=["users", "create-admin", "boss@example.org"], input=f"{PASSWORD}\n{PASSWORD}\n")

    assert result.exit_code == 0, result.output
    assert user("boss@example.org").role is UserRole.ADMIN


def test_a_weak_password_is_refused(runner):
    result = runner.invoke(args=["users", "create-admin", "lazy@example.org"], input="1234567890\n1234567890\n")

    assert result.exit_code == 1
    assert "weak_password" in result.output
    assert user("lazy@example.org") is None


def test_the_password_must_be_typed_the_same_twice(runner):
    result = runner.invoke(args=["users", "create-staff", "typo@example.org"],
                           input=f"{PASSWORD}\n{PASSWORD}x\n{PASSWORD}\n{PASSWORD}\n")

    assert result.exit_code == 0, result.output
    assert authenticate("typo@example.org", PASSWORD) is not None


def test_an_email_that_has_an_account_is_refused(runner, make_user):
    make_user(email="taken@example.org")

    result = runner.invoke(args=["users", "create-admin", "taken@example.org"], input=f"{PASSWORD}\n{PASSWORD}\n")

    assert result.exit_code == 1 and "email_taken" in result.output
    assert user("taken@example.org").role is UserRole.MEMBER
