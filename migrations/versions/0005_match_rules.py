"""match rules: staff pins and forbids for the participant-to-host matching

Revision ID: 0005
Revises: 0004

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('match_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('host_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("kind IN ('pin', 'forbid')", name=op.f('ck_match_rules_kind_known')),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_match_rules_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_match_rules_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_match_rules_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['host_id'], ['event_hosts.id'], name=op.f('fk_match_rules_host_id_event_hosts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_rules')),
    sa.UniqueConstraint('application_id', 'host_id', name=op.f('uq_match_rules_application_id_host_id'))
    )
    with op.batch_alter_table('match_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_match_rules_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_match_rules_event_id'), ['event_id'], unique=False)



def downgrade():
    with op.batch_alter_table('match_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_rules_event_id'))
        batch_op.drop_index(batch_op.f('ix_match_rules_application_id'))

    op.drop_table('match_rules')
