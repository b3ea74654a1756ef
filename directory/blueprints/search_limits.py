"""Searches are limited per address, the results page and the API together (SEARCH_LIMIT): generous
for people, a stop for a client that floods the server with searches."""
from flask import current_app
from flask_babel import lazy_gettext

from directory.extensions import limiter

TOO_MANY_SEARCHES = lazy_gettext("Too many searches from this address. Please wait a minute.")

limit_searches = limiter.shared_limit(lambda: current_app.config["SEARCH_LIMIT"], scope="searches",
                                      error_message=TOO_MANY_SEARCHES)
