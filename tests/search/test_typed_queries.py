"""Queries as Thai people type them, through the API and the page over the imported development data:
literal text, optional function words, typos with "did you mean", the seeds' synonyms, places, ranking."""
import html
import re

import pytest


def search(client, q, **params):
    response = client.get("/api/v1/organisations", query_string={"q": q, "per_page": 100, **params})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def refs(directory, body):
    return [directory[item["id"]] for item in body["items"]]


@pytest.mark.parametrize("q, first, must_not", [
    ("ทอผ้า", "D11", "D27"),                 # inside ทอ|ผ้าไหม
    ("ป่าชาย", "D02", "D22"),                # cut inside ป่าชายเลน
    ("ท่องเที่ยวโดยชุมชน", "D05", "D19"),     # โดย is optional, the phrase as typed first
    ("มูลนิธิพัฒนาเด็กและเยาวชนพะเยา", "D06", "D21"),  # the exact name first
])
def test_literal_text_and_phrases(client, real_directory, q, first, must_not):
    found = refs(real_directory, search(client, q))
    assert first in found[:2] and must_not not in found


def test_a_typo_is_corrected_with_did_you_mean(client, real_directory):
    body = search(client, "มูลนิทิเพื่อผู้ป่วยไตวาย")
    assert refs(real_directory, body) == ["D26"] and body["suggestion"] == "มูลนิธิเพื่อผู้ป่วยไตวาย"
    body = search(client, "ผูสูงอายุ")  # a tone mark missing
    assert {"D01", "D09"} <= set(refs(real_directory, body)) and body["suggestion"] == "ผู้สูงอายุ"
    assert "D26" not in refs(real_directory, body)
    body = search(client, "Fondation")
    assert "D17" in refs(real_directory, body) and body["suggestion"] == "foundation"


def test_words_that_are_there_get_no_suggestion(client, real_directory):
    assert search(client, "มูลนิธิเพื่อผู้ป่วยไตวาย")["suggestion"] is None


def test_synonyms_from_the_seeds(client, real_directory):
    typed = refs(real_directory, search(client, "คนชรา"))
    assert {"D01", "D09"} <= set(typed) and "D26" not in typed  # ผู้สูงอายุ, ผู้สูงวัย
    assert "D14" in refs(real_directory, search(client, "rice farmers"))  # ชาวนา


def test_a_place_in_the_query_matches_the_place_only(client, real_directory):
    for q in ("Chiang Mai", "Chiangmai", "เชียงใหม่"):
        body = search(client, q)
        assert {"D21", "D22"} <= set(refs(real_directory, body)), q
        assert all(item["province"]["code"] == "50" for item in body["items"]), q


def test_the_page_says_when_not_every_word_matched_and_offers_the_correction(client, real_directory):
    for language, note in (("en", "No organisation has every word you typed"), ("th", "ไม่มีองค์กรใดมีครบทุกคำที่พิมพ์")):
        page = client.get("/organisations", query_string={"q": "ที่ทำงานเรื่องขยะ", "lang": language})
        assert note in page.get_data(as_text=True)
    page = client.get("/organisations", query_string={"q": "ผูสูงอายุ", "lang": "th"}).get_data(as_text=True)
    assert 'href="/organisations?q=%E0%B8%9C%E0%B8%B9%E0%B9%89' in page  # did you mean: ผู้สูงอายุ


def text_of(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


def test_staff_read_the_search_words(client, auth, make_user):
    auth.login(make_user(role="staff").email)
    page = text_of(client.get("/staff/search-words"))
    assert "คนชรา" in page and "senior citizens" in page and "เรื่อง" in page


def test_others_may_not_read_the_search_words(client, auth, make_user):
    assert client.get("/staff/search-words").status_code in (302, 401)
    auth.login(make_user(role="member").email)
    assert client.get("/staff/search-words").status_code == 403
