"""Apps with settings of their own (a proxy in front, Redis, HTTPS), on the run's database."""
import uuid

import pytest

from directory import create_app
from directory.extensions import db
from tests.conftest import _settings


@pytest.fixture
def other_app(migrated_database, tmp_path):
    """other_app(**settings) -> a new app; its database connections are closed after the test."""
    made = []

    def make(**settings):
        app = create_app({**_settings(migrated_database, tmp_path / f"index-{uuid.uuid4().hex[:8]}"), **settings})
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.engine.dispose()
