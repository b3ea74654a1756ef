"""An organisation's history for staff: every revision as a readable diff, each one revertible."""
import sqlalchemy as sa
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext, to_user_timezone
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from directory.blueprints.lookups import organisation_or_404
from directory.blueprints.staff import staff
from directory.extensions import db
from directory.models import (
    OrganisationRevision,
    RevisionSource,
)
from directory.presentation import FIELD_LABELS, format_date
from directory.services.organisations.history import (
    describe_revisions,
    revert_to,
    revision_number,
    revision_numbers,
    revisions_of,
)


def revision_time(value):
    """'6 เมษายน 2562 เวลา 14:05 น.' in Thai, '6 April 2019, 14:05' in English (Bangkok time)."""
    return gettext("%(date)s, %(time)s", date=format_date(value),
                   time=to_user_timezone(value).strftime("%H:%M"))


def revision_author(revision):
    """Who made it: a person's name, else the import or the system."""
    if revision.author is not None:
        return revision.author.display_name
    if revision.source is RevisionSource.IMPORT:
        return gettext("import")
    return gettext("system")


@staff.get("/organisations/<public_id>/history")
def history(public_id):
    organisation = organisation_or_404(public_id)
    revisions = revisions_of(organisation)
    return render_template(
        "staff/history.html", organisation=organisation, entries=describe_revisions(revisions),
        numbers=revision_numbers(revisions), field_labels=FIELD_LABELS,
        revision_time=revision_time,
        revision_author=revision_author)


@staff.post("/revisions/<int:revision_id>/revert")
def revert(revision_id):
    revision = db.get_or_404(OrganisationRevision, revision_id)
    public_id = revision.organisation.public_id
    target = url_for("staff.history", public_id=public_id)
    try:
        changes = revert_to(revision, author=current_user._get_current_object())
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash(gettext("Someone changed this organisation at the same time. Look at its history again "
                      "and retry."), "error")
        return redirect(target)
    except sa.exc.IntegrityError:
        # e.g. the old reference number now belongs to another organisation
        db.session.rollback()
        flash(gettext("This revision cannot be restored: it conflicts with another organisation."), "error")
        return redirect(target)
    number = revision_number(revision)
    if changes:
        flash(gettext("The organisation was restored as it was after revision %(number)s.",
                      number=number), "success")
    else:
        flash(gettext("Nothing changed: the organisation is already as it was after revision %(number)s.",
                      number=number), "success")
    return redirect(target)
