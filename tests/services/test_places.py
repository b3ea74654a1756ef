"""The place resolver: every form people type a province or district in, and what it says when it can't."""
import csv

import pytest

from directory.services.places.gazetteer import ALIASES_FILE, gazetteer, labelled_parts, normalise

BANGKOK, LAMPANG, SATUN, CHIANG_MAI, KALASIN, KORAT = "10", "52", "91", "50", "46", "30"


@pytest.fixture
def places(app):
    return gazetteer()


@pytest.mark.parametrize("typed, code", [
    # official names and codes, as before
    ("สตูล", SATUN), ("Satun", SATUN), ("91", SATUN), ("TH-91", SATUN), ("๙๑", SATUN), ("th-91", SATUN),
    # everyday forms of Bangkok
    ("กรุงเทพมหานคร", BANGKOK), ("กรุงเทพฯ", BANGKOK), ("กรุงเทพ", BANGKOK), ("กทม", BANGKOK), ("กทม.", BANGKOK),
    ("Bangkok", BANGKOK), ("BKK", BANGKOK), ("bkk", BANGKOK), ("Krung Thep", BANGKOK), ("krungthep", BANGKOK),
    # everyday names of other provinces (seeds/place_aliases.csv)
    ("โคราช", KORAT), ("Korat", KORAT), ("Khorat", KORAT), ("อยุธยา", "14"), ("Ayutthaya", "14"), ("นครศรีฯ", "80"),
    # prefixes, with or without a dot and spaces
    ("จ.ลำปาง", LAMPANG), ("จ. ลำปาง", LAMPANG), ("จ ลำปาง", LAMPANG), ("จังหวัดลำปาง", LAMPANG),
    ("จังหวัด ลำปาง", LAMPANG), ("Changwat Lampang", LAMPANG), ("Lampang Province", LAMPANG),
    # romanisations with and without spaces or hyphens
    ("Chiang Mai", CHIANG_MAI), ("Chiangmai", CHIANG_MAI), ("Chiang-Mai", CHIANG_MAI), ("CHIANG MAI", CHIANG_MAI),
    ("chiang  mai", CHIANG_MAI), ("Chiengmai", CHIANG_MAI),
    # Thai as people type it: marks in another order, doubled, invisible characters, no-break spaces
    ("กาฬสินธ์ุ", KALASIN), ("กาฬสินธุ์", KALASIN), ("กาฬสินธุ์์", KALASIN), ("กาฬ\u200bสินธุ์", KALASIN),
    ("\u00a0ลำปาง\u00a0", LAMPANG), ("  ลำปาง ", LAMPANG), ("ลำ\ufeffปาง", LAMPANG),
    # a postcode after the name
    ("กรุงเทพฯ 10110", BANGKOK),
])
def test_a_province_in_every_form_people_type(places, typed, code):
    assert places.province(typed).code == code


@pytest.mark.parametrize("typed", ["Atlantis", "", "   ", "จ.", "เมือง", "Chiang", "ลำ", "ประจวบคิรีขันธ์", "1"])
def test_what_names_no_province(places, typed):
    assert places.province(typed) is None


@pytest.mark.parametrize("province, district, code", [
    (SATUN, "ละงู", "9105"), (SATUN, "อำเภอละงู", "9105"), (SATUN, "อ.ละงู", "9105"), (SATUN, "อ. ละงู", "9105"),
    (SATUN, "อ ละงู", "9105"), (SATUN, "La-ngu", "9105"), (SATUN, "Langu", "9105"), (SATUN, "9105", "9105"),
    (SATUN, "Amphoe La-ngu", "9105"), (SATUN, "La-ngu District", "9105"), (SATUN, "กิ่งอ.มะนัง", "9107"),
    (SATUN, "กิ่งอำเภอ มะนัง", "9107"), (SATUN, "ต.กำแพง อ.ละงู", "9105"), (SATUN, "ตำบลกำแพง อำเภอละงู", "9105"),
    (BANGKOK, "เขตคลองเตย", "1033"), (BANGKOK, "คลองเตย", "1033"), (BANGKOK, "เขต คลองเตย", "1033"),
    (BANGKOK, "Khet Khlong Toei", "1033"), (BANGKOK, "แขวงลาดยาว เขตจตุจักร", "1030"),
    (BANGKOK, "แขวง ลาดยาว เขต จตุจักร", "1030"),
    # เมือง / อ.เมือง / Mueang with a province is its capital district
    (LAMPANG, "เมือง", "5201"), (LAMPANG, "อ.เมือง", "5201"), (LAMPANG, "อำเภอเมือง", "5201"),
    (LAMPANG, "Mueang", "5201"), (LAMPANG, "Muang", "5201"), (LAMPANG, "Amphoe Mueang", "5201"),
    (LAMPANG, "เมืองลำปาง", "5201"), (LAMPANG, "Mueang Lampang", "5201"), (LAMPANG, "Muang Lampang", "5201"),
    (KORAT, "เมืองโคราช", "3001"), ("14", "อ.เมือง", "1401"),
    # the district's own marks typed in another order
    (KALASIN, "อำเภอเมืองกาฬสินธ์ุ", "4601"),
    # a district may also carry its province
    (LAMPANG, "อ.เมือง จ.ลำปาง", "5201"),
])
def test_a_district_in_every_form_people_type(places, province, district, code):
    resolved = places.resolve(province=province, district=district)
    assert resolved.problems == {}
    assert (resolved.province_code, resolved.district_code) == (code[:2], code)


def test_a_district_alone_gives_its_province_and_says_so(places):
    resolved = places.resolve(province="", district="อ.เมืองเชียงใหม่")
    assert (resolved.province_code, resolved.district_code) == (CHIANG_MAI, "5001")
    [inference] = resolved.inferred
    assert (inference.field, inference.source) == ("province", "district")
    assert "inferred from the district" in inference.message


def test_a_district_in_several_provinces_does_not_give_a_province(places):
    resolved = places.resolve(province="", district="บ้านนา")  # only one: Nakhon Nayok
    assert resolved.province_code == "26"
    shared = places.resolve(province="", district="เมือง")
    assert shared.province is None and shared.problems["district"].kind == "needs_province"


def test_with_both_columns_empty_the_address_names_the_place(places):
    resolved = places.resolve(address="ต.คลองหนึ่ง อ.คลองหลวง จ.ปทุมธานี 12120")
    assert (resolved.province_code, resolved.district_code) == ("13", "1302")
    assert [(i.field, i.source) for i in resolved.inferred] == [("province", "address"), ("district", "address")]
    bangkok = places.resolve(address="ซอยล็อค 1-2-3 แขวงคลองเตย เขตคลองเตย กรุงเทพฯ 10110")
    assert (bangkok.province_code, bangkok.district_code) == (BANGKOK, "1033")


def test_an_address_is_not_read_when_a_column_gives_the_place(places):
    resolved = places.resolve(province="สตูล", address="อ.คลองหลวง จ.ปทุมธานี")
    assert (resolved.province_code, resolved.district_code, resolved.inferred) == (SATUN, None, ())


def test_an_address_without_a_place_infers_nothing(places):
    resolved = places.resolve(address="ชุมชนวัดบางบัว แขวงอนุสาวรีย์")
    assert (resolved.province, resolved.district, resolved.inferred) == (None, None, ())


def test_a_near_miss_province_suggests_the_right_one(places):
    problem = places.resolve(province="ประจวบคิรีขันธ์").problems["province"]
    assert problem.suggestions[0] == "ประจวบคีรีขันธ์"
    assert "did you mean ประจวบคีรีขันธ์?" in problem.message


def test_a_near_miss_district_suggests_within_the_province(places):
    problem = places.resolve(province="สตูล", district="ละงุ").problems["district"]
    assert problem.suggestions == ("ละงู",)


def test_a_wrong_province_is_reported_and_the_district_still_checked(places):
    """One round of fixes: the district was read anyway, and says which province was meant."""
    resolved = places.resolve(province="Atlantis", district="ละงู")
    assert set(resolved.problems) == {"province"}
    assert resolved.problems["province"].suggestions[0] == "สตูล"
    both_wrong = places.resolve(province="Atlantis", district="Nowhere")
    assert set(both_wrong.problems) == {"province", "district"}


def test_a_district_of_another_province_names_where_it_is(places):
    problem = places.resolve(province="ลำปาง", district="กันตัง").problems["district"]
    assert problem.kind == "elsewhere" and "ตรัง (Trang)" in problem.message


def test_an_ambiguous_district_lists_its_places(places):
    in_province = places.resolve(province="14", district="Bang Sai").problems["district"]
    assert in_province.kind == "ambiguous" and "1404" in in_province.message and "1413" in in_province.message


def test_bangkok_has_no_mueang(places):
    assert places.resolve(province="กทม.", district="อ.เมือง").problems["district"].kind == "unknown"


def test_problems_are_said_in_thai_too(places):
    problem = places.resolve(province="ลำปาง", district="กันตัง").problems["district"]
    assert problem.message.in_language("th") == "อำเภอ/เขต 'กันตัง' ไม่ได้อยู่ในลำปาง (Lampang) แต่อยู่ในตรัง (Trang)"


@pytest.mark.parametrize("words, found", [
    (["ไฟป่า", "เชียงใหม่"], [(1, 2, (CHIANG_MAI,), ())]),
    (["Chiang", "Mai"], [(0, 2, (CHIANG_MAI,), ())]),
    (["Chiangmai"], [(0, 1, (CHIANG_MAI,), ())]),
    (["si", "chiang", "mai"], [(0, 3, (), ("4307",))]),  # a district of Nong Khai, not the province
    (["กทม"], [(0, 1, (BANGKOK,), ())]),
    (["ประมงพื้นบ้าน", "กันตัง"], [(1, 2, (), ("9202",))]),
    (["เมือง"], []), (["เด็ก"], []), (["91"], []), (["mai"], []),
])
def test_place_names_in_a_query(places, words, found):
    assert places.places_in(words) == found


def test_labelled_parts_of_an_address():
    assert labelled_parts("ต.คลองหนึ่ง อ.คลองหลวง จ.ปทุมธานี 12120") == [
        ("subdistrict", "คลองหนึ่ง"), ("district", "คลองหลวง"), ("province", "ปทุมธานี")]
    assert labelled_parts("แขวงลาดยาว เขตจตุจักร") == [("subdistrict", "ลาดยาว"), ("district", "จตุจักร")]
    assert labelled_parts("อำเภอละงู") == [("district", "ละงู")]


def test_every_alias_names_a_real_place_and_adds_something(app):
    """An alias that repeats an official name, or points nowhere, is a mistake in the data file."""
    reference = gazetteer()
    official = {normalise(name) for p in reference.provinces.values() for name in (p.name_th, p.name_en)}
    with open(ALIASES_FILE, encoding="utf-8", newline="") as handle:
        aliases = list(csv.DictReader(handle))
    assert len(aliases) >= 50
    for alias in aliases:
        assert alias["province_code"] in reference.provinces, alias
        if alias["district_code"]:
            assert reference.districts[alias["district_code"]].province_code == alias["province_code"], alias
        else:
            assert normalise(alias["alias"]) not in official, f"{alias['alias']} is an official name already"
            assert reference.province(alias["alias"]).code == alias["province_code"], alias
        assert alias["source"].strip(), f"{alias['alias']} needs a source"


def test_a_romanised_prefix_word_inside_a_name_is_part_of_the_name(places):
    """Chachoengsao's district is called "Sanam Chai Khet": its last word is no Bangkok khet."""
    assert places.resolve(province="24", district="Sanam Chai Khet").district_code == "2408"
    assert places.resolve(province="24", district="Amphoe Sanam Chai Khet").district_code == "2408"
