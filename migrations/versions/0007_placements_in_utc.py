"""placements in UTC: on SQLite, acceptance times were written as Bangkok wall time with no offset and
then read as UTC (shown a day late after 17:00 UTC); shift them to UTC, as every timestamp now is stored.
PostgreSQL kept the offset (timestamptz), so its rows are already right.

Revision ID: 0007
Revises: 0006

"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("UPDATE applications SET placed_at = strftime('%Y-%m-%d %H:%M:%f000', placed_at, '-7 hours') "
                   "WHERE placed_at IS NOT NULL")


def downgrade():
    if op.get_bind().dialect.name == "sqlite":
        op.execute("UPDATE applications SET placed_at = strftime('%Y-%m-%d %H:%M:%f000', placed_at, '+7 hours') "
                   "WHERE placed_at IS NOT NULL")
