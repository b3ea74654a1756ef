"""The directory's coverage in figures: published organisations by province, region, issue area and type,
how many are verified or recently updated, and the We Are CSO programme year by year.

Public aggregates only: counts, never a person. The organisation figures are counted in the search index's
arrays, as its filters count (bench/statistics_bench.py measures the page at 50,000 organisations against
the home page).
"""
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from directory.extensions import db
from directory.models import Application, Event, MediaWork
from directory.services.places.reference import reference
from directory.services.platform import clock
from directory.services.programme.event_admin import TAKING_PART
from directory.services.search.adapter import search_index

RECENT_DAYS = 365


@dataclass(frozen=True)
class ProgrammeYear:
    year: int  # Common Era
    events: int
    applicants: int
    participants: int
    works_published: int


@dataclass(frozen=True)
class DirectoryStatistics:
    total: int
    verified: int
    updated_recently: int  # changed within RECENT_DAYS
    by_province: dict  # province code -> count
    by_region: dict  # region slug -> count
    by_issue_area: dict  # issue area slug -> count
    by_type: dict  # type slug -> count ("" for no type)
    programme: tuple  # ProgrammeYear, oldest first


def directory_statistics():
    """The figures, counted at most once per STATISTICS_CACHE_S in each worker: aggregates a minute old
    are as good as new, and counting 50,000 organisations takes longer than the rest of the page."""
    cache = current_app.extensions.setdefault("directory_statistics", {})
    lifetime = current_app.config["STATISTICS_CACHE_S"]
    if lifetime and cache.get("until", 0) > time.monotonic():
        return cache["figures"]
    figures = count_directory()
    if lifetime:
        cache.update(figures=figures, until=time.monotonic() + lifetime)
    return figures


def count_directory():
    """The organisation figures from the search index's arrays in memory (it holds the published ones):
    the same counts as the searches each figure links to, without scanning 50,000 rows."""
    counts = search_index().tally(updated_since=clock.now() - timedelta(days=RECENT_DAYS))
    by_province, by_type = counts["province"], counts["type"]
    without_type = counts["total"] - sum(by_type.values())
    return DirectoryStatistics(
        total=counts["total"], verified=counts["verified"], updated_recently=counts["updated_since"],
        by_province=by_province,
        by_region={region.slug: sum(by_province.get(province.code, 0) for province in region.provinces)
                   for region in reference().regions},
        by_issue_area=counts["issues"], by_type={**by_type, **({"": without_type} if without_type else {})},
        programme=programme_by_year())


def programme_by_year():
    """Events (not cancelled), applicants, participants and published works, by the year of the event."""
    events = db.session.execute(sa.select(Event.id, Event.starts_on, Event.period_starts_on)
                                .where(Event.is_cancelled.is_(False))).all()
    year_of = {event_id: (starts_on or period_starts_on).year
               for event_id, starts_on, period_starts_on in events if starts_on or period_starts_on}
    applicants, participants, works = Counter(), Counter(), Counter()
    for event_id, status, count in db.session.execute(
            sa.select(Application.event_id, Application.status, sa.func.count())
            .group_by(Application.event_id, Application.status)):
        if event_id in year_of:
            applicants[year_of[event_id]] += count
            if status in TAKING_PART:
                participants[year_of[event_id]] += count
    for event_id, count in db.session.execute(
            sa.select(Application.event_id, sa.func.count()).select_from(MediaWork)
            .join(Application, MediaWork.application_id == Application.id)
            .where(MediaWork.is_published).group_by(Application.event_id)):
        if event_id in year_of:
            works[year_of[event_id]] += count
    event_counts = Counter(year_of.values())
    return tuple(ProgrammeYear(year, event_counts[year], applicants[year], participants[year], works[year])
                 for year in sorted(event_counts))
