"""Shared fixtures: one site build per test session, a local static server, one Chromium.

The site is built exactly as deployed (`mkdocs build --strict`) into a temporary folder and
served under the path of `site_url` (/guide/), with GitHub Pages' 404 behaviour: any missing
path gets the root 404.html with status 404.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "scripts"))

from support import BASE_PATH, OUTPUT, build_site  # noqa: E402


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site_dir)
    return result, site_dir


@pytest.fixture(scope="session")
def site(build) -> Path:
    result, site_dir = build
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under BASE_PATH; a missing file gets /404.html with status 404."""

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = urlsplit(path).path
        if path.startswith(BASE_PATH):
            path = "/" + path[len(BASE_PATH) :]
        else:
            path = "/__outside_the_site__"
        return super().translate_path(path)

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if target.is_dir() and not (target / "index.html").exists() or not target.exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)
        return super().send_head()


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{BASE_PATH}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from _browser import launch

    with sync_playwright() as pw:
        chromium = launch(pw)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
