"""A bug in a view (an unexpected exception) is a plain 500: JSON under /api, the bilingual error page
elsewhere, and nothing of the exception (message, trace, values) shown; it is logged for us."""
import logging

import pytest

SECRET = "kanya.private@example.org password=Sup3r"


@pytest.fixture
def broken_views(app):
    def broken():
        raise RuntimeError(f"unexpected: {SECRET}")

    app.add_url_rule("/broken-page", "broken_page", broken)
    app.add_url_rule("/api/v1/broken", "broken_api", broken)


def test_an_api_500_is_json_and_leaks_nothing(client, broken_views, caplog):
    with caplog.at_level(logging.ERROR):
        response = client.get("/api/v1/broken")
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal error", "status": 500}
    body = response.get_data(as_text=True)
    assert "Sup3r" not in body and "Traceback" not in body and "RuntimeError" not in body
    assert "unhandled error on GET /api/v1/broken" in caplog.text


def test_a_page_500_is_the_error_page_and_leaks_nothing(client, broken_views, caplog):
    with caplog.at_level(logging.ERROR):
        response = client.get("/broken-page")
    assert response.status_code == 500 and response.mimetype == "text/html"
    body = response.get_data(as_text=True)
    assert "500" in body
    assert "Sup3r" not in body and "kanya" not in body and "Traceback" not in body and "RuntimeError" not in body
    assert "unhandled error on GET /broken-page" in caplog.text
