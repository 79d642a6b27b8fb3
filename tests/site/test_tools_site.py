"""The built tool pages: their scripts and styles load on their own pages only, their data comes
from the registry, and the page carries the contracts the scripts and tests rely on."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

import facts as F
from support import LANGUAGES, PREFIX, assert_none, html_pages
from tools import DEADLINE_PERIODS, load_domains

REGISTRY = F.load_registry()
OWN_ASSETS = {  # page -> the scripts and styles only it may load
    "check/index.html": {"check.js", "tools.css"},
    "deadlines/index.html": {"deadlines.js", "tools.css"},
    "case-log/index.html": {"case-log.js", "case-log.css"},
}
ALL_OWN = set().union(*OWN_ASSETS.values())


SCRIPT_SRC = re.compile(r"<script\b[^>]*\ssrc=\"([^\"]+)\"")
STYLESHEET = re.compile(r"<link\b(?=[^>]*\srel=\"(?:[^\"]*\s)?stylesheet[\s\"])[^>]*\shref=\"([^\"]+)\"")


def assets_of(html: str) -> set[str]:
    """The file names of the page's scripts and style sheets (the build writes its tags with
    double-quoted attributes; a regular expression reads them 20 times faster than a parser)."""
    refs = SCRIPT_SRC.findall(html) + STYLESHEET.findall(html)
    return {ref.rsplit("/", 1)[-1].split("?")[0] for ref in refs}


def misplaced_assets(name: str, html: str) -> list[str]:
    """A tool's script or style on a page that is not that tool's."""
    page = name.split("/", 1)[1] if name.split("/", 1)[0] in ("ru", "zh") else name
    allowed = OWN_ASSETS.get(page, set())
    return [f"{name} loads {asset}" for asset in sorted((assets_of(html) & ALL_OWN) - allowed)]


def test_tool_scripts_and_styles_load_only_on_their_pages(site):
    problems = []
    for path in html_pages(site):
        name = path.relative_to(site).as_posix()
        problems += misplaced_assets(name, path.read_text(encoding="utf-8"))
    assert_none(problems)
    for lang in LANGUAGES:
        for page, assets in OWN_ASSETS.items():
            html = (site / PREFIX[lang] / page).read_text(encoding="utf-8")
            assert assets <= assets_of(html), f"{lang} {page}: {assets - assets_of(html)} not loaded"


def has_attribute(html: str, name: str) -> bool:
    """Whether an element of the page carries the attribute (in a tag, not in the text)."""
    return re.search(rf"<[a-z][^>]*\s{name}(?=[\s=>])", html) is not None


def test_checklist_and_template_scripts_load_exactly_where_they_work(site):
    """checklists.js on a page with checklist tools, templates.js on a page with a message
    template; neither anywhere else (a page loads only the scripts it needs)."""
    problems, with_templates = [], 0
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        loaded = assets_of(html)
        with_templates += has_attribute(html, "data-template")
        for script, needed in (
            ("checklists.js", has_attribute(html, "data-checklist-tools")),
            ("templates.js", has_attribute(html, "data-template")),
        ):
            if (script in loaded) != needed:
                problems.append(f"{path.relative_to(site)}: {script} {'missing' if needed else 'loaded, not needed'}")
    assert_none(problems)
    assert with_templates >= 3 * 3, with_templates  # templates exist in every language


def test_assets_are_read_from_script_and_stylesheet_tags():
    html = (
        '<link rel="stylesheet" href="../assets/site.css"><link rel="stylesheet" href="print.css" media="print">'
        '<link rel="icon" href="x.png"><link href="a.css" rel="alternate stylesheet">'
        '<script id="c" type="application/json">{}</script><script src="../assets/check.js?v=1"></script>'
    )
    assert assets_of(html) == {"site.css", "print.css", "a.css", "check.js"}


def test_an_attribute_is_found_in_a_tag_and_not_in_the_text():
    assert has_attribute('<div class="tpl" data-template id="t1">', "data-template")
    assert has_attribute('<div data-template="">', "data-template")
    assert not has_attribute("<p>Write data-template here</p>", "data-template")
    assert not has_attribute('<div data-template-x="">', "data-template")


def test_a_misplaced_tool_script_is_caught(site):
    html = (site / "ru" / "index.html").read_text(encoding="utf-8")
    assert misplaced_assets("ru/index.html", html) == []
    bad = html.replace("</body>", '<script src="../assets/check.js"></script></body>')
    assert misplaced_assets("ru/index.html", bad) == ["ru/index.html loads check.js"]


def test_check_data_holds_every_registry_contact_and_domain(site):
    data = json.loads((site / "assets" / "check-data.json").read_text(encoding="utf-8"))
    assert {c["id"] for c in data["contacts"]} == {i for i, f in REGISTRY.items() if f["kind"] != "period"}
    assert set(data["domains"]) == set(load_domains())
    for contact in data["contacts"]:
        assert set(contact["name"]) == set(LANGUAGES) and contact["source"].startswith("https://")


def test_tool_pages_carry_their_contracts_and_registry_data(site):
    for lang in LANGUAGES:
        check = BeautifulSoup((site / PREFIX[lang] / "check/index.html").read_text(encoding="utf-8"), "html.parser")
        root = check.select_one("[data-check]")
        assert root["data-lang"] == lang and root["data-check-data"].endswith("assets/check-data.json")
        assert check.select_one("[data-check-output]")["aria-live"] == "polite"
        assert check.select_one('input[name="q"][data-check-input]') and check.select_one("a[data-check-report]")
        label = check.select_one('label[for="check-input"]')
        assert label and label.get_text(strip=True)
        json.loads(check.select_one("#check-strings").string)

        deadlines = BeautifulSoup(
            (site / PREFIX[lang] / "deadlines/index.html").read_text(encoding="utf-8"), "html.parser"
        )
        periods = json.loads(deadlines.select_one("#deadline-periods").string)
        assert periods == {i: REGISTRY[i]["value"] for i in DEADLINE_PERIODS}
        ids = [el["data-deadline"] for el in deadlines.select("[data-deadline]")]
        assert ids == ["return-by", "a-to-z-from", "a-to-z-until", "dispute-reach-by", "appeal-by"], ids
        for block in deadlines.select("[data-deadline]"):
            assert block.select_one(".deadline__date") and block.select_one(".deadline__title").get_text(strip=True)
            assert block.select_one(".deadline__source a[href^='https://']"), block["data-deadline"]
        for field in ("delivered", "latest", "statement", "decision"):
            box = deadlines.select_one(f'input[type="date"][name="{field}"]')
            assert deadlines.select_one(f'label[for="{box["id"]}"]').get_text(strip=True)
            assert deadlines.select_one(f'[data-error-for="{field}"]')["id"] in box["aria-describedby"]
