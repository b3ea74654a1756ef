"""Every Thai digit is the same as its Latin digit, end to end: an organisation saved with Thai digits is
found by a query typed with Latin ones, and the reverse, through the API over the real index. The digits'
values come from Unicode here, not from the code under test."""
import unicodedata

THAI_DIGITS = [chr(code) for code in range(0x0E50, 0x0E5A)]  # ๐ ... ๙


def latin(text):
    return "".join(str(unicodedata.digit(char)) if char in THAI_DIGITS else char for char in text)


def found(client, q):
    response = client.get("/api/v1/organisations", query_string={"q": q, "per_page": 100})
    assert response.status_code == 200, response.get_json()
    return {item["id"] for item in response.get_json()["items"]}


def test_every_thai_digit_finds_its_latin_digit_and_the_reverse(client, make_organisation):
    written_in_thai, written_in_latin = {}, {}
    for number, digit in enumerate(THAI_DIGITS):
        code = digit * 4  # a run of one digit: any digit read as another finds nothing, or the wrong one
        letters = "กขคงจฉชซญฎ"[number]
        written_in_thai[digit] = make_organisation(
            name_th=f"กลุ่มทดสอบเลขไทย {letters}", name_en=f"Thai digits group {letters}",
            description_th=f"รหัสโครงการ {code} ของกลุ่ม").public_id
        written_in_latin[digit] = make_organisation(
            name_th=f"กลุ่มทดสอบเลขอารบิก {letters}", name_en=f"Latin digits group {letters}",
            description_th=f"รหัสโครงการ {latin(code)} ของกลุ่ม").public_id

    expected = {digit: {written_in_thai[digit], written_in_latin[digit]} for digit in THAI_DIGITS}
    by_latin_query = {digit: found(client, latin(digit * 4)) for digit in THAI_DIGITS}
    by_thai_query = {digit: found(client, digit * 4) for digit in THAI_DIGITS}
    assert by_latin_query == expected
    assert by_thai_query == expected


def test_a_number_with_every_digit_matches_across_scripts(client, make_organisation):
    thai_number = "".join(THAI_DIGITS)  # ๐๑๒๓๔๕๖๗๘๙
    in_thai = make_organisation(description_th=f"เลขทะเบียน {thai_number}").public_id
    in_latin = make_organisation(description_th=f"เลขทะเบียน {latin(thai_number)}").public_id
    assert found(client, latin(thai_number)) == {in_thai, in_latin}
    assert found(client, thai_number) == {in_thai, in_latin}
    assert found(client, "๐๑๒๓") == {in_thai, in_latin}  # the start of the number, typed in Thai
