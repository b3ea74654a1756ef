"""For search engines: robots.txt, and sitemap.xml listing every published profile and every event.

Both are built from PUBLIC_BASE_URL (directory/links.py), never from the request's Host. The sitemap
protocol allows 50,000 addresses a file; past that this would need a sitemap index (not yet needed).
"""
from xml.sax.saxutils import escape

import sqlalchemy as sa
from flask import Response, stream_with_context

from directory.blueprints.public import public
from directory.extensions import db
from directory.links import public_url, public_url_builder
from directory.models import Event, Organisation, OrganisationStatus

# Private or personal: the account and back office, applicants' private pages, the search API's pages.
NOT_FOR_ROBOTS = ("/account/", "/staff/", "/applications/", "/api/")


@public.get("/robots.txt")
def robots():
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in NOT_FOR_ROBOTS),
             f"Sitemap: {public_url('public.sitemap')}"]
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


@public.get("/sitemap.xml")
def sitemap():
    return Response(stream_with_context(_sitemap_lines()), mimetype="application/xml")


def _sitemap_lines():
    url = public_url_builder()
    yield '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    for endpoint in ("public.home", "public.organisations", "public.events"):
        yield _entry(url(endpoint))
    events = db.session.execute(sa.select(Event.public_id, Event.slug).order_by(Event.id))
    for public_id, slug in events:
        yield _entry(url("public.event", public_id=public_id, slug=slug))
    organisations = db.session.execute(
        sa.select(Organisation.public_id, Organisation.slug, Organisation.updated_at)
        .where(Organisation.status == OrganisationStatus.PUBLISHED).order_by(Organisation.id)
        .execution_options(yield_per=2000))
    for public_id, slug, updated_at in organisations:
        yield _entry(url("public.organisation", public_id=public_id, slug=slug), updated_at)
    yield "</urlset>\n"


def _entry(location, modified=None):
    lastmod = f"<lastmod>{modified.date().isoformat()}</lastmod>" if modified else ""
    return f"<url><loc>{escape(location)}</loc>{lastmod}</url>\n"
