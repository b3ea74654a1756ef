"""The search's curated words, for staff to read: synonyms and stop words, as the files in seeds/ hold them.

They are data, not code: a change to seeds/synonyms.csv or seeds/stop_words.csv takes effect when the
application restarts, with no reindex (the words are expanded when a query is read).
"""
from flask import render_template

from directory.blueprints.staff import staff
from directory.services.search.adapter import STOP_WORDS_FILE, SYNONYMS_FILE
from search_index.language import stop_word_rows, synonym_groups


@staff.get("/search-words")
def search_words():
    return render_template("staff/search_words.html", groups=synonym_groups(SYNONYMS_FILE),
                           stop_words=stop_word_rows(STOP_WORDS_FILE))
