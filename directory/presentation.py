"""What templates need beyond Jinja: the current language, bilingual names, Thai dates, links."""
import re
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode, urlsplit

from flask import Flask, render_template, request
from flask_babel import force_locale, format_decimal, get_locale, gettext, to_user_timezone
from markupsafe import Markup
from pythainlp.util import collate
from werkzeug.exceptions import default_exceptions

from directory.eras import BUDDHIST_ERA_OFFSET
from directory.i18n import Message
from directory.labels import label
from directory.links import public_url
from directory.organisation_fields import DETAILS, EDITOR, FIELDS

THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
WEB_SCHEMES = ("http", "https")
_BARE_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)
_TELEPHONE = re.compile(r"^\+?[0-9]{6,15}$")


def current_language():
    return str(get_locale() or "th")


def other_language():
    return "th" if current_language() == "en" else "en"


def localized(obj, field):
    """obj.<field>_th or obj.<field>_en by the page's language, falling back to the other."""
    first, second = ("en", "th") if current_language() == "en" else ("th", "en")
    return getattr(obj, f"{field}_{first}", None) or getattr(obj, f"{field}_{second}", None) or ""


def other_localized(obj, field):
    """The same field in the other language, when it exists and says something different."""
    mine, theirs = localized(obj, field), getattr(obj, f"{field}_{other_language()}", None)
    return theirs if theirs and theirs != mine else ""


@dataclass(frozen=True)
class MarkedText:
    """A search result's field as the page shows it, with the words the search matched marked.

    `marked` is the shown value with <mark>s, when the search matched it; `other_marked` is the other
    language's value with <mark>s, when only that one matched. Both are Markup: the snippets come from
    search_index.highlight.snippet, which escapes the data and adds nothing but <mark> tags. They are
    the only values from the data a template renders as HTML.
    """

    text: str
    language: str
    marked: Markup | None = None
    other_marked: Markup | None = None
    other_language: str | None = None


def search_marks(found, field):
    """`field` of a search result (a FoundOrganisation) in the page's language, as the search marked it.

    Highlights are keyed "<field>_th" / "<field>_en"; anything without them (a plain Organisation, a
    browse page's results) gives the plain text.
    """
    first, second = ("en", "th") if current_language() == "en" else ("th", "en")
    shown = first if getattr(found, f"{field}_{first}", None) else second
    highlights = getattr(found, "highlights", None) or {}
    marked = highlights.get(f"{field}_{shown}")
    hidden = second if shown == first else first
    other = None if marked else highlights.get(f"{field}_{hidden}")
    return MarkedText(text=getattr(found, f"{field}_{shown}", None) or "", language=shown,
                      marked=Markup(marked) if marked else None,
                      other_marked=Markup(other) if other else None, other_language=hidden)


def format_distance(km):
    """'12.3 กม.' in Thai, '12.3 km' in English; '' for an unknown distance."""
    if km is None:
        return ""
    return gettext("%(distance)s km", distance=format_decimal(km, format="#,##0.#"))


def sorted_by_name(objects):
    """Sorted by the localized name; Thai needs its own collation (leading vowels such as เ, แ)."""
    objects = list(objects)
    if current_language() == "en":
        return sorted(objects, key=lambda obj: localized(obj, "name").casefold())
    by_name = {}
    for obj in objects:
        by_name.setdefault(localized(obj, "name"), []).append(obj)
    return [obj for name in collate(by_name) for obj in by_name[name]]


def format_date(value, language=None):
    """'6 เมษายน 2562' in Thai (Buddhist Era), '6 April 2019' in English.

    Timestamps are shown on Thailand's calendar day: naive ones are taken as UTC, as the database
    stores them.
    """
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_user_timezone(value)
    if (language or current_language()) == "en":
        return f"{value.day} {ENGLISH_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {THAI_MONTHS[value.month - 1]} {value.year + BUDDHIST_ERA_OFFSET}"


def format_date_range(start, end, language=None):
    """'6-8 เมษายน 2562', '30 มีนาคม - 2 เมษายน 2562', '30 ธันวาคม 2562 - 2 มกราคม 2563' in Thai (Buddhist
    Era); '6-8 April 2019', '30 March - 2 April 2019' in English. One day (or no end) is a plain date.

    What the two days share is said once, at the end, as Thai announcements write it.
    """
    if start is None or end is None or start == end:
        return format_date(start if start is not None else end, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{format_date(end, language)}"
    if start.year == end.year:
        month = ENGLISH_MONTHS if (language or current_language()) == "en" else THAI_MONTHS
        return f"{start.day} {month[start.month - 1]} - {format_date(end, language)}"
    return f"{format_date(start, language)} - {format_date(end, language)}"


def format_month_range(start, end, language=None):
    """A period known only by its months: 'มกราคม - มิถุนายน 2562', 'January - June 2019'."""
    if start is None or end is None:
        return ""
    english = (language or current_language()) == "en"
    months = ENGLISH_MONTHS if english else THAI_MONTHS
    offset = 0 if english else BUDDHIST_ERA_OFFSET
    if start.year != end.year:
        return f"{months[start.month - 1]} {start.year + offset} - {months[end.month - 1]} {end.year + offset}"
    if start.month == end.month:
        return f"{months[start.month - 1]} {start.year + offset}"
    return f"{months[start.month - 1]} - {months[end.month - 1]} {end.year + offset}"


def format_version_month(version, language=None):
    """A wording version ('2026-11', the month it was written) as a month people read: 'พฤศจิกายน 2569'."""
    try:
        year, month = (int(part) for part in version.split("-"))
        month_start = date(year, month, 1)
    except (AttributeError, ValueError):
        return version or ""
    return format_month_range(month_start, month_start, language)


def format_year(year, language=None):
    """'พ.ศ. 2538' in Thai, '1995' in English."""
    if year is None:
        return ""
    if (language or current_language()) == "en":
        return str(year)
    return f"พ.ศ. {year + BUDDHIST_ERA_OFFSET}"


def year_as_typed(year, language=None):
    """A year for a form field: 2553 (Buddhist Era) on a Thai page, 2010 on an English one; both read back the same."""
    if year is None:
        return None
    return year if (language or current_language()) == "en" else year + BUDDHIST_ERA_OFFSET


def url_with(**changes):
    """This page's URL with some query arguments replaced; None removes one."""
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value if isinstance(value, (list, tuple)) else [value]
    query = urlencode(args, doseq=True)
    return f"{request.path}?{query}" if query else request.path


def url_with_language(language):
    return url_with(lang=language)


def web_url(value):
    """An http(s) address for a link, or None: data never becomes a javascript: link.

    "www.example.org" and "facebook.com/page", as people write them, get https:// in front.
    """
    value = (value or "").strip()
    if _BARE_DOMAIN.match(value):
        value = f"https://{value}"
    parts = urlsplit(value)
    return value if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


def tel_url(value):
    """A tel: link for one telephone number, or None when the text holds several or something else."""
    number = re.sub(r"[\s()-]", "", value or "")
    return f"tel:{number}" if _TELEPHONE.match(number) else None


def render_in_language(language, template, **context):
    """A partial rendered in another language, for pages that speak both (the error pages)."""
    with force_locale(language):
        return Markup(render_template(template, **context))


def say(message):
    """A form or filter message in the page's language: a Message, or a fixed English msgid."""
    return message.in_language() if isinstance(message, Message) else gettext(message)


def is_default_description(code, message):
    """True for werkzeug's stock English description, which the error page replaces by its own text."""
    exception = default_exceptions.get(code)
    return not message or (exception is not None and str(message) == exception.description)


# The filter schema reports these shapes; anything else is shown as it comes, under the parameter's name.
_UNKNOWN_VALUE = re.compile(r"^unknown (?P<param>\w+): '(?P<value>.*)'$", re.DOTALL)
_NEEDS_NEAR = re.compile(r"\bneeds near or near_district$")
_NEAR_TWICE = re.compile(r"^give either near or near_district, not both$")


def parameter_label(param):
    labels = {
        "q": gettext("search words"), "province": gettext("province"), "district": gettext("district"),
        "region": gettext("region"), "issue": gettext("issue area"), "type": gettext("organisation type"),
        "page": gettext("page number"), "per_page": gettext("results per page"),
        "near": gettext("position"), "near_district": gettext("district to measure from"),
        "radius_km": gettext("distance"), "sort": gettext("sort order"),
    }
    return labels.get(param, param)


# An organisation's fields by column name: the history's diffs, the corrections and their mail name them so.
FIELD_LABELS = {field.name: field.label for field in FIELDS if field.in_history}


def field_label(field, language=None):
    """An organisation field's label in `language` ("th", "en"), or in the page's language when None."""
    label = FIELD_LABELS.get(field)
    if label is None:
        return field
    with force_locale(language) if language else nullcontext():
        return str(label)


def flatten_messages(messages):
    """Marshmallow nests errors of list items in dicts; the page wants a flat list (Messages kept)."""
    if isinstance(messages, dict):
        return [text for value in messages.values() for text in flatten_messages(value)]
    if isinstance(messages, (list, tuple)):
        return [text for value in messages for text in flatten_messages(value)]
    return [messages if isinstance(messages, str) else str(messages)]


def describe_field_error(param, message):
    """One validation message in the page's language, naming what was wrong."""
    label = parameter_label(param)
    if isinstance(message, Message):  # the place resolver's, which names the place and the nearest names
        return message.in_language()
    unknown = _UNKNOWN_VALUE.match(message)
    if unknown:
        return gettext("Unknown %(label)s: “%(value)s”", label=label, value=unknown["value"])
    if _NEEDS_NEAR.search(message):
        return gettext("Choose a district to measure the distance from.")
    if _NEAR_TWICE.match(message):
        return gettext("Give either a district or a position to measure from, not both.")
    return gettext("Invalid %(label)s: %(detail)s", label=label, detail=message)


def register(app: Flask):
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["date_range"] = format_date_range
    app.jinja_env.filters["month_range"] = format_month_range
    app.jinja_env.filters["version_month"] = format_version_month
    app.jinja_env.filters["year"] = format_year
    app.jinja_env.filters["web_url"] = web_url
    app.jinja_env.filters["tel_url"] = tel_url
    app.jinja_env.filters["distance"] = format_distance
    app.jinja_env.globals.update(
        localized=localized, other_localized=other_localized, current_language=current_language,
        other_language=other_language, url_with=url_with, url_with_language=url_with_language,
        render_in_language=render_in_language, is_default_description=is_default_description,
        parameter_label=parameter_label, flatten_messages=flatten_messages,
        describe_field_error=describe_field_error, sorted_by_name=sorted_by_name, search_marks=search_marks,
        label=label, say=say, public_url=public_url, field_label=field_label,
        organisation_details=DETAILS, EDITOR=EDITOR,
    )
