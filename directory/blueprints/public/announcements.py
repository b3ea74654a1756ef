"""An event's public announcement of its selected participants, and its gallery of published media works.

Both show display names only: the announcement, of people holding a place who agreed to be named;
the gallery, of authors who agreed (others appear as "a participant"). Nothing else about anyone.
"""
from flask import render_template

from directory.blueprints.lookups import event_or_404
from directory.blueprints.public import public
from directory.services.programme.announcement import announced_names
from directory.services.programme.events import EventStatus, event_status
from directory.services.programme.work_moderation import public_author_name, published_works


@public.get("/events/<public_id>/announcement")
def announcement(public_id):
    """The stable, shareable link to the list; before staff publish it, a page saying when it comes."""
    event = event_or_404(public_id)
    names = announced_names(event) if event.announced_at is not None else []
    is_over = event_status(event) is EventStatus.FINISHED
    return render_template("public/announcement.html", event=event, names=names, is_over=is_over)


@public.get("/events/<public_id>/works")
def gallery(public_id):
    event = event_or_404(public_id)
    works = [(work, public_author_name(work)) for work in published_works(event)]
    return render_template("public/gallery.html", event=event, works=works)
