"""The time, as the application judges deadlines: in Asia/Bangkok, and replaceable in tests.

Set app.config["CLOCK"] to a callable returning an aware datetime to fix "now" (tests do).
"""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

BANGKOK = ZoneInfo("Asia/Bangkok")


def now() -> datetime:
    clock = current_app.config.get("CLOCK") if has_app_context() else None
    return (clock() if clock else datetime.now(BANGKOK)).astimezone(BANGKOK)


def today() -> date:
    """The calendar day in Thailand: a deadline "31 March" ends at midnight Bangkok time."""
    return now().date()
