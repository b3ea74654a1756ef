"""Absolute links, built from the configured PUBLIC_BASE_URL and never from the request.

A link in a mail (a password reset, an applicant's private page) that followed the request's `Host`
header would send its token to whoever forged that header. Every absolute link the app makes, mailed,
shown or in the API, comes from here.
"""
from urllib.parse import urlsplit

from flask import current_app


def public_url(endpoint, **values):
    """The absolute URL of `endpoint` under PUBLIC_BASE_URL (which may carry a path: https://x.org/dir)."""
    return public_url_builder()(endpoint, **values)


def public_url_builder():
    """public_url with its URL adapter bound once: for pages that make thousands (the sitemap)."""
    base = urlsplit(current_app.config["PUBLIC_BASE_URL"].rstrip("/"))
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
    return lambda endpoint, **values: adapter.build(endpoint, values, force_external=True)
