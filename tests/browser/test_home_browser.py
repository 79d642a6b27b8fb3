"""In Chromium on a phone (390x844 CSS px): the home page's first screen, without scrolling,
answers "what happened?" with the common problems as large tap targets, in every language, and
the full list of problems is one tap away."""

import pytest

from support import LANGUAGES, PREFIX, ROOT, assert_none

PHONE = {"width": 390, "height": 844}
MIN_TARGET = 44  # CSS px: WCAG 2.5.5 (AAA) and Apple's and Google's guidance for touch targets
PROBLEM_PAGES = sorted(p.stem for p in (ROOT / "docs" / "en" / "problems").glob("*.md"))


def first_screen_problems(page) -> list[dict]:
    return page.eval_on_selector_all(
        ".chooser a",
        """links => links.map(a => { const r = a.getBoundingClientRect();
            return {text: a.innerText.trim(), href: a.getAttribute('href'),
                    top: r.top, bottom: r.bottom, width: r.width, height: r.height}; })""",
    )


def check_first_screen(tiles: list[dict]) -> list[str]:
    problems = [] if len(tiles) >= 6 else [f"only {len(tiles)} problems in the chooser"]
    for tile in tiles:
        if tile["top"] < 0 or tile["bottom"] > PHONE["height"]:
            problems.append(
                f"'{tile['text']}' is not on the first screen (top {tile['top']:.0f}, bottom {tile['bottom']:.0f})"
            )
        if tile["height"] < MIN_TARGET or tile["width"] < MIN_TARGET:
            problems.append(f"'{tile['text']}' is {tile['width']:.0f}x{tile['height']:.0f} px, under {MIN_TARGET} px")
    if not any(t["href"] == "#all-problems" for t in tiles):
        problems.append("no tile leads to the full list (#all-problems)")
    return problems


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield ctx.new_page()
    ctx.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_screen_answers_what_happened(server, phone, lang):
    phone.goto(server + PREFIX[lang])
    assert_none(check_first_screen(first_screen_problems(phone)))
    assert phone.evaluate("window.scrollY") == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_full_list_is_one_tap_away(server, phone, lang):
    phone.goto(server + PREFIX[lang])
    phone.locator(".chooser a[href='#all-problems']").tap()
    phone.wait_for_function("() => location.hash === '#all-problems'")
    heading = phone.locator("#all-problems")
    phone.wait_for_function("() => Math.abs(document.getElementById('all-problems').getBoundingClientRect().top) < 120")
    assert heading.is_visible()
    listed = set(
        phone.eval_on_selector_all("#all-problems ~ .all-problems a", "links => links.map(a => a.getAttribute('href'))")
    )
    missing = [name for name in PROBLEM_PAGES if not any(f"problems/{name}/" in href for href in listed)]
    assert_none([f"problems/{name} is not in the full list" for name in missing])


def test_first_screen_check_catches_faults():
    """The check fails on a chooser below the fold, a small target and a missing full-list tile."""
    good = {"text": "x", "href": "#all-problems", "top": 100, "bottom": 160, "width": 150, "height": 60}
    assert check_first_screen([good] * 6) == []
    assert check_first_screen([good] * 5)
    assert check_first_screen([good] * 5 + [{**good, "top": 800, "bottom": 900}])
    assert check_first_screen([good] * 5 + [{**good, "height": 30}])
    assert check_first_screen([{**good, "href": "x/"}] * 6)
