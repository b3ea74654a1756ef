"""The migrations are the schema: they must build exactly what the models declare."""
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from directory.extensions import db
from directory.models import Organisation


def test_migrated_database_matches_the_models(app):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_the_database_refuses_a_district_of_another_province(make_organisation):
    organisation = make_organisation(province="สตูล", district="ละงู")
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(sa.update(Organisation).where(Organisation.id == organisation.id)
                           .values(province_code="10"))
        db.session.flush()
    db.session.rollback()


def test_the_database_refuses_a_position_outside_thailand(make_organisation):
    organisation = make_organisation()
    with pytest.raises(sa.exc.IntegrityError):
        db.session.execute(sa.update(Organisation).where(Organisation.id == organisation.id)
                           .values(latitude=48.85, longitude=2.35))
        db.session.flush()
    db.session.rollback()
