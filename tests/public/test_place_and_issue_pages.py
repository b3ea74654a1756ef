import pytest

from directory.models import OrganisationStatus


@pytest.fixture
def satun(make_organisation):
    make_organisation(name_th="มูลนิธิละงู", name_en="La-ngu Foundation", district="ละงู",
                      issue_areas=["environment"])
    make_organisation(name_th="สมาคมละงู", name_en="La-ngu Association", district="La-ngu",
                      issue_areas=["elderly-care"])
    make_organisation(name_th="กลุ่มท่าแพ", name_en="Tha Phae Group", district="ท่าแพ", issue_areas=["environment"])
    make_organisation(name_th="ร่างกลุ่มท่าแพ", district="ท่าแพ", issue_areas=["environment"],
                      status=OrganisationStatus.DRAFT)
    make_organisation(name_th="เครือข่ายน่าน", name_en="Nan Network", province="น่าน", issue_areas=["environment"])


@pytest.mark.parametrize("code", ["91", "TH-91", "th-91"])
def test_province_page_by_moi_or_iso_code(page, satun, code):
    body = page(f"/provinces/{code}")
    assert "<h1>สตูล</h1>" in body
    assert '<link rel="canonical" href="http://localhost/provinces/91">' in body
    assert set(body.result_names()) == {"มูลนิธิละงู", "สมาคมละงู", "กลุ่มท่าแพ"}
    assert "องค์กรในสตูล (3 องค์กร)" in body.text


def test_province_page_lists_its_districts_with_counts(page, satun):
    body = page("/provinces/91")
    districts = body.section('<ul class="counted districts">', "</ul>")
    assert districts.count("<li") == 7
    assert body.count_after("/organisations?district=9105") == 2  # ละงู
    assert body.count_after("/organisations?district=9104") == 1  # ท่าแพ, the draft not counted
    assert body.count_after("/organisations?district=9107") == 0
    assert "ภาคใต้ · รหัสจังหวัด 91 · รหัส ISO 3166-2 TH-91" in body.text


def test_province_page_in_english(page, satun):
    body = page("/provinces/91", lang="en")
    assert "<h1>Satun</h1>" in body and '<p class="other-name" lang="th">สตูล</p>' in body
    assert ">La-ngu</a>" in body
    assert "Organisations in Satun (3 organisations)" in body.text
    assert "South · province code 91 · ISO 3166-2 code TH-91" in body.text


def test_province_page_is_paged(page, make_organisation):
    for number in range(21):
        make_organisation(province="น่าน", name_th=f"องค์กรน่าน {number:02d}")
    assert len(page("/provinces/55").result_names()) == 20
    assert len(page("/provinces/55?page=2").result_names()) == 1
    page("/provinces/55?page=0", status=400)


# an address with a control character: tests/security/test_unstorable_input.py
@pytest.mark.parametrize("code", ["99", "TH-99", "Satun", "9"])
def test_unknown_province_is_404(page, code):
    body = page(f"/provinces/{code}", status=404)
    assert "ไม่พบจังหวัดรหัส" in body.text and "There is no province with the code" in body.text


def test_issue_area_page(page, satun):
    body = page("/issues/environment")
    assert "<h1>ประเด็นงาน: สิ่งแวดล้อมและทรัพยากรธรรมชาติ</h1>" in body
    assert set(body.result_names()) == {"มูลนิธิละงู", "กลุ่มท่าแพ", "เครือข่ายน่าน"}
    assert 'href="/organisations?issue=environment"' in body
    english = page("/issues/environment", lang="en")
    assert "<h1>Issue area: Environment and natural resources</h1>" in english
    assert set(english.result_names()) == {"La-ngu Foundation", "Tha Phae Group", "Nan Network"}


def test_unknown_issue_area_is_404(page):
    body = page("/issues/cooking", status=404)
    assert "ไม่พบประเด็นงาน “cooking”" in body.text
    assert "There is no issue area called “cooking”." in body.text
