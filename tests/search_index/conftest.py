"""Fixtures for the search package alone: no Flask, no database."""
from datetime import datetime, timezone

import pytest

from search_index import Document, Place, SearchIndex

SATUN = Place("91", ("สตูล", "Satun", "TH-91"))
PHAYAO = Place("56", ("พะเยา", "Phayao", "TH-56"))
LA_NGU = Place("9104", ("อำเภอละงู", "ละงู", "La-ngu"))
SOUTH = Place("south", ("ภาคใต้", "South"))
NORTH = Place("north", ("ภาคเหนือ", "North"))
FOUNDATION = Place("foundation", ("มูลนิธิ", "Foundation"))
ELDERLY = Place("elderly-care", ("การดูแลผู้สูงอายุ", "Elderly care"))
ENVIRONMENT = Place("environment", ("สิ่งแวดล้อมและทรัพยากรธรรมชาติ", "Environment and natural resources"))


def document(id, name_th, **values):
    values.setdefault("province", SATUN)
    values.setdefault("region", SOUTH)
    values.setdefault("updated_at", datetime(2024, 1, int(id) % 28 + 1, tzinfo=timezone.utc))
    return Document(id=str(id), version=values.pop("version", 1), name_th=name_th, **values)


@pytest.fixture
def make_index(tmp_path):
    """make_index(documents) -> a SearchIndex holding exactly those documents."""
    indexes = []

    def make(documents, state=None):
        index = SearchIndex(tmp_path / f"index-{len(indexes)}")
        index.swap_to(index.build_generation(documents, state or {"watermark": 0}, processes=1))
        indexes.append(index)
        return index

    yield make
    for index in indexes:
        index.close()


@pytest.fixture
def sample_index(make_index):
    return make_index([
        document(1, "มูลนิธิเพื่อการดูแลผู้สูงอายุในชุมชนละงู", name_en="La-ngu Community Elderly Care Foundation",
                 district=LA_NGU, type=FOUNDATION, issue_areas=(ELDERLY,), latitude=6.862, longitude=99.781,
                 description_th="ฝึกอาสาสมัครในชุมชนให้เยี่ยมบ้านผู้สูงอายุ"),
        document(2, "กลุ่มอนุรักษ์ป่าชายเลนบ้านปากบารา", name_en="Pak Bara Mangrove Conservation Group",
                 district=LA_NGU, issue_areas=(ENVIRONMENT,), latitude=6.84, longitude=99.73,
                 description_en="Small-scale fishers replanting mangroves and farming crabs."),
        document(3, "เครือข่ายเยาวชนรักษ์ทะเลสตูล", name_en="Satun Youth Sea Lovers Network",
                 issue_areas=(ENVIRONMENT,), latitude=6.62, longitude=100.07),
        document(4, "มูลนิธิพัฒนาเด็กและเยาวชนพะเยา", name_en="Phayao Child and Youth Development Foundation",
                 province=PHAYAO, region=NORTH, type=FOUNDATION, latitude=19.17, longitude=99.9,
                 description_th="ส่งเสริมการศึกษาของเด็กในชนบท"),
        document(5, "เครือข่ายสิทธิมนุษยชนพะเยา", name_en="Phayao Human Rights Network", province=PHAYAO,
                 region=NORTH, description_th="ติดตามการละเมิดสิทธิ ๒๕๖๒"),
    ])
