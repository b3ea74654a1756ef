"""public corrections: visitors suggest a new value for a profile field, staff apply or dismiss it; an
applied one is a revision of the new source "correction"

Revision ID: 0008
Revises: 0007

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

REVISION_SOURCES = ('create', 'editor', 'staff', 'import', 'revert', 'merge', 'system')


def revision_source(*values):
    return sa.Enum(*values, name='revision_source', native_enum=False, create_constraint=True, length=20)


def upgrade():
    op.create_table('corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('proposed_value', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('contact', sa.String(length=254), nullable=True),
    sa.Column('status', sa.Enum('pending', 'applied', 'dismissed', name='correction_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('revision_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_corrections_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_corrections_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['revision_id'], ['organisation_revisions.id'], name=op.f('fk_corrections_revision_id_organisation_revisions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corrections'))
    )
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corrections_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_corrections_status'), ['status'], unique=False)

    # The source's CHECK names every value: it is dropped and made again with "correction" added.
    with op.batch_alter_table('organisation_revisions', schema=None) as batch_op:
        batch_op.alter_column('source', existing_type=revision_source(*REVISION_SOURCES),
                              type_=revision_source(*REVISION_SOURCES, 'correction'), existing_nullable=False)


def downgrade():
    op.execute("UPDATE organisation_revisions SET source = 'staff' WHERE source = 'correction'")
    with op.batch_alter_table('organisation_revisions', schema=None) as batch_op:
        batch_op.alter_column('source', existing_type=revision_source(*REVISION_SOURCES, 'correction'),
                              type_=revision_source(*REVISION_SOURCES), existing_nullable=False)

    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corrections_status'))
        batch_op.drop_index(batch_op.f('ix_corrections_organisation_id'))

    op.drop_table('corrections')
