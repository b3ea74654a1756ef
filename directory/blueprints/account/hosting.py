"""A host organisation's view of the participants placed with it at an event.

Only the organisation's editors (and staff) see it; anyone else gets a 404 that reveals nothing. It
shows each participant's display name and, only when they agreed to share them with their host,
their full name and contact (email, telephone, LINE). Nothing else: no birth year, no health notes.
Each view writes the personal-data audit log.
"""
import sqlalchemy as sa
from flask import abort, render_template
from flask_login import login_required

from directory.blueprints.account import account
from directory.blueprints.account.organisations import managed_organisation
from directory.blueprints.audited import audited
from directory.extensions import db
from directory.models import ConsentPurpose, EventHost
from directory.services.programme.events import event_by_public_id
from directory.services.programme.placements import host_roster


def _host_or_404(public_id, event_public_id):
    organisation = managed_organisation(public_id)
    event = event_by_public_id(event_public_id)
    host = event and db.session.scalar(
        sa.select(EventHost).where(EventHost.organisation_id == organisation.id, EventHost.event_id == event.id))
    if host is None:
        abort(404)
    return host


def shared_details(application):
    """What the host may see of one participant."""
    shares = application.has_consent(ConsentPurpose.SHARE_WITH_HOST)
    return {"display_name": application.display_name, "status": application.status, "shares_contact": shares,
            "full_name": application.full_name if shares else None,
            "email": application.email if shares else None,
            "phone": application.phone if shares else None,
            "line_id": application.line_id if shares else None}


@account.get("/organisations/<public_id>/events/<event_public_id>/participants")
@login_required
def hosted_participants(public_id, event_public_id):
    host = _host_or_404(public_id, event_public_id)
    participants = [shared_details(application) for application in host_roster(host)]
    page = render_template("account/hosted_participants.html", host=host, event=host.event,
                           organisation=host.organisation, participants=participants)
    return audited(page, "host_participants", event=host.event,
                   detail=f"host {host.organisation.public_id}: {len(participants)} participants")
