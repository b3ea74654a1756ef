"""Thailand as a grid of equal tiles, one per province, each placed in the free cell nearest its centroid.

A map of the 77 provinces that needs no boundary files: a tile grid keeps every province the same
size (Bangkok's neighbours stay readable) and roughly where people expect it.
"""
from dataclasses import dataclass

TILE_DEGREES = 0.62  # one cell: about 70 km
WEST, NORTH = 97.3, 20.5  # the grid's top-left corner (longitude, latitude)


@dataclass(frozen=True)
class Tile:
    code: str
    column: int
    row: int


def province_tiles(provinces):
    """[Tile] for `provinces` (anything with code, latitude and longitude); no two share a cell.

    Provinces are placed in code order, each in the nearest cell still free (by distance, then row,
    then column), so the layout is the same on every run.
    """
    taken, tiles = set(), []
    for province in sorted(provinces, key=lambda p: p.code):
        wanted = (round((province.longitude - WEST) / TILE_DEGREES),
                  round((NORTH - province.latitude) / TILE_DEGREES))
        cell = min(_cells_around(wanted, taken), key=lambda c: ((c[0] - wanted[0]) ** 2 + (c[1] - wanted[1]) ** 2,
                                                                c[1], c[0]))
        taken.add(cell)
        tiles.append(Tile(province.code, column=cell[0], row=cell[1]))
    return tiles


def _cells_around(wanted, taken):
    for radius in range(0, 10):
        free = [(wanted[0] + dx, wanted[1] + dy) for dx in range(-radius, radius + 1)
                for dy in range(-radius, radius + 1) if (wanted[0] + dx, wanted[1] + dy) not in taken]
        if free:
            return free
    raise ValueError("no free cell near the province")
