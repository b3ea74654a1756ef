"""Provinces with their districts are reference rows (services/places/reference.py): read once per process as plain
data, found by either code, forgotten when `flask seed` runs, and the same as the database's."""
from contextlib import contextmanager

import sqlalchemy as sa

from directory.extensions import db
from directory.models import District, Province
from directory.services.places.reference import ProvinceRow, forget_reference, reference


@contextmanager
def recorded_statements():
    """Every SQL statement sent while the block runs."""
    statements = []

    def record(_connection, _cursor, statement, *_args):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", record)


def test_provinces_with_districts_are_the_databases_as_plain_rows(app):
    rows = reference().provinces
    assert all(isinstance(row, ProvinceRow) for row in rows)
    in_database = db.session.scalars(sa.select(Province)).all()
    assert {(row.code, row.iso_code, row.name_th, row.name_en, row.region.slug) for row in rows} == {
        (p.code, p.iso_code, p.name_th, p.name_en, p.region.slug) for p in in_database}
    districts = db.session.execute(sa.select(District.province_code, District.code, District.name_th,
                                             District.name_en).order_by(District.code)).all()
    assert [(row.code, d.code, d.name_th, d.name_en) for row in rows for d in row.districts] == sorted(
        (province_code, code, name_th, name_en) for province_code, code, name_th, name_en in districts)


def test_provinces_with_districts_are_read_once_until_seeding_forgets_them(app):
    first = reference().provinces
    with recorded_statements() as statements:
        assert reference().provinces is first
        assert reference().province("91").districts
    assert statements == []
    forget_reference()
    with recorded_statements() as statements:
        again = reference().provinces
    assert statements and again is not first and again == first


def test_a_province_by_either_code(app):
    satun = reference().province("91")
    assert (satun.name_en, satun.region.slug) == ("Satun", "south")
    assert reference().province("TH-91") is reference().province("th-91") is satun
    assert [district.code for district in satun.districts] == sorted(district.code for district in satun.districts)
    assert reference().province("99") is None and reference().province("TH-99") is None
