"""The color scheme and the phone layout: the scheme is right from the first paint, follows
the system until the reader picks one, and the pick is remembered; on a phone the navigation
drawer (laid out only when opened) opens and leads to its pages."""

import re

import pytest

from support import PREFIX, layout_box

SCHEME_WHILE_PARSING = """
document.addEventListener("DOMContentLoaded", () => {
  window.__schemeBeforeScripts = document.body.getAttribute("data-md-color-scheme");
}, {capture: true});
"""


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def visible_toggle(page):
    return page.locator("[data-palette] label:not([hidden])")


@pytest.mark.parametrize("system, expected", [("light", "default"), ("dark", "slate")])
def test_scheme_is_set_while_the_page_is_parsed(server, browser, system, expected):
    """Set by the inline script in the header, before any script mounts: no flash of the
    other scheme, and no restyling of the whole page once it has loaded."""
    ctx = browser.new_context(color_scheme=system)
    try:
        ctx.add_init_script(SCHEME_WHILE_PARSING)
        page = ctx.new_page()
        page.goto(server + "ru/")
        assert page.evaluate("window.__schemeBeforeScripts") == expected
        assert scheme(page) == expected
        assert visible_toggle(page).count() == 1
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", PREFIX)
def test_toggle_switches_and_is_remembered(server, page, lang):
    page.goto(server + PREFIX[lang])
    assert scheme(page) == "default"
    toggle = visible_toggle(page)
    label = toggle.get_attribute("title")
    toggle.click()
    assert scheme(page) == "slate"
    assert visible_toggle(page).get_attribute("title") != label, "the toggle shows the way back"
    page.goto(server + PREFIX[lang] + "templates/")
    assert scheme(page) == "slate", "the choice holds on the next page"
    page.reload()
    assert scheme(page) == "slate"
    page.focus("[data-palette] input:checked")  # the toggle also answers the keyboard
    page.keyboard.press("Enter")
    assert scheme(page) == "default"


def test_system_setting_rules_until_the_reader_chooses(server, page):
    page.goto(server)
    page.wait_for_selector("[data-palette][data-follows-system]", state="attached")  # set up when idle
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'", timeout=5000)
    visible_toggle(page).click()
    assert scheme(page) == "default"
    seen = int(page.get_attribute("[data-palette]", "data-media-changes") or 0)
    changes = "n => +document.querySelector('[data-palette]').dataset.mediaChanges >= n"
    # each change has reached the page's listeners (two media queries each) before the next, and
    # before we look
    page.emulate_media(color_scheme="light")
    page.wait_for_function(changes, arg=seen + 2)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(changes, arg=seen + 4)
    assert scheme(page) == "default", "the reader's choice wins over the system setting"


@pytest.mark.parametrize("lang", PREFIX)
def test_navigation_drawer_opens_on_a_phone(server, browser, lang):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = ctx.new_page()
        page.goto(server + PREFIX[lang] + "problems/missing-parcel/")
        drawer = page.locator(".md-sidebar--primary")
        page.locator("label.md-header__button[for='__drawer']").click()
        link = drawer.locator("a[href$='stolen-parcel/']").first
        link.wait_for(state="visible")
        page.wait_for_function("a => a.getBoundingClientRect().left >= 0", arg=link.element_handle(), timeout=5000)
        box = layout_box(link)
        assert box and box["width"] > 0 and box["x"] < 390, "the drawer's links are laid out and on screen"
        link.click()
        page.wait_for_url("**/problems/stolen-parcel/")
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", PREFIX)
def test_on_a_phone_a_link_to_a_heading_lands_on_it(server, browser, lang):
    """The article's blocks are laid out only near the screen on phones (docs/assets/site.css):
    a link to a heading far down still brings that heading to the top, fully drawn."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = ctx.new_page()
        url = server + PREFIX[lang] + "problems/missing-parcel/"
        page.goto(url)
        ids = page.evaluate("[...document.querySelectorAll('.md-typeset h2[id]')].map(h => h.id)")
        target = ids[len(ids) // 2]
        page.goto(url + "#" + target)
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().height")
        page.wait_for_function(  # the scroll to the heading has settled where it should
            "([id, h]) => { const t = document.getElementById(id).getBoundingClientRect().top;"
            " return t >= h - 1 && t <= h + 40; }",
            arg=[target, header],
            timeout=5000,
        )
        top = page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top")
        header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().height")
        assert header - 1 <= top <= header + 40, f"#{target} is at {top}px, the header ends at {header}px"
        assert page.locator(f"#{target}").is_visible()
    finally:
        ctx.close()


LAID_OUT = "[...document.querySelectorAll('[data-pagefind-body] > *')]"


@pytest.mark.parametrize("lang", PREFIX)
def test_a_phone_lays_out_every_block_once_idle_a_wide_screen_marks_none(server, browser, lang):
    """docs/assets/layout.js: on a phone every block of the article ends up laid out (the scroll
    bar shows the whole page); on a wide screen, where site.css lays everything out from the
    start, it marks nothing, until the window is made narrow."""
    url = server + PREFIX[lang] + "templates/"
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    wide = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = phone.new_page()
        page.goto(url)
        page.wait_for_function(f"() => {LAID_OUT}.every(b => b.classList.contains('is-laid-out'))", timeout=10000)
        page = wide.new_page()
        page.goto(url, wait_until="load")
        # layout.js decides on the load event; a first batch it asked for then would run in an idle
        # callback before one asked for now (idle callbacks run in the order they were requested)
        page.evaluate("() => new Promise(done => requestIdleCallback(done))")
        assert page.evaluate(f"{LAID_OUT}.filter(b => b.classList.contains('is-laid-out')).length") == 0
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_function(f"() => {LAID_OUT}.every(b => b.classList.contains('is-laid-out'))", timeout=10000)
    finally:
        phone.close()
        wide.close()


def test_layout_script_and_styles_use_the_same_media_query():
    from support import ROOT

    script = (ROOT / "docs/assets/layout.js").read_text(encoding="utf-8")
    styles = (ROOT / "docs/assets/site.css").read_text(encoding="utf-8")
    query = re.search(r'matchMedia\("\(([^)]*)\)"\)', script).group(1)
    rule = re.search(r"@media screen and \(([^)]*)\) \{\s*\.md-typeset \[data-pagefind-body\]", styles)
    assert rule and rule.group(1) == query, (query, rule and rule.group(1))
