import pytest

from directory.extensions import db
from directory.models import Organisation

DEV_ORGS = "tests/data/dev_orgs.csv"
REAL_SPELLINGS = "tests/data/dev_orgs_real_spellings.csv"


@pytest.fixture
def dev_directory(app, runner):
    """The 32 development organisations, imported with `flask orgs import` over the reference seeds.
    Returns {public_id: ref}."""
    result = runner.invoke(args=["orgs", "import", DEV_ORGS])
    assert result.exit_code == 0, result.output
    return {o.public_id: o.ref for o in db.session.scalars(db.select(Organisation))}


@pytest.fixture
def real_directory(app, runner):
    """The development organisations and the 16 written as real sheets write them (refs R01-R16), both
    imported with `flask orgs import`. Returns {public_id: ref}."""
    for path in (DEV_ORGS, REAL_SPELLINGS):
        result = runner.invoke(args=["orgs", "import", path])
        assert result.exit_code == 0, result.output
    return {o.public_id: o.ref for o in db.session.scalars(db.select(Organisation))}
