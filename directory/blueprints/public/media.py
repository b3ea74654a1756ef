"""Uploaded media: organisation logos, under the names services/organisations/logos.py generated."""
from flask import abort, send_from_directory

from directory.blueprints.public import public
from directory.services.organisations.logos import LOGO_CONTENT_TYPES, is_logo_filename, logo_folder

LOGO_MAX_AGE_SECONDS = 30 * 24 * 3600  # a new logo gets a new name, so a cached one is never stale


@public.get("/media/logos/<filename>")
def logo(filename):
    """Only names of the pattern we generate are looked up; the type comes from our extension."""
    if not is_logo_filename(filename):
        abort(404)
    return send_from_directory(logo_folder(), filename, mimetype=LOGO_CONTENT_TYPES[filename.rsplit(".", 1)[1]],
                               max_age=LOGO_MAX_AGE_SECONDS)
