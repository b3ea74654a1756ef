"""A live server and Chromium for browser tests: Debian's chromium driven by Playwright.

Playwright never downloads a browser here (`make chromium` installs Debian's); without
/usr/bin/chromium the browser tests are skipped and say why.
"""
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def closing_its_body(app):
    """`app` whose response body is closed by the time it is spent or dropped.

    Werkzeug's development server (3.1) drains the socket in a `finally` before it closes the
    body, so a browser that resets the connection (a dropped favicon fetch) leaves the served
    file open, and its ResourceWarning fails whichever test is running when it is collected.
    """
    def serve(environ, start_response):
        body = app(environ, start_response)
        try:
            yield from body
        finally:
            if hasattr(body, "close"):
                body.close()

    return serve


@pytest.fixture
def live_server(app):
    """The test's app served on a free port of 127.0.0.1, in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, closing_its_body(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    address = f"http://127.0.0.1:{server.server_port}"
    app.config["PUBLIC_BASE_URL"] = address  # links in mail and on pages lead here, as in production
    yield address
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run."""
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (`make chromium` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser, live_server):
    """A fresh tab (no cookies) whose relative URLs go to the live server."""
    context = browser.new_context(base_url=live_server)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def tile_server(app):
    """A local map tile server (one grey tile for every address) that the app's maps use: the browser
    tests never reach OpenStreetMap. Yields the paths it was asked for."""
    import io
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from PIL import Image

    tile = io.BytesIO()
    Image.new("RGB", (256, 256), (228, 232, 236)).save(tile, "PNG")
    asked = []

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile.getvalue())))
            self.end_headers()
            self.wfile.write(tile.getvalue())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    thread = threading.Thread(target=server.serve_forever, name="tile-server", daemon=True)
    thread.start()
    app.config["MAP_TILE_URL"] = f"http://127.0.0.1:{server.server_port}/{{z}}/{{x}}/{{y}}.png"
    yield asked
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()
