"""Visitors' repeated searches are answered from the worker's cache, and only while the index is unchanged."""
from directory.extensions import db
from directory.services.organisations.records import update_organisation


def calls_to_the_finder(monkeypatch):
    from directory.blueprints.api import views as api_views
    from directory.blueprints.public import views as page_views

    calls = []
    for module in (api_views, page_views):
        real = module.find_organisations
        monkeypatch.setattr(module, "find_organisations", lambda criteria, real=real: calls.append(1) or real(criteria))
    return calls


def test_a_repeated_search_is_answered_from_the_cache_until_the_index_changes(client, make_organisation, monkeypatch):
    organisation = make_organisation(name_en="Saffron Weavers")
    calls = calls_to_the_finder(monkeypatch)
    first = client.get("/api/v1/organisations?q=saffron").get_json()
    again = client.get("/api/v1/organisations?q=saffron").get_json()
    assert first == again and len(calls) == 1

    update_organisation(organisation, {"name_en": "Saffron and Indigo Weavers"})
    db.session.commit()
    changed = client.get("/api/v1/organisations?q=saffron").get_json()
    assert changed["items"][0]["name_en"] == "Saffron and Indigo Weavers" and len(calls) == 2


def test_each_language_and_page_has_its_own_answer(client, make_organisation, monkeypatch):
    make_organisation(name_en="Saffron Weavers")
    calls = calls_to_the_finder(monkeypatch)
    thai = client.get("/organisations?q=saffron").get_data(as_text=True)
    english = client.get("/organisations?q=saffron&lang=en").get_data(as_text=True)
    assert 'lang="th"' in thai and 'lang="en"' in english and len(calls) == 2


def test_signed_in_people_are_never_given_a_cached_page(client, auth, make_user, make_organisation, monkeypatch):
    make_organisation(name_en="Saffron Weavers")
    calls = calls_to_the_finder(monkeypatch)
    client.get("/organisations?q=saffron")
    auth.login(make_user(display_name="Khun Somsri").email)
    page = client.get("/organisations?q=saffron").get_data(as_text=True)
    assert len(calls) == 2 and "บัญชีของฉัน" in page  # the signed-in menu, not the visitor's


def test_an_error_is_not_kept(client, monkeypatch):
    calls = calls_to_the_finder(monkeypatch)
    assert client.get("/api/v1/organisations?province=Atlantis").status_code == 400
    assert client.get("/api/v1/organisations?province=Atlantis").status_code == 400
    assert calls == []  # refused before any search, and the refusal is not kept either
