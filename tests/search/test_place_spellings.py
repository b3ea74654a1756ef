"""Places and words as people write them, in the filters and in the words searched: never a 400 for an
everyday spelling, and every development query of the real sheets found."""
import html
import json
from pathlib import Path

import pytest

REAL_QUERIES = [json.loads(line) for line in
                (Path(__file__).parent.parent / "data" / "dev_queries_real_spellings.jsonl")
                .read_text(encoding="utf-8").splitlines() if line.strip()]
PARAMETERS = ("q", "province", "district")


def found(client, directory, **params):
    response = client.get("/api/v1/organisations", query_string={**params, "per_page": 100})
    assert response.status_code == 200, response.get_json()
    return {directory[item["id"]] for item in response.get_json()["items"]}


@pytest.mark.parametrize("case", REAL_QUERIES, ids=[json.dumps({k: c[k] for k in PARAMETERS if c.get(k)},
                                                               ensure_ascii=False) for c in REAL_QUERIES])
def test_development_query_as_people_type_it(client, real_directory, case):
    """Each query over both development sheets (the tidy one and the one as real sheets write it)."""
    got = found(client, real_directory, **{key: case[key] for key in PARAMETERS if case.get(key)})
    assert set(case["must"]) <= got, f"missing {set(case['must']) - got}"
    assert not set(case.get("must_not", ())) & got, f"unwanted {set(case.get('must_not', ())) & got}"


@pytest.mark.parametrize("province", ["กรุงเทพฯ", "กรุงเทพ", "กทม", "กทม.", "Bangkok", "BKK", "Krung Thep",
                                      "จ.กรุงเทพมหานคร", "10", "TH-10"])
def test_bangkok_in_every_everyday_form_filters_the_same(client, real_directory, province):
    assert {"R01", "R02", "R09"} <= found(client, real_directory, province=province) <= {
        "R01", "R02", "R09", "D17", "D18", "D19", "D20"}


@pytest.mark.parametrize("district", ["อ.เมือง", "เมือง", "อำเภอเมือง", "Mueang", "Muang", "เมืองลำปาง"])
def test_mueang_with_a_province_is_its_capital_district(client, real_directory, district):
    assert found(client, real_directory, province="ลำปาง", district=district) == {"R03", "D31"}


def test_mueang_with_two_provinces_is_the_capital_of_each(client, real_directory):
    assert found(client, real_directory, province=["ลำปาง", "น่าน"], district="อ.เมือง") == {"R03", "D31", "R08", "D27"}


def test_a_district_is_read_within_the_provinces_given(client, real_directory):
    """กันตัง is in Trang: asked for within Lampang it is an error that says where it is."""
    response = client.get("/api/v1/organisations", query_string={"province": "ลำปาง", "district": "กันตัง"})
    assert response.status_code == 400
    assert response.get_json()["fields"]["district"] == [
        "district 'กันตัง' is not in ลำปาง (Lampang); it is in ตรัง (Trang)"]


def test_an_unknown_place_is_a_400_naming_the_parameter_with_the_nearest_names(client, real_directory):
    response = client.get("/api/v1/organisations", query_string={"province": "ประจวบคิรีขันธ์"})
    assert response.status_code == 400
    assert response.get_json()["fields"] == {
        "province": ["unknown province 'ประจวบคิรีขันธ์'; did you mean ประจวบคีรีขันธ์?"]}
    nowhere = client.get("/api/v1/organisations", query_string={"province": "Atlantis"})
    assert nowhere.get_json()["fields"] == {"province": ["unknown province 'Atlantis'"]}


def test_mueang_without_a_province_asks_for_one(client, real_directory):
    response = client.get("/api/v1/organisations", query_string={"district": "อ.เมือง"})
    assert response.status_code == 400 and "give the province" in response.get_json()["fields"]["district"][0]


@pytest.mark.parametrize("query", ["province=กรุงเทพฯ", "province=กทม", "province=ลำปาง&district=อ.เมือง",
                                   "province=กาฬสินธ์ุ", "near_district=อ.เมืองเชียงใหม่&radius_km=20"])
def test_the_results_page_takes_everyday_spellings(client, real_directory, query):
    assert client.get(f"/organisations?{query}").status_code == 200


def test_the_results_page_says_what_was_meant_in_thai_and_english(client, real_directory):
    thai = client.get("/organisations?province=ประจวบคิรีขันธ์")
    assert thai.status_code == 400
    assert "ไม่รู้จักจังหวัด 'ประจวบคิรีขันธ์' หมายถึง ประจวบคีรีขันธ์ หรือไม่" in html.unescape(thai.get_data(as_text=True))
    english = client.get("/organisations?province=ประจวบคิรีขันธ์&lang=en")
    assert "did you mean ประจวบคีรีขันธ์?" in html.unescape(english.get_data(as_text=True))


def test_a_place_in_the_words_is_a_place_not_loose_words(client, real_directory):
    """Chiang Rai's R16 says "Mainly": "Chiang Mai" is the province, never "chiang" and a prefix "mai"."""
    got = found(client, real_directory, q="Chiang Mai")
    assert {"R06", "R10"} <= got and "R16" not in got
    body = client.get("/api/v1/organisations", query_string={"q": "Chiang Mai", "per_page": 100}).get_json()
    assert not any("<mark>Mainly" in str(item.get("highlights")) for item in body["items"])
