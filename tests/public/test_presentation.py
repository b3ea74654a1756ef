from datetime import date, datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from markupsafe import Markup

from directory import presentation

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
TRANSLATIONS = PROJECT_ROOT / "directory" / "translations"


@pytest.fixture
def in_language(app):
    def use(language):
        context = app.test_request_context(f"/?lang={language}")
        context.push()
        return context

    contexts = []
    yield lambda language: contexts.append(use(language))
    for context in reversed(contexts):
        context.pop()


def test_dates_in_the_buddhist_era(in_language):
    in_language("th")
    assert presentation.format_date(date(2019, 4, 6)) == "6 เมษายน 2562"
    assert presentation.format_year(1995) == "พ.ศ. 2538"
    assert presentation.format_date(date(2019, 4, 6), "en") == "6 April 2019"


def test_timestamps_fall_on_the_day_in_thailand(in_language):
    in_language("th")
    assert presentation.format_date(datetime(2019, 12, 31, 17, 0, tzinfo=timezone.utc)) == "1 มกราคม 2563"
    assert presentation.format_date(datetime(2019, 12, 31, 16, 59)) == "31 ธันวาคม 2562"  # naive is UTC


def test_english_dates_and_years(in_language):
    in_language("en")
    assert presentation.format_date(date(2019, 4, 6)) == "6 April 2019"
    assert presentation.format_year(1995) == "1995"


@pytest.mark.parametrize(("value", "url"), [
    ("https://example.org/a?b=c", "https://example.org/a?b=c"),
    ("http://example.org", "http://example.org"),
    ("www.example.org", "https://www.example.org"),
    ("facebook.com/some.page", "https://facebook.com/some.page"),
    ("javascript:alert(1)", None),
    ("JAVASCRIPT://example.org/%0aalert(1)", None),
    ("data:text/html,hi", None),
    ("mailto:a@example.org", None),
    ("our page on Facebook", None),
    ("", None),
    (None, None),
])
def test_only_web_addresses_become_links(value, url):
    assert presentation.web_url(value) == url


@pytest.mark.parametrize(("value", "url"), [
    ("074-123 456", "tel:074123456"),
    ("+66 (0)74 123 456", "tel:+66074123456"),
    ("074-123456, 081-2345678", None),
    ("ask at the temple", None),
])
def test_telephone_links(value, url):
    assert presentation.tel_url(value) == url


def test_field_errors_are_described_in_the_page_language(in_language):
    in_language("th")
    assert presentation.describe_field_error("province", "unknown province: 'Nowhere'") == "ไม่พบจังหวัด “Nowhere”"
    assert presentation.describe_field_error("page", "Not a valid integer.") == "เลขหน้าไม่ถูกต้อง: Not a valid integer."
    assert presentation.describe_field_error("lat", "bad") == "latไม่ถูกต้อง: bad"


def test_nested_messages_are_flattened():
    assert presentation.flatten_messages({"0": ["a"], "1": {"x": ["b", "c"]}}) == ["a", "b", "c"]
    assert presentation.flatten_messages(["a"]) == ["a"]


def test_every_interface_message_has_a_thai_translation():
    """A message added to a template or view without its Thai text would show English to Thai users."""
    with (TRANSLATIONS / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "Message": None}
    extracted = {message if isinstance(message, str) else message[0]
                 for _file, _line, message, _comments, _context in extract_from_dir(
                     str(PROJECT_ROOT), method_map, options_map, keywords=keywords)}
    with (TRANSLATIONS / "th" / "LC_MESSAGES" / "messages.po").open("rb") as po_file:
        catalog = read_po(po_file)
    translated = {message.id if isinstance(message.id, str) else message.id[0]
                  for message in catalog if message.id and message.string and not message.fuzzy}
    assert extracted, "nothing extracted: is babel.cfg right?"
    assert sorted(extracted - translated) == []


def test_distances_in_the_page_language(in_language):
    in_language("th")
    assert presentation.format_distance(12.345) == "12.3 กม."
    assert presentation.format_distance(1234.5) == "1,234.5 กม."
    assert presentation.format_distance(0) == "0 กม."
    assert presentation.format_distance(None) == ""


def test_distances_in_english(in_language):
    in_language("en")
    assert presentation.format_distance(12.345) == "12.3 km"


class Found:
    """What search_marks reads: name_th/_en and highlights, as a FoundOrganisation has them."""

    def __init__(self, highlights=None, **names):
        self.highlights = highlights or {}
        for key in ("name_th", "name_en"):
            setattr(self, key, names.get(key, ""))


def test_search_marks_prefer_the_page_language(in_language):
    in_language("th")
    both = Found({"name_th": "ชมรม<mark>สตูล</mark>", "name_en": "<mark>Satun</mark> Club"},
                 name_th="ชมรมสตูล", name_en="Satun Club")
    marks = presentation.search_marks(both, "name")
    assert (marks.text, marks.language, marks.marked, marks.other_marked) == (
        "ชมรมสตูล", "th", "ชมรม<mark>สตูล</mark>", None)
    assert isinstance(marks.marked, Markup)
    english_only = presentation.search_marks(Found({"name_en": "<mark>Satun</mark> Club"}, name_th="ชมรมสตูล",
                                                   name_en="Satun Club"), "name")
    assert (english_only.marked, english_only.other_marked, english_only.other_language) == (
        None, "<mark>Satun</mark> Club", "en")


def test_search_marks_follow_the_shown_language(in_language):
    in_language("en")
    thai_name_only = presentation.search_marks(Found({"name_th": "ชมรม<mark>สตูล</mark>"}, name_th="ชมรมสตูล"), "name")
    assert (thai_name_only.language, thai_name_only.marked, thai_name_only.other_marked) == (
        "th", "ชมรม<mark>สตูล</mark>", None)


def test_search_marks_of_a_plain_organisation(in_language):
    in_language("th")
    marks = presentation.search_marks(SimpleNamespace(description_th="", description_en="Mangroves"), "description")
    assert (marks.text, marks.language, marks.marked, marks.other_marked) == ("Mangroves", "en", None, None)
