"""A fresh browser context per test, recording every request that leaves the local server."""

from urllib.parse import urlsplit

import pytest


class Recorder:
    def __init__(self, context):
        self.external = []
        self.console_errors = []
        context.on("request", self._request)

    def _request(self, request):
        host = urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host not in ("127.0.0.1", "localhost"):
            self.external.append(request.url)

    def watch(self, page):
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        return page


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    ctx.recorder = Recorder(ctx)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.recorder.watch(context.new_page())
