"""'Did you mean' for Thai typed on an English keyboard ("l9^]" for สตูล).

Typos in Thai or English are corrected while matching (fuzzy.py), and the result carries the corrected
query; this catches the other common slip, a whole query typed with the keyboard in the wrong language.
"""
from pythainlp.util import eng_to_thai

from search_index.analysis import is_thai


def keyboard_swap(text):
    """The Thai that `text` would be on a Thai keyboard, or None if it is Thai already or empty."""
    text = (text or "").strip()
    if not text or is_thai(text):
        return None
    swapped = eng_to_thai(text)
    return swapped if swapped.strip() and swapped != text else None
