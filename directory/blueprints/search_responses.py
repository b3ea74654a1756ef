"""What every search answer goes through, the results page and the API alike.

- A limit per address (SEARCH_LIMIT): generous for people, a stop for a client flooding the server.
- A small cache per worker of whole answers to visitors (not signed in, no message waiting): the same
  search in the same language gets the same page until the index changes, so popular searches cost
  what a static file does. Its key holds the index's state, so an edit shows at once.
"""
from collections import OrderedDict
from functools import wraps
from threading import Lock

from flask import current_app, request, session
from flask_babel import lazy_gettext
from flask_login import current_user

from directory.extensions import limiter
from directory.presentation import current_language
from directory.services.search.adapter import search_index

TOO_MANY_SEARCHES = lazy_gettext("Too many searches from this address. Please wait a minute.")
CACHED_ANSWERS = 256

limit_searches = limiter.shared_limit(lambda: current_app.config["SEARCH_LIMIT"], scope="searches",
                                      error_message=TOO_MANY_SEARCHES)


class AnswerCache:
    def __init__(self, size=CACHED_ANSWERS):
        self.size = size
        self._answers = OrderedDict()
        self._lock = Lock()

    def get(self, key):
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key, answer):
        with self._lock:
            self._answers[key] = answer
            if len(self._answers) > self.size:
                self._answers.popitem(last=False)


def cache_for_visitors(view):
    """Answer a visitor's repeated search from the worker's cache while the index is unchanged."""
    @wraps(view)
    def cached(*args, **kwargs):
        if current_user.is_authenticated or session.get("_flashes") or not current_app.config["SEARCH_CACHE"]:
            return view(*args, **kwargs)
        key = (request.endpoint, request.query_string, current_language(), search_index().state_token())
        answers = current_app.extensions.setdefault("search_answers", AnswerCache())
        answer = answers.get(key)
        if answer is None:
            answer = current_app.make_response(view(*args, **kwargs))
            if answer.status_code != 200:
                return answer
            answer = (answer.get_data(), answer.status_code, [(k, v) for k, v in answer.headers.items()
                                                              if k.lower() not in ("set-cookie", "content-length")])
            answers.put(key, answer)
        return answer

    return cached
