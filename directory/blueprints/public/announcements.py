"""An event's public announcement of its selected participants, and its gallery of published media works.

Both show display names only: the announcement, of people holding a place who agreed to be named;
the gallery, of authors who agreed (others appear as "a participant"). Nothing else about anyone.
"""
import sqlalchemy as sa
from flask import abort, render_template
from flask_babel import lazy_gettext

from directory.blueprints.public import public
from directory.blueprints.public.views import PLAIN_KEY
from directory.extensions import db
from directory.models import Event
from directory.services.announcement import announced_names
from directory.services.work_moderation import public_author_name, published_works


def _event_or_404(public_id):
    found = PLAIN_KEY.fullmatch(public_id) and db.session.scalar(sa.select(Event).where(Event.public_id == public_id))
    if not found:
        abort(404, description=lazy_gettext("There is no event with the id “%(id)s”.", id=public_id))
    return found


@public.get("/events/<public_id>/announcement")
def announcement(public_id):
    """The stable, shareable link to the list; before staff publish it, a page saying when it comes."""
    event = _event_or_404(public_id)
    names = announced_names(event) if event.announced_at is not None else []
    return render_template("public/announcement.html", event=event, names=names)


@public.get("/events/<public_id>/works")
def gallery(public_id):
    event = _event_or_404(public_id)
    works = [(work, public_author_name(work)) for work in published_works(event)]
    return render_template("public/gallery.html", event=event, works=works)
