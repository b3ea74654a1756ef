from directory.extensions import db
from directory.models import District, Province


def test_reference_data_is_seeded(app):
    assert db.session.query(Province).count() == 77
    assert db.session.query(District).count() == 928


def test_factory_makes_an_organisation_at_its_district_centroid(make_organisation):
    organisation = make_organisation(district="ละงู")
    assert organisation.district_code == "9104" or organisation.district.name_en == "La-ngu"
    assert organisation.is_position_approximate
    assert organisation.version == 1
