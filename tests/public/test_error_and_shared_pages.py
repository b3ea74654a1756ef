import re

import pytest

from tests.conftest import form_token


def test_unknown_address_is_a_bilingual_404(page):
    body = page("/no/such/page", status=404)
    assert '<html lang="th">' in body
    assert "<h1 class=\"error-title\"><span class=\"error-code\">404</span> ไม่พบหน้าที่ต้องการ</h1>" in body
    assert '<div class="in-other-language" lang="en">' in body
    assert "Page not found" in body.text
    assert "The requested URL was not found" not in body.text  # werkzeug's text is replaced by ours
    english = page("/no/such/page", lang="en", status=404)
    assert '<span class="error-code">404</span> Page not found</h1>' in english
    assert '<div class="in-other-language" lang="th">' in english


def test_method_not_allowed_page(client):
    response = client.post("/")
    assert response.status_code == 405
    assert "ที่อยู่นี้ไม่รองรับคำขอประเภทนี้" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/", "/organisations", "/provinces/91", "/issues/environment", "/nowhere"])
def test_every_page_credits_the_data_and_offers_english(page, url):
    body = page(url, status=404 if url == "/nowhere" else 200)
    footer = body.section('<footer class="site-footer">', "</footer>")
    assert '<a href="https://github.com/GeoThai/data">GeoThai</a>' in footer
    assert "CC BY 4.0" in footer and "ODbL 1.0" in footer and "MIT" in footer
    assert "countries-states-cities-database" in footer and "kongvut/thai-province-data" in footer
    assert "ชื่อและรหัสเขตการปกครอง © GeoThai" in body.text
    assert f'href="{url}?lang=en" lang="en" hreflang="en">English</a>' in body
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in body
    english_footer = page(url, lang="en", status=404 if url == "/nowhere" else 200).text
    assert "Administrative names and codes © GeoThai (CC BY 4.0)" in english_footer


def test_pages_use_only_local_resources(page):
    body = page("/")
    assert '<link rel="stylesheet" href="/static/site.css">' in body
    # Scripts only where a page needs one, and only our own: the home page folds its regions on a phone.
    assert re.findall(r"<script[^>]*>", body.html) == ['<script src="/static/fold-on-phone.js">']
    assert "src=\"http" not in body and "href=\"//" not in body


def test_a_refused_form_loads_only_our_own_error_summary_script(client):
    token = form_token(client, "/account/sign-up")
    response = client.post("/account/sign-up",
                           data={"display_name": "", "email": "", "password": "", "csrf_token": token})
    body = response.get_data(as_text=True)
    assert body.count("<script") == 1 and '<script src="/static/error-summary.js" defer></script>' in body


def test_every_page_has_a_description_and_an_icon(page):
    body = page("/")
    assert '<meta name="description" content="ค้นหาองค์กรภาคประชาสังคมทั่วประเทศไทย' in body
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in body


def test_stylesheet_is_served(client):
    response = client.get("/static/site.css")
    assert response.status_code == 200 and b".site-header" in response.data
    response.close()
