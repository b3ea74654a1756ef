"""events: hosts, applications, consents, status changes, media works, personal-data audit log

Revision ID: 0004
Revises: 0003

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('public_id', sa.String(length=12), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('round_number', sa.Integer(), nullable=True),
    sa.Column('title_th', sa.String(length=300), nullable=False),
    sa.Column('title_en', sa.String(length=300), nullable=True),
    sa.Column('description_th', sa.Text(), nullable=True),
    sa.Column('description_en', sa.Text(), nullable=True),
    sa.Column('province_code', sa.String(length=2), nullable=False),
    sa.Column('district_code', sa.String(length=4), nullable=True),
    sa.Column('venue_th', sa.String(length=300), nullable=True),
    sa.Column('venue_en', sa.String(length=300), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('applications_open_on', sa.Date(), nullable=True),
    sa.Column('applications_close_on', sa.Date(), nullable=True),
    sa.Column('announce_on', sa.Date(), nullable=True),
    sa.Column('works_due_on', sa.Date(), nullable=True),
    sa.Column('period_starts_on', sa.Date(), nullable=True),
    sa.Column('period_ends_on', sa.Date(), nullable=True),
    sa.Column('min_participants', sa.Integer(), nullable=True),
    sa.Column('max_participants', sa.Integer(), nullable=True),
    sa.Column('what_to_bring_th', sa.Text(), nullable=True),
    sa.Column('what_to_bring_en', sa.Text(), nullable=True),
    sa.Column('organiser_email', sa.String(length=254), nullable=True),
    sa.Column('organiser_phone', sa.String(length=100), nullable=True),
    sa.Column('organiser_line_id', sa.String(length=100), nullable=True),
    sa.Column('is_cancelled', sa.Boolean(), nullable=False),
    sa.Column('is_demo', sa.Boolean(), nullable=False),
    sa.Column('announced_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('applications_close_on IS NULL OR applications_open_on <= applications_close_on', name=op.f('ck_events_application_window_in_order')),
    sa.CheckConstraint('ends_on IS NULL OR starts_on <= ends_on', name=op.f('ck_events_dates_in_order')),
    sa.CheckConstraint('max_participants IS NULL OR min_participants IS NULL OR min_participants <= max_participants', name=op.f('ck_events_participant_range')),
    sa.ForeignKeyConstraint(['district_code', 'province_code'], ['districts.code', 'districts.province_code'], name=op.f('fk_events_district_code_province_code_districts')),
    sa.ForeignKeyConstraint(['province_code'], ['provinces.code'], name=op.f('fk_events_province_code_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('public_id', name=op.f('uq_events_public_id')),
    sa.UniqueConstraint('slug', name=op.f('uq_events_slug'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_province_code'), ['province_code'], unique=False)

    op.create_table('event_hosts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('minimum', sa.Integer(), nullable=False),
    sa.Column('activities_th', sa.Text(), nullable=True),
    sa.Column('activities_en', sa.Text(), nullable=True),
    sa.Column('wanted_skills', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('capacity >= 0', name=op.f('ck_event_hosts_capacity_not_negative')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_hosts_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'], name=op.f('fk_event_hosts_organisation_id_organisations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_hosts')),
    sa.UniqueConstraint('event_id', 'organisation_id', name=op.f('uq_event_hosts_event_id_organisation_id'))
    )
    with op.batch_alter_table('event_hosts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_hosts_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_hosts_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('status', sa.Enum('submitted', 'shortlisted', 'selected', 'waitlisted', 'rejected', 'confirmed', 'attended', 'completed', 'no_show', 'withdrawn', name='application_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=True),
    sa.Column('nickname', sa.String(length=100), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('phone', sa.String(length=50), nullable=True),
    sa.Column('line_id', sa.String(length=100), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('province_code', sa.String(length=2), nullable=True),
    sa.Column('occupation', sa.String(length=200), nullable=True),
    sa.Column('media_skills', sa.JSON(), nullable=False),
    sa.Column('other_skill', sa.String(length=200), nullable=True),
    sa.Column('motivation', sa.Text(), nullable=True),
    sa.Column('health_notes', sa.Text(), nullable=True),
    sa.Column('guardian_name', sa.String(length=200), nullable=True),
    sa.Column('guardian_contact', sa.String(length=254), nullable=True),
    sa.Column('host_id', sa.Integer(), nullable=True),
    sa.Column('placed_by_id', sa.Integer(), nullable=True),
    sa.Column('placed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('deletion_requested_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('anonymised_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('birth_year IS NULL OR birth_year BETWEEN 1900 AND 2200', name=op.f('ck_applications_birth_year_range')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_applications_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['host_id'], ['event_hosts.id'], name=op.f('fk_applications_host_id_event_hosts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['placed_by_id'], ['users.id'], name=op.f('fk_applications_placed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['province_code'], ['provinces.code'], name=op.f('fk_applications_province_code_provinces')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications')),
    sa.UniqueConstraint('event_id', 'email', name=op.f('uq_applications_event_id_email')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_applications_token_hash'))
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applications_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_host_id'), ['host_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_province_code'), ['province_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_status'), ['status'], unique=False)

    op.create_table('event_host_issue_areas',
    sa.Column('event_host_id', sa.Integer(), nullable=False),
    sa.Column('issue_area_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_host_id'], ['event_hosts.id'], name=op.f('fk_event_host_issue_areas_event_host_id_event_hosts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issue_area_id'], ['issue_areas.id'], name=op.f('fk_event_host_issue_areas_issue_area_id_issue_areas')),
    sa.PrimaryKeyConstraint('event_host_id', 'issue_area_id', name=op.f('pk_event_host_issue_areas'))
    )
    op.create_table('application_issue_areas',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('issue_area_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_issue_areas_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['issue_area_id'], ['issue_areas.id'], name=op.f('fk_application_issue_areas_issue_area_id_issue_areas')),
    sa.PrimaryKeyConstraint('application_id', 'issue_area_id', name=op.f('pk_application_issue_areas'))
    )
    op.create_table('application_status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.Enum('submitted', 'shortlisted', 'selected', 'waitlisted', 'rejected', 'confirmed', 'attended', 'completed', 'no_show', 'withdrawn', name='application_status_from', native_enum=False, create_constraint=True, length=20), nullable=True),
    sa.Column('to_status', sa.Enum('submitted', 'shortlisted', 'selected', 'waitlisted', 'rejected', 'confirmed', 'attended', 'completed', 'no_show', 'withdrawn', name='application_status_to', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('by_applicant', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_application_status_changes_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['changed_by_id'], ['users.id'], name=op.f('fk_application_status_changes_changed_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application_status_changes'))
    )
    with op.batch_alter_table('application_status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_status_changes_application_id'), ['application_id'], unique=False)

    op.create_table('consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.Enum('processing', 'share_with_host', 'health_notes', 'publish_name', 'guardian', name='consent_purpose', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('wording_version', sa.String(length=20), nullable=False),
    sa.Column('given_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_consents_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consents'))
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consents_application_id'), ['application_id'], unique=False)

    op.create_table('media_works',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('format', sa.Enum('article', 'photo_set', 'video', 'infographic', 'podcast', 'social_post', 'other', name='work_format', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.Column('file_name', sa.String(length=100), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('is_late', sa.Boolean(), nullable=False),
    sa.Column('is_published', sa.Boolean(), nullable=False),
    sa.Column('is_featured', sa.Boolean(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('url IS NOT NULL OR file_name IS NOT NULL', name=op.f('ck_media_works_url_or_file')),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_media_works_application_id_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_media_works'))
    )
    with op.batch_alter_table('media_works', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_media_works_application_id'), ['application_id'], unique=False)

    op.create_table('personal_data_accesses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_personal_data_accesses_application_id_applications'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_personal_data_accesses_event_id_events'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_personal_data_accesses_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_personal_data_accesses'))
    )
    with op.batch_alter_table('personal_data_accesses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_personal_data_accesses_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_personal_data_accesses_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('personal_data_accesses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_personal_data_accesses_user_id'))
        batch_op.drop_index(batch_op.f('ix_personal_data_accesses_event_id'))

    op.drop_table('personal_data_accesses')
    with op.batch_alter_table('media_works', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_media_works_application_id'))

    op.drop_table('media_works')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consents_application_id'))

    op.drop_table('consents')
    with op.batch_alter_table('application_status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_application_status_changes_application_id'))

    op.drop_table('application_status_changes')
    op.drop_table('application_issue_areas')
    op.drop_table('event_host_issue_areas')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applications_status'))
        batch_op.drop_index(batch_op.f('ix_applications_province_code'))
        batch_op.drop_index(batch_op.f('ix_applications_host_id'))
        batch_op.drop_index(batch_op.f('ix_applications_event_id'))

    op.drop_table('applications')
    with op.batch_alter_table('event_hosts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_hosts_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_event_hosts_event_id'))

    op.drop_table('event_hosts')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_province_code'))

    op.drop_table('events')
