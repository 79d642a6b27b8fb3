"""The built site, every language: links and anchors, languages, no third-party requests,
no contact fact that is not in the registry, none of the sources' wrong claims."""

import re

import pytest

import facts as F
from checks import (
    allowed_contacts,
    broken_links,
    external_asset_refs,
    external_asset_refs_in_html,
    language_menu_problems,
    text_in_an_undeclared_language,
    unlisted_contacts,
    wrong_html_lang,
)
from support import BASE_PATH, LANGUAGES, ROOT, assert_none, check_every_page, html_pages


def test_build_is_strict_and_silent(build, site):
    result, _ = build
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert_none(warnings)


def test_every_language_has_every_page(site):
    paths = {lang: set() for lang in LANGUAGES}
    for page in html_pages(site):
        parts = page.relative_to(site).parts
        lang = parts[0] if parts[0] in LANGUAGES[1:] else "en"
        paths[lang].add("/".join(parts[1:] if lang != "en" else parts))
    for lang in LANGUAGES[1:]:
        assert paths["en"] ^ paths[lang] == set(), f"pages built in one language only ({lang})"
    sources = {
        p.relative_to(ROOT / "docs" / "en").with_suffix("").as_posix() for p in (ROOT / "docs" / "en").rglob("*.md")
    }
    built = {p.removesuffix("index.html").rstrip("/") or "index" for p in paths["en"] if p != "404.html"}
    assert built == {s.removesuffix("/index") for s in sources}


def test_internal_links_and_anchors_resolve(site):
    assert_none(broken_links(site, BASE_PATH))


def test_broken_link_and_anchor_are_caught(site, tmp_path):
    page = tmp_path / "ru" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    (tmp_path / "ru" / "y").mkdir()
    (tmp_path / "ru" / "y" / "index.html").write_text('<h2 id="here">y</h2>', encoding="utf-8")
    page.write_text('<a href="../y/#here">ok</a> <a href="../y/#gone">a</a> <a href="../z/">b</a>', encoding="utf-8")
    assert broken_links(tmp_path, BASE_PATH) == [
        "ru/x/index.html: link to '../y/#gone': no element with id 'gone'",
        "ru/x/index.html: link to '../z/' has no target",
    ]


def test_html_lang_matches_the_language(site):
    assert_none(wrong_html_lang(site))


def test_the_language_menu_declares_each_language_and_leads_home_from_a_404(site):
    assert_none(check_every_page(site, language_menu_problems, BASE_PATH))


def test_text_in_another_language_declares_it(site):
    """On every page, in every language: a Chinese term on an English page, the language menu's
    names, an empty field's name inside an English template (hooks/templates.py), a quotation on
    the sources page; and an English label on a Russian or Chinese page (hooks/labels.py marks it,
    and the sources page the registry's names). Mark a term in Markdown with
    <span lang="zh-Hans">…</span>."""
    assert_none(text_in_an_undeclared_language(site))


def test_wrong_html_lang_is_caught(tmp_path):
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "index.html").write_text('<html lang="en"><body></body></html>', encoding="utf-8")
    assert wrong_html_lang(tmp_path) == ["zh/index.html: <html lang='en'>, expected 'zh-Hans'"]
    (tmp_path / "zh" / "index.html").write_text('<html lang="zh"><body></body></html>', encoding="utf-8")
    assert wrong_html_lang(tmp_path) == ["zh/index.html: <html lang='zh'>, expected 'zh-Hans'"]


def test_no_asset_loads_from_another_host(site):
    assert_none(external_asset_refs(site))


@pytest.mark.parametrize(
    "fault",
    [
        '<script src="https://cdn.example.net/x.js"></script>',
        '<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">',
        '<img src="https://tracker.example.com/p.gif" alt="">',
        '<style>@import "https://fonts.example.com/a.css";</style>',
    ],
)
def test_external_asset_is_caught(fault):
    problems = external_asset_refs_in_html("ru/index.html", f"<html><head>{fault}</head></html>")
    assert len(problems) == 1 and problems[0].startswith("ru/index.html: ")


def test_contact_facts_all_come_from_the_registry(site):
    assert_none(check_every_page(site, unlisted_contacts, allowed_contacts(F.load_registry())))


@pytest.mark.parametrize(
    "fault, found",
    [
        ("<p>Call 1-206-922-0880 now</p>", "phone number '1-206-922-0880'"),
        ('<p><a href="tel:+18882804364">call</a></p>', "phone number '+18882804364'"),
        ("<p>Write to help@amazon-support.com</p>", "e-mail address 'help@amazon-support.com'"),
        ("<p>DM @AmazonHeIp today</p>", "handle '@AmazonHeIp'"),
        ("<p>Звоните +1 (206) 266 2992</p>", "phone number '+1 (206) 266 2992'"),
    ],
)
def test_a_contact_typed_into_a_page_is_caught(site, fault, found):
    allowed = allowed_contacts(F.load_registry())
    page = site / "ru" / "channels" / "phone" / "index.html"
    html = page.read_text(encoding="utf-8").replace("</article>", fault + "</article>", 1)
    problems = unlisted_contacts("ru/channels/phone/index.html", html, allowed)
    assert problems == [f"ru/channels/phone/index.html: {found} is not in data/facts.yml"]


WRONG_CLAIMS = [
    r"206[\s.-]?922[\s.-]?0880",
    r"206[\s.-]?266[\s.-]?2992",
    r"888[\s.-]?280[\s.-]?4364",
    r"CustomerReviews\.org",
    r"24\s*/\s*7",
    r"24\s*[-–]\s*48",
    r"1\s*[-–]\s*3 business days",
]


def test_wrong_claims_of_the_sources_never_appear(site):
    found = []
    for page in html_pages(site):
        text = page.read_text(encoding="utf-8")
        for claim in WRONG_CLAIMS:
            if re.search(claim, text, re.I):
                found.append(f"{page.relative_to(site)}: {claim}")
    assert_none(found)


def test_every_page_has_a_description_in_its_language(site):
    missing = []
    for page in html_pages(site):
        if page.name == "404.html":
            continue
        text = page.read_text(encoding="utf-8")
        m = re.search(r'<meta name="description" content="([^"]*)"', text)
        if not m or m.group(1) in (
            "An independent guide to reaching Amazon customer service safely.",
            "Независимое руководство о том, как безопасно связаться со службой поддержки Amazon.",
            "一份独立指南：如何安全地联系亚马逊客服。",
        ):
            missing.append(str(page.relative_to(site)))
    assert_none(missing)


def test_root_404_serves_the_readers_language(site):
    root = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in root and "location.pathname" in root
    assert '<html lang="ru"' in (site / "ru" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans"' in (site / "zh" / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "built, source",
    [
        ("index.html", "en/index.md"),
        ("ru/problems/missing-parcel/index.html", "ru/problems/missing-parcel.md"),
        ("zh/checklists/buyer/index.html", "zh/checklists/buyer.md"),
    ],
)
def test_edit_button_opens_the_page_in_its_own_language(site, built, source):
    html = (site / built).read_text(encoding="utf-8")
    edit = re.search(r'<a href="([^"]+)"[^>]*class="md-content__button md-icon"', html)
    assert edit and edit.group(1) == f"https://github.com/amazon-support-guide/guide/edit/main/docs/{source}"
    assert (ROOT / "docs" / source).exists()


@pytest.mark.parametrize(
    "built, date_pattern",
    [
        (
            "problems/missing-parcel/index.html",
            r"(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}",
        ),
        (
            "ru/problems/missing-parcel/index.html",
            r"\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}",
        ),
        ("zh/problems/missing-parcel/index.html", r"\d{4}年\d{1,2}月\d{1,2}日"),
    ],
)
def test_last_updated_date_is_in_the_page_language(site, built, date_pattern):
    html = (site / built).read_text(encoding="utf-8")
    footer = html[html.index('class="md-source-file"') :][:1500]
    assert re.search(date_pattern, footer), footer


@pytest.mark.parametrize("prefix", ["", "ru/", "zh/"])
def test_home_page_links_straight_to_the_urgent_problems(site, prefix):
    """A reader reaches a missing parcel, a suspicious call and a refund in one click."""
    html = (site / prefix / "index.html").read_text(encoding="utf-8")
    for target in ("problems/missing-parcel/", "safety/spot-a-scam/", "problems/returns-and-refunds/"):
        assert f'href="{target}"' in html, f"{prefix}index.html has no link to {target}"


def sitemap_problems(xml: str) -> list[str]:
    """Every page of the sitemap lists its three languages and its English page as x-default."""
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    problems = []
    for url in ElementTree.fromstring(xml).findall("s:url", ns):
        loc = url.find("s:loc", ns).text
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        if set(links) != {*LANGUAGES, "x-default"}:
            problems.append(f"{loc}: alternates {sorted(links)}")
        elif links["x-default"] != links["en"]:
            problems.append(f"{loc}: x-default is {links['x-default']}, not the English page")
    return problems


def test_the_sitemap_names_every_language_and_an_x_default(site):
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert xml.count("<url>") >= 3 * 50
    assert sitemap_problems(xml) == []
    broken = xml.replace('hreflang="x-default"', 'hreflang="fr"', 1)
    assert len(sitemap_problems(broken)) == 1
