from datetime import datetime, timezone

import pytest

from directory.extensions import db
from directory.models import OrganisationStatus


@pytest.fixture
def foundation(make_organisation):
    organisation = make_organisation(
        name_th="มูลนิธิรักษ์ทะเลสตูล", name_en="Satun Sea Foundation", province="สตูล", district="ละงู",
        type="foundation", issue_areas=["environment", "community-economy"],
        description_th="ดูแลป่าชายเลนร่วมกับชุมชนประมงพื้นบ้าน", description_en="Mangrove care with fishing villages.",
        address="12 หมู่ 3 ตำบลปากน้ำ", founded_year=1995, target_groups=["ชาวประมงพื้นบ้าน", "เยาวชน"],
        phone="074-123 456", email="info@example.org", website="https://example.org/sea",
        facebook="facebook.com/satunsea", line_id="@satunsea", is_verified=True,
    )
    organisation.updated_at = datetime(2019, 4, 5, 20, 30, tzinfo=timezone.utc)  # 6 April in Bangkok
    db.session.commit()
    return organisation


def profile_url(organisation):
    return f"/organisations/{organisation.public_id}/{organisation.slug}"


def test_profile_in_thai(page, foundation):
    body = page(profile_url(foundation))
    assert "<h1>มูลนิธิรักษ์ทะเลสตูล</h1>" in body
    assert '<p class="other-name" lang="en">Satun Sea Foundation</p>' in body
    assert '<span class="badge badge-verified">ตรวจสอบแล้ว</span>' in body
    assert "ข้อมูลตัวอย่าง" not in body.section("<article", "</article>")
    assert "ดูแลป่าชายเลนร่วมกับชุมชนประมงพื้นบ้าน" in body
    assert '<a href="/organisations?type=foundation">มูลนิธิ</a>' in body
    assert '<a href="/issues/environment">สิ่งแวดล้อมและทรัพยากรธรรมชาติ</a>' in body
    assert '<a href="/issues/community-economy">' in body
    assert "<li>ชาวประมงพื้นบ้าน</li>" in body and "<li>เยาวชน</li>" in body
    assert '<a href="/provinces/91">สตูล</a>' in body
    assert f'<a href="/organisations?district={foundation.district_code}">ละงู</a>' in body
    assert "12 หมู่ 3 ตำบลปากน้ำ" in body
    assert "ปีที่ก่อตั้ง พ.ศ. 2538" in body.text
    assert "ปรับปรุงข้อมูลล่าสุด: 6 เมษายน 2562" in body.text


def test_profile_in_english(page, foundation):
    body = page(profile_url(foundation), lang="en")
    assert "<h1>Satun Sea Foundation</h1>" in body
    assert '<p class="other-name" lang="th">มูลนิธิรักษ์ทะเลสตูล</p>' in body
    assert "Mangrove care with fishing villages." in body
    assert '<a href="/issues/environment">Environment and natural resources</a>' in body
    assert "Founded 1995" in body.text and "พ.ศ." not in body.text
    assert "Last updated: 6 April 2019" in body.text
    assert '<a href="/provinces/91">Satun</a>' in body


def test_contact_channels(page, foundation):
    contact = page(profile_url(foundation)).section('<section aria-labelledby="contact">', "</section>")
    assert '<a href="tel:074123456">074-123 456</a>' in contact
    assert '<a href="mailto:info@example.org">info@example.org</a>' in contact
    assert '<a href="https://example.org/sea" rel="nofollow">https://example.org/sea</a>' in contact
    assert '<a href="https://facebook.com/satunsea" rel="nofollow">facebook.com/satunsea</a>' in contact
    assert "@satunsea" in contact


def test_a_website_that_is_not_a_web_address_is_not_a_link(page, make_organisation):
    organisation = make_organisation(website="javascript:alert(1)")
    contact = page(profile_url(organisation)).section('<section aria-labelledby="contact">', "</section>")
    assert "javascript:alert(1)" in contact
    assert 'href="javascript' not in contact


def test_approximate_position_is_said_and_linked_to_openstreetmap(page, foundation):
    body = page(profile_url(foundation))
    latitude, longitude = f"{foundation.latitude:.5f}", f"{foundation.longitude:.5f}"
    assert foundation.is_position_approximate
    assert "ตำแหน่งโดยประมาณ: จุดกึ่งกลางของอำเภอ" in body.text
    assert (f'href="https://www.openstreetmap.org/?mlat={latitude}&amp;mlon={longitude}'
            f'#map=12/{latitude}/{longitude}"') in body
    english = page(profile_url(foundation), lang="en")
    assert "Approximate position: the centre of the district" in english.text


def test_exact_position_is_not_called_approximate(page, make_organisation):
    organisation = make_organisation(latitude=6.9, longitude=99.8)
    body = page(profile_url(organisation))
    assert "6.90000, 99.80000" in body.text
    assert "ตำแหน่งโดยประมาณ" not in body.text
    assert "#map=17/6.90000/99.80000" in body


def test_position_of_an_organisation_without_district(page, make_organisation):
    organisation = make_organisation(province="น่าน")
    assert "ตำแหน่งโดยประมาณ: จุดกึ่งกลางของจังหวัด" in page(profile_url(organisation)).text


def test_demo_organisation_is_badged(page, make_organisation):
    organisation = make_organisation(is_demo=True)
    body = page(profile_url(organisation))
    assert '<span class="badge badge-demo"' in body and "ข้อมูลตัวอย่าง</span>" in body
    assert "นี่คือข้อมูลตัวอย่าง" in body.text
    assert "Demo data</span>" in page(profile_url(organisation), lang="en")
    assert "ข้อมูลตัวอย่าง</span>" in page("/organisations", lang="th")


def test_any_slug_or_none_finds_the_profile_whose_canonical_url_has_the_slug(page, foundation):
    canonical = f'<link rel="canonical" href="http://localhost{profile_url(foundation)}">'
    for url in (f"/organisations/{foundation.public_id}", f"/organisations/{foundation.public_id}/old-name"):
        body = page(url)
        assert "<h1>มูลนิธิรักษ์ทะเลสตูล</h1>" in body
        assert canonical in body


@pytest.mark.parametrize("status", [OrganisationStatus.DRAFT, OrganisationStatus.ARCHIVED])
def test_unpublished_organisation_is_not_found(page, make_organisation, status):
    organisation = make_organisation(name_th="องค์กรที่ยังไม่เผยแพร่", status=status)
    body = page(profile_url(organisation), status=404)
    assert "องค์กรที่ยังไม่เผยแพร่" not in body
    assert "ไม่พบหน้าที่ต้องการ" in body.text and "Page not found" in body.text


def test_unknown_organisation_is_a_bilingual_404(page):
    body = page("/organisations/zzzzzzzz", status=404)
    assert "ไม่พบองค์กรที่เผยแพร่แล้วซึ่งมีรหัส “zzzzzzzz”" in body.text
    assert "There is no published organisation with the id “zzzzzzzz”." in body.text
    page("/organisations/%00abc", status=404)
    page("/organisations/" + "a" * 200, status=404)


def test_organisation_text_is_escaped(page, make_organisation):
    organisation = make_organisation(
        name_th="<script>alert('th')</script>", name_en="<b>bold</b>",
        description_th='<img src=x onerror="alert(1)">', address="<iframe>", target_groups=["<em>x</em>"],
    )
    for body in (page(profile_url(organisation)), page("/organisations")):
        assert "<script>alert(" not in body
        assert "&lt;script&gt;alert(&#39;th&#39;)&lt;/script&gt;" in body
        assert "<img src=x" not in body and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in body
    profile = page(profile_url(organisation))
    assert "<b>bold</b>" not in profile and "&lt;b&gt;bold&lt;/b&gt;" in profile
    assert "<iframe>" not in profile and "<em>x</em>" not in profile
