"""In Chromium: the Content-Security-Policy blocks nothing the site does — search, diagrams,
templates, checklists and the tools, in every language — and it blocks an injected script."""

from __future__ import annotations

import pytest

from support import LANGUAGES, PREFIX

RECORD = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


def open_page(context, url):
    context.add_init_script(RECORD)
    page = context.recorder.watch(context.new_page())
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def violations(page):
    return page.evaluate("window.__violations")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_policy_violation_on_any_kind_of_page(context, server, lang):
    base = server + PREFIX[lang]
    found = []
    page = open_page(context, base + "problems/missing-parcel/")  # diagrams
    page.keyboard.press("/")
    page.fill("[data-search-input]", "refund")
    page.wait_for_selector("[data-search-results] li")
    found += violations(page)
    page = open_page(context, base + "templates/")
    page.locator("[data-template] input, [data-template] textarea").first.fill("123-4567890-1234567")
    found += violations(page)
    page = open_page(context, base + "checklists/buyer/")
    page.locator(".task-list-control").first.click()
    found += violations(page)
    page = open_page(context, base + "check/?q=amaz0n.com")
    page.wait_for_selector("[data-verdict]")
    found += violations(page)
    page = open_page(context, base + "deadlines/?delivered=2026-01-30")
    page.wait_for_selector("[data-deadlines][data-state=done]", state="attached")
    with page.expect_download():
        page.click("[data-deadlines-ics]")
    found += violations(page)
    page = open_page(context, base + "no-such-page/")  # the 404 page in the reader's language
    page.wait_for_selector("h1")
    found += violations(page)
    assert found == []
    assert context.recorder.console_errors == [] or all("404" in e for e in context.recorder.console_errors)


def test_an_injected_inline_script_is_blocked(context, server):
    page = open_page(context, server + "ru/")
    page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__injected = true';
                   document.body.appendChild(s); }"""
    )
    page.wait_for_function("() => window.__violations.length > 0")
    assert page.evaluate("window.__injected") is None
    assert any("script-src" in v for v in violations(page))
