"""likely duplicates, staff imports: a registration claim may point at the organisation it may duplicate;
spreadsheet imports started in the back office

Revision ID: 0006
Revises: 0005

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('import_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('stored_name', sa.String(length=100), nullable=False),
    sa.Column('status', sa.Enum('checking', 'checked', 'refused', 'applying', 'applied', 'failed', name='import_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('allow_duplicates', sa.Boolean(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_import_jobs_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_jobs'))
    )
    with op.batch_alter_table('import_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_jobs_status'), ['status'], unique=False)

    with op.batch_alter_table('organisation_claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('possible_duplicate_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_organisation_claims_possible_duplicate_id_organisations'), 'organisations', ['possible_duplicate_id'], ['id'], ondelete='SET NULL')



def downgrade():
    with op.batch_alter_table('organisation_claims', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_organisation_claims_possible_duplicate_id_organisations'), type_='foreignkey')
        batch_op.drop_column('possible_duplicate_id')

    with op.batch_alter_table('import_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_jobs_status'))

    op.drop_table('import_jobs')
