"""/statistics: the directory's coverage in figures, each linked to the search that produced it."""
from flask import render_template

from directory.blueprints.public import public
from directory.presentation import current_language, sorted_by_name
from directory.services.places.gazetteer import gazetteer
from directory.services.places.province_tiles import province_tiles
from directory.services.places.reference import reference
from directory.services.search.statistics import directory_statistics

TILE_SIZE = 36  # px, one province on the tile map
LEVELS = 4  # colour steps above "none"


@public.get("/statistics")
def statistics():
    figures = directory_statistics()
    tiles = reference().memo("province tiles", lambda: province_tiles(gazetteer().provinces.values()))
    most = max(figures.by_province.values(), default=0)
    return render_template(
        "public/statistics.html", figures=figures, tiles=tiles, tile_size=TILE_SIZE,
        columns=max(tile.column for tile in tiles) + 1, rows=max(tile.row for tile in tiles) + 1,
        level={code: _level(count, most) for code, count in figures.by_province.items()},
        provinces=gazetteer().provinces,
        provinces_by_name=reference().memo(("provinces by name", current_language()),
                                           lambda: sorted_by_name(gazetteer().provinces.values())),
        regions=reference().regions, issue_areas=reference().issue_areas, types=reference().types)


def _level(count, most):
    """0 for none, else 1..LEVELS by the share of the busiest province."""
    if not count or not most:
        return 0
    return max(1, min(LEVELS, -(-count * LEVELS // most)))
