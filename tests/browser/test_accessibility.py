"""axe-core (bundled by axe-playwright-python) on the pages people use most: no serious or critical violation,
in Thai and in English."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import PASSWORD
from tests.event_factories import submit
from tests.staff.test_corrections_queue import add_correction

pytestmark = pytest.mark.browser
AXE = Axe()


def serious_violations(page):
    results = AXE.run(page)
    return [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.fixture
def world(app, make_organisation, open_round):
    organisation = make_organisation(name_th="มูลนิธิรักษ์ทะเลสตูล", name_en="Satun Sea Foundation", province="สตูล",
                                     district="ละงู", issue_areas=["environment"], description_th="ดูแลป่าชายเลน")
    _application, token = submit(open_round, email="manee@example.org")
    return {"organisation": organisation, "event": open_round, "token": token}


def public_pages(world):
    organisation, event = world["organisation"], world["event"]
    return ["/", "/organisations?q=ทะเล", f"/organisations/{organisation.public_id}", f"/events/{event.public_id}",
            f"/applications/{world['token']}?received=1", "/account/login", "/statistics",
            f"/organisations/{organisation.public_id}/correction"]


@pytest.mark.parametrize("language", ["th", "en"])
def test_public_pages(browser_page, world, language):
    found = {}
    for path in public_pages(world):
        browser_page.goto(path + ("&" if "?" in path else "?") + f"lang={language}")
        found[path] = serious_violations(browser_page)
    assert not any(found.values()), {path: v for path, v in found.items() if v}


@pytest.mark.parametrize("language", ["th", "en"])
def test_staff_pages(browser_page, world, make_user, language):
    page = browser_page
    page.goto("/account/login?lang=en")
    page.get_by_label("Email address").fill(make_user(role="staff").email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    event = world["event"]
    add_correction(world["organisation"])
    found = {}
    for path in ("/staff/", f"/staff/events/{event.public_id}", f"/staff/events/{event.public_id}/applications",
                 "/staff/corrections"):
        page.goto(f"{path}?lang={language}")
        found[path] = serious_violations(page)
    assert not any(found.values()), {path: v for path, v in found.items() if v}
