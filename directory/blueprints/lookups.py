"""An organisation or an event named in a page's address, or the 404 page that says none is there.

The lookups themselves are services (services/organisations/records.py, services/programme/events.py); this only turns
"none" into the page's answer, in the reader's language. The API answers in JSON with its own words,
and account pages answer a bare 404 that tells an outsider nothing.
"""
from flask import abort
from flask_babel import lazy_gettext

from directory.services.organisations.records import organisation_by_public_id
from directory.services.programme.events import event_by_public_id


def organisation_or_404(public_id, *options, published=False):
    """The organisation (only a published one if `published`: the public site's rule); `options` are
    loader options."""
    found = organisation_by_public_id(public_id, *options, published=published)
    if found is None:
        abort_no_organisation(public_id, published=published)
    return found


def abort_no_organisation(public_id, published=False):
    """The 404 page for an organisation that is not there (or not published, on the public site)."""
    if published:
        abort(404, description=lazy_gettext("There is no published organisation with the id “%(id)s”.",
                                            id=public_id))
    abort(404, description=lazy_gettext("There is no organisation with the id “%(id)s”.", id=public_id))


def event_or_404(public_id, *options):
    found = event_by_public_id(public_id, *options)
    if found is None:
        abort(404, description=lazy_gettext("There is no event with the id “%(id)s”.", id=public_id))
    return found
