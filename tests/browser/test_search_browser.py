"""Search in Chromium, every language: the right page first (stemmed Russian and English,
unspaced Chinese, several words), results only in the page's language, keyboard use, and
no index loaded before the first query."""

import gzip
import re

import pytest

from support import assert_none

PREFIX = {"en": "", "ru": "ru/", "zh": "zh/"}

QUERIES = {
    "en": [
        ("refund", "problems/returns-and-refunds/"),
        ("refunds", "problems/returns-and-refunds/"),
        ("parcel marked delivered", "problems/missing-parcel/"),
        ("gift card scam", "safety/spot-a-scam/"),
        ("chargeback", "escalation/chargeback/"),
        ("A-to-z claim", "escalation/a-to-z-guarantee/"),
        ("freight forwarder", "outside-the-us/"),
        ("report phishing", "safety/report-a-scam/"),
    ],
    "ru": [
        ("посылка не пришла", "problems/missing-parcel/"),
        ("посылку", "problems/missing-parcel/"),
        ("мошенники", "safety/spot-a-scam/"),
        ("гарантия A-to-z", "escalation/a-to-z-guarantee/"),
        ("чарджбэк", "escalation/chargeback/"),
        ("взломали аккаунт", "problems/account-security/"),
        ("написать продавцу", "sellers/contact-a-seller/"),
        ("вернуть товар", "problems/returns-and-refunds/"),
    ],
    "zh": [
        ("退款", "problems/returns-and-refunds/"),
        ("退货", "problems/returns-and-refunds/"),
        ("包裹没收到", "problems/missing-parcel/"),
        ("拒付", "escalation/chargeback/"),
        ("账户被盗", "problems/account-security/"),
        ("转运", "outside-the-us/"),
        ("礼品卡诈骗", "safety/spot-a-scam/"),
        ("举报诈骗", "safety/report-a-scam/"),
    ],
}

SAME_STEM = {
    "en": [("refund", "refunds"), ("contact", "contacting")],
    "ru": [("заказ", "заказа"), ("заказ", "заказом"), ("посылка", "посылку")],
}


def type_query(page, text):
    """Type like a reader: Playwright's fill() sends no key events for Cyrillic or Chinese,
    so set the value and dispatch the events the search box listens for."""
    box = page.locator("[data-search-input]")
    box.evaluate(
        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true}));"
        " el.dispatchEvent(new KeyboardEvent('keyup', {key: 'a', bubbles: true})); }",
        text,
    )


def results(page, server):
    page.wait_for_function(
        "document.querySelector('[data-search-meta]').textContent.match(/\\d|Ничего|没有|No matching/)"
    )
    hrefs = page.locator("[data-search-results] a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    base = re.sub(r"^https?://[^/]+", "", server)
    return [h[len(base) :] if h.startswith(base) else h for h in hrefs]


def search(page, server, text):
    page.keyboard.press("/")
    type_query(page, text)
    page.wait_for_timeout(400)
    return results(page, server)


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_queries_find_the_right_page_first(server, context, page, lang):
    page.goto(server + PREFIX[lang])
    misses = []
    for query, expected in QUERIES[lang]:
        found = search(page, server, query)
        if not found or found[0] != PREFIX[lang] + expected:
            misses.append(f"{query!r}: expected {PREFIX[lang] + expected}, got {found[:3]}")
        page.keyboard.press("Escape")
    assert_none(misses)
    assert context.recorder.external == [] and context.recorder.console_errors == []


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_inflected_forms_find_the_same_pages(server, page, lang):
    page.goto(server + PREFIX[lang])
    for a, b in SAME_STEM[lang]:
        first = search(page, server, a)
        page.keyboard.press("Escape")
        second = search(page, server, b)
        page.keyboard.press("Escape")
        assert first and sorted(first) == sorted(second), f"{a!r} and {b!r} should find the same pages"


@pytest.mark.parametrize("lang, query", [("en", "refund"), ("ru", "заказ"), ("zh", "订单")])
def test_results_only_in_the_page_language(server, page, lang, query):
    page.goto(server + PREFIX[lang] + "start/")
    found = search(page, server, query)
    assert len(found) >= 3
    other = [
        u
        for u in found
        if (u.split("/")[0] in ("ru", "zh")) != (lang != "en") or (lang != "en" and not u.startswith(lang + "/"))
    ]
    assert_none(other)


def test_keyboard_slash_arrows_enter_escape(server, page):
    page.goto(server + "ru/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-search-input]')")
    assert page.evaluate("document.getElementById('__search').checked")
    type_query(page, "посылка")
    found = results(page, server)
    assert len(found) >= 2
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.endswith(found[1])
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-search-input]')")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + found[0])
    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_no_index_before_the_first_query_and_a_small_first_query(server, context, page):
    loaded = []
    page.on("response", lambda r: loaded.append((r.url, r)))
    page.goto(server + "zh/")
    assert not [u for u, _ in loaded if "/pagefind/" in u]
    search(page, server, "退款")
    fetched = [(u, r) for u, r in loaded if "/pagefind/" in u]
    assert fetched
    compressed = sum(len(gzip.compress(r.body(), 6)) for _, r in fetched)
    assert compressed <= 150_000, f"the first query loaded {compressed} bytes (gzip) from {len(fetched)} files"


def test_search_works_on_a_phone(server, browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = ctx.new_page()
        page.goto(server + "zh/")
        page.locator("label.md-header__button[for=__search]").click()
        assert page.locator("[data-search-input]").is_visible()
        type_query(page, "退款")
        found = results(page, server)
        assert found and found[0] == "zh/problems/returns-and-refunds/"
        assert page.locator("[data-search-results] a").first.is_visible()
    finally:
        ctx.close()
