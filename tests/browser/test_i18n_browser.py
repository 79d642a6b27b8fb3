"""In Chromium: every language loads, the switcher keeps the page, nothing leaves the site,
and a missing /ru/ or /zh/ address shows the 404 page in that language."""

import pytest

from support import LANGUAGES, PREFIX, assert_none

PAGES = ["", "problems/missing-parcel/", "checklists/buyer/"]
NAMES = {"en": "English", "ru": "Русский", "zh": "简体中文"}
HTML_LANG = {"en": "en", "ru": "ru", "zh": "zh-Hans"}  # what <html lang> declares (hooks/html_lang.py)


def switch_language(page, name):
    page.locator(".md-header__option .md-select").first.hover()
    page.get_by_role("link", name=name).first.click()
    page.wait_for_load_state("load")


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("start", LANGUAGES)
def test_switcher_lands_on_the_same_page(server, context, page, start, path):
    page.goto(server + PREFIX[start] + path)
    assert page.locator("html").get_attribute("lang") == HTML_LANG[start]
    for target in LANGUAGES:
        if target == start:
            continue
        switch_language(page, NAMES[target])
        assert page.url == server + PREFIX[target] + path
        assert page.locator("html").get_attribute("lang") == HTML_LANG[target]
        page.goto(server + PREFIX[start] + path)
    assert_none(context.recorder.external)
    assert_none(context.recorder.console_errors)


@pytest.mark.parametrize(
    "lang, heading",
    [("ru", "Страница не найдена"), ("zh", "找不到页面"), ("en", "Page not found")],
)
def test_missing_address_shows_404_in_its_language(server, context, page, lang, heading):
    response = page.goto(server + PREFIX[lang] + "no/such/page/")
    assert response.status == 404
    page.wait_for_function(f"() => document.documentElement.lang === '{HTML_LANG[lang]}'")
    assert page.locator("h1").first.inner_text() == heading
    assert page.url == server + PREFIX[lang] + "no/such/page/"
    assert_none(context.recorder.external)
