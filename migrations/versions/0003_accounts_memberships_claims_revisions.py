"""accounts, memberships, claims, revisions; organisation logos and merges

Revision ID: 0003
Revises: 0002

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.Enum('member', 'staff', 'admin', name='user_role', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('session_token', sa.String(length=64), nullable=False),
    sa.Column('email_verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email')),
    sa.UniqueConstraint('session_token', name=op.f('uq_users_session_token'))
    )
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('organisation_claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('claim', 'registration', name='claim_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('status', sa.Enum('pending', 'approved', 'rejected', name='claim_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('requester_id', sa.Integer(), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('contact_name', sa.String(length=200), nullable=False),
    sa.Column('contact_detail', sa.String(length=300), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_organisation_claims_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_organisation_claims_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requester_id'], ['users.id'], name=op.f('fk_organisation_claims_requester_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation_claims'))
    )
    with op.batch_alter_table('organisation_claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_claims_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_claims_requester_id'), ['requester_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_claims_status'), ['status'], unique=False)

    op.create_table('organisation_memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['added_by_id'], ['users.id'], name=op.f('fk_organisation_memberships_added_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_organisation_memberships_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_organisation_memberships_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation_memberships')),
    sa.UniqueConstraint('user_id', 'organisation_id', name=op.f('uq_organisation_memberships_user_id_organisation_id'))
    )
    with op.batch_alter_table('organisation_memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_memberships_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_memberships_user_id'), ['user_id'], unique=False)

    op.create_table('organisation_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.Enum('create', 'editor', 'staff', 'import', 'revert', 'merge', 'system', name='revision_source', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('reverted_revision_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_organisation_revisions_author_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_organisation_revisions_organisation_id_organisations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reverted_revision_id'], ['organisation_revisions.id'], name=op.f('fk_organisation_revisions_reverted_revision_id_organisation_revisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation_revisions'))
    )
    with op.batch_alter_table('organisation_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_revisions_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_revisions_organisation_id'), ['organisation_id'], unique=False)

    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('logo_filename', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_organisations_merged_into_id_organisations'), 'organisations', ['merged_into_id'], ['id'])



def downgrade():
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_organisations_merged_into_id_organisations'), type_='foreignkey')
        batch_op.drop_column('merged_into_id')
        batch_op.drop_column('logo_filename')

    with op.batch_alter_table('organisation_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_revisions_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_revisions_author_id'))

    op.drop_table('organisation_revisions')
    with op.batch_alter_table('organisation_memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_memberships_user_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_memberships_organisation_id'))

    op.drop_table('organisation_memberships')
    with op.batch_alter_table('organisation_claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_claims_status'))
        batch_op.drop_index(batch_op.f('ix_organisation_claims_requester_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_claims_organisation_id'))

    op.drop_table('organisation_claims')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_tokens_user_id'))

    op.drop_table('api_tokens')
    op.drop_table('users')
