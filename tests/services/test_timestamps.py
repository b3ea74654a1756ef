"""Moments are stored as UTC and read back aware on every database, then shown on Thailand's calendar."""
from datetime import UTC, datetime

import pytest
from sqlalchemy import DateTime

from directory.extensions import db
from directory.models import User
from directory.models.columns import UtcDateTime
from directory.presentation import format_date
from directory.services.platform.clock import BANGKOK


def test_every_timestamp_column_is_utc():
    plain = [f"{table.name}.{column.name}" for table in db.metadata.tables.values() for column in table.columns
             if isinstance(column.type, DateTime) and not isinstance(column.type, UtcDateTime)]
    assert plain == []


@pytest.mark.parametrize("moment", [datetime(2026, 12, 3, 22, 17, tzinfo=BANGKOK),
                                    datetime(2026, 12, 4, 0, 5, tzinfo=BANGKOK),
                                    datetime(2026, 12, 3, 23, 59, tzinfo=UTC)])
def test_a_moment_written_in_any_zone_reads_back_the_same(app, make_user, moment):
    user = make_user()
    user.last_login_at = moment
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(User, user.id).last_login_at
    assert stored == moment and stored.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("moment, thai, english", [
    (datetime(2026, 12, 3, 16, 59, tzinfo=UTC), "3 ธันวาคม 2569", "3 December 2026"),   # 23:59 in Bangkok
    (datetime(2026, 12, 3, 17, 0, tzinfo=UTC), "4 ธันวาคม 2569", "4 December 2026"),    # midnight in Bangkok
    (datetime(2026, 12, 3, 22, 17, tzinfo=BANGKOK), "3 ธันวาคม 2569", "3 December 2026"),
])
def test_dates_are_shown_on_thailands_calendar(app, moment, thai, english):
    with app.test_request_context():
        assert format_date(moment, "th") == thai and format_date(moment, "en") == english
