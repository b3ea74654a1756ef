"""Sentences that can be said in English and in Thai after they were made.

The importer's errors go to a terminal, a JSON body and a Thai web page alike; a Message is a str (its
English), so it travels through marshmallow, logs and JSON unchanged, and `in_language` says it again in
the catalogue's Thai. Its msgid is extracted like gettext's (the `Message` keyword in babel.cfg's
extraction and in the translation test).
"""
from contextlib import nullcontext

from flask_babel import force_locale, gettext


class Message(str):
    """An English sentence with %(name)s placeholders filled in, that remembers its msgid and values."""

    def __new__(cls, msgid, **values):
        message = super().__new__(cls, msgid % values if values else msgid)
        message.msgid, message.values = msgid, values
        return message

    def in_language(self, language=None):
        """The sentence in `language` ("th", "en"), or in the current request's language when None."""
        with force_locale(language) if language else nullcontext():
            return gettext(self.msgid, **self.values)


def in_language(message, language=None):
    """Any message in `language`: a Message is translated, anything else is shown as it is."""
    return message.in_language(language) if isinstance(message, Message) else str(message)


def joined(names):
    """A list of names for a sentence: 'a, b, c'."""
    return ", ".join(names)
