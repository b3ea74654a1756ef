"""What templates need beyond Jinja: the current language, bilingual names, Thai dates."""
from flask import Flask, request
from flask_babel import get_locale

THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
BUDDHIST_ERA_OFFSET = 543


def current_language():
    return str(get_locale() or "th")


def localized(obj, field):
    """obj.<field>_th or obj.<field>_en by the page's language, falling back to the other."""
    first, second = ("en", "th") if current_language() == "en" else ("th", "en")
    return getattr(obj, f"{field}_{first}", None) or getattr(obj, f"{field}_{second}", None) or ""


def format_date(value, language=None):
    """'6 เมษายน 2562' in Thai (Buddhist Era), '6 April 2019' in English."""
    if value is None:
        return ""
    if (language or current_language()) == "en":
        return f"{value.day} {ENGLISH_MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {THAI_MONTHS[value.month - 1]} {value.year + BUDDHIST_ERA_OFFSET}"


def url_with_language(language):
    args = request.args.to_dict(flat=False)
    args["lang"] = [language]
    from urllib.parse import urlencode

    return f"{request.path}?{urlencode(args, doseq=True)}"


def register(app: Flask):
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.globals.update(
        localized=localized, current_language=current_language, url_with_language=url_with_language
    )
