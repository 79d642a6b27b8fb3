"""Checks over a built site. Pure functions over files and strings: each returns a list of
problems (empty when all is well), each problem naming the built file. Tests run them on the
real build and on broken input, so that every check is proved to catch its fault."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

import html_lang
import labels
from _common import languages, url_prefix

LANGUAGES = languages()
ASSET_ATTRS = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "iframe": ["src"],
    "source": ["src", "srcset"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
    "image": ["href", "xlink:href"],
    "use": ["href", "xlink:href"],
}
CSS_EXTERNAL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.I)
PHONE = re.compile(r"(?<![\w/.=?&#-])\+?\(?\d[\d \t().\-]{8,}\d(?![\w/])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z_][A-Za-z0-9_]{1,30}\b")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def rel(site: Path, path: Path) -> str:
    return path.relative_to(site).as_posix()


# --- internal links and anchors -------------------------------------------------------------


def target_file(site: Path, page: Path, href: str, base_path: str) -> tuple[Path | None, str]:
    """The built file an internal href points to, and its fragment (None if not internal)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None, ""
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(base_path):
            return site / "__outside_base_path__", parts.fragment
        target = site / path[len(base_path) :]
    elif path:
        target = (page.parent / path).resolve()
    else:
        target = page
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path, base_path: str) -> list[str]:
    problems = []
    ids_cache: dict[Path, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.parts:
            continue
        doc = soup(page)
        for a in doc.find_all("a", href=True):
            target, fragment = target_file(site, page, a["href"], base_path)
            if target is None:
                continue
            if not target.exists():
                problems.append(f"{rel(site, page)}: link to '{a['href']}' has no target")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = {el["id"] for el in soup(target).find_all(id=True)}
                if fragment not in ids_cache[target]:
                    problems.append(f"{rel(site, page)}: link to '{a['href']}': no element with id '{fragment}'")
    return problems


# --- languages -------------------------------------------------------------------------------


def expected_language(site: Path, page: Path) -> str:
    """The language tag a page must declare: its folder's language, precisely (zh → zh-Hans)."""
    first = page.relative_to(site).parts[0]
    lang = first if first in LANGUAGES[1:] else "en"
    return html_lang.tag(lang)


def wrong_html_lang(site: Path) -> list[str]:
    problems = []
    for page in sorted(site.rglob("*.html")):
        if "pagefind" in page.parts or page == site / "404.html":
            continue
        lang = (soup(page).html or {}).get("lang", "")
        if lang != expected_language(site, page):
            problems.append(f"{rel(site, page)}: <html lang='{lang}'>, expected '{expected_language(site, page)}'")
    return problems


SCRIPTS = {"zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"), "ru": re.compile(r"[\u0400-\u04ff]")}


def english_labels() -> re.Pattern:
    """Amazon's English interface labels (data/ui-labels.yml) as the Russian and Chinese pages write
    them: the whole text of an element (**Your Orders** («Ваши заказы»)) or in full-width brackets
    after the Chinese label (**您的订单**（Your Orders））."""
    names = "|".join(map(re.escape, sorted({x["en"] for x in labels.load_glossary().values()}, key=len, reverse=True)))
    return re.compile(rf"^\s*(?:{names})\s*$|（(?:{names})）")


HTML_LANG = re.compile(r'<html lang="([^"]*)"')


def _language_of(node) -> str:
    """The language of a text: the lang of the nearest element that has one."""
    return next((el["lang"] for el in node.parents if el.get("lang") is not None), "")


def _plain_text_or_unseen(node) -> bool:
    """A heading (the navigation, the table of contents and the title repeat it as plain text, by
    MkDocs' design) or the page's description, which only search reads."""
    return bool(
        node.find_parent(re.compile(r"^h[1-6]$"))
        or node.find_parent(attrs={"data-pagefind-weight": True, "hidden": True})
    )


def text_in_an_undeclared_language(site: Path) -> list[str]:
    """Text in one language inside an element of another (lang, inherited from the nearest element
    that has one). A screen reader would speak it in the wrong voice and the browser may draw it
    with another language's glyphs (WCAG 3.1.2, language of parts):
    - Chinese characters or Cyrillic letters not in a Chinese or Russian element, on any page: a
      Chinese word on an English page, an empty field's Chinese name inside an English template;
    - on a Russian or Chinese page, one of Amazon's English labels in the article not in an English
      element: **Your Orders** («Ваши заказы»), **您的订单**（Your Orders）."""
    rules = [*SCRIPTS.items(), ("en", english_labels())]
    problems = []
    for page in sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts):
        text = page.read_text(encoding="utf-8")
        declared_page = HTML_LANG.search(text)
        page_lang = declared_page.group(1).split("-")[0] if declared_page else ""
        doc = None
        for lang, pattern in rules:
            if lang == page_lang == "en" or not pattern.search(text):
                continue
            doc = doc or BeautifulSoup(text, "html.parser")
            root = doc.body if lang != "en" else doc.article
            for node in root.find_all(string=pattern) if root else ():
                if node.parent.name in ("script", "style") or (lang == "en" and _plain_text_or_unseen(node)):
                    continue
                declared = _language_of(node)
                if declared.split("-")[0] != lang:
                    where = f"<{node.parent.name}> of lang '{declared}'"
                    problems.append(f"{rel(site, page)}: {node.strip()[:50]!r} in {where}, expected '{lang}'")
    return problems


MENU_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)"(?: lang="([^"]*)")? class="md-select__link">')


def language_menu_problems(name: str, html: str, base_path: str) -> list[str]:
    """Each language in the menu declares its language (its name is in it), and the menu of a 404
    page leads to each language's home page."""
    problems = []
    links = MENU_LINK.findall(html)
    if len(links) != len(LANGUAGES):
        return [f"{name}: {len(links)} links in the language menu, expected {len(LANGUAGES)}"]
    for href, hreflang, lang in links:
        if lang != html_lang.tag(hreflang):
            problems.append(f"{name}: the menu's link to '{hreflang}' declares lang '{lang}'")
        if name.endswith("404.html") and href != base_path + url_prefix(hreflang):
            problems.append(f"{name}: the 404 page's menu leads to {href} for '{hreflang}', not that language's home")
    return problems


# --- third-party requests ----------------------------------------------------------------------


def external_asset_refs_in_html(name: str, text: str) -> list[str]:
    problems = []
    doc = BeautifulSoup(text, "html.parser")
    for tag, attrs in ASSET_ATTRS.items():
        for el in doc.find_all(tag):
            if tag == "link" and not set(el.get("rel", [])) & {
                "stylesheet",
                "preload",
                "modulepreload",
                "prefetch",
                "preconnect",
                "dns-prefetch",
                "icon",
                "manifest",
            }:
                continue
            for attr in attrs:
                value = el.get(attr)
                if value and re.match(r"^\s*(https?:)?//", value):
                    problems.append(f"{name}: <{tag} {attr}='{value}'> loads from another host")
    for style in doc.find_all("style"):
        problems += [f"{name}: <style> loads {url}" for url in CSS_EXTERNAL.findall(style.get_text())]
    for el in doc.find_all(style=True):
        problems += [f"{name}: style attribute loads {url}" for url in CSS_EXTERNAL.findall(el["style"])]
    return problems


def external_asset_refs(site: Path) -> list[str]:
    problems = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            problems += external_asset_refs_in_html(rel(site, path), path.read_text(encoding="utf-8"))
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8", errors="replace")
            problems += [f"{rel(site, path)}: loads {url}" for url in CSS_EXTERNAL.findall(text)]
    return problems


# --- contact facts -------------------------------------------------------------------------------


def allowed_contacts(facts: dict[str, dict]) -> dict[str, set[str]]:
    phones, emails, handles = set(), set(), set()
    for fact in facts.values():
        if fact["kind"] == "phone":
            phones.add(re.sub(r"\D", "", fact["value"]))
        elif fact["kind"] == "email":
            emails.add(fact["value"].lower())
        elif fact["kind"] == "handle":
            handles.add(fact["value"].lower())
    return {"phone": phones, "email": emails, "handle": handles}


def visible_text(doc: BeautifulSoup) -> str:
    for el in doc(["script", "style", "svg"]):
        el.decompose()
    return doc.get_text("\n")


def unlisted_contacts(name: str, html_text: str, allowed: dict[str, set[str]]) -> list[str]:
    """Phone numbers, e-mail addresses and @handles on a page that are not registry values."""
    doc = BeautifulSoup(html_text, "html.parser")
    hrefs = [a["href"] for a in doc.find_all("a", href=True)]
    text = visible_text(doc)
    problems = []
    for match in PHONE.findall(text) + [h[4:] for h in hrefs if h.startswith("tel:")]:
        digits = re.sub(r"\D", "", match)
        if len(digits) >= 10 and not any(digits == p or p.endswith(digits) for p in allowed["phone"]):
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", match.strip()):
                continue
            problems.append(f"{name}: phone number '{match.strip()}' is not in data/facts.yml")
    for match in EMAIL.findall(text) + [h[7:].split("?")[0] for h in hrefs if h.startswith("mailto:")]:
        if match.lower() not in allowed["email"]:
            problems.append(f"{name}: e-mail address '{match}' is not in data/facts.yml")
    for match in HANDLE.findall(text):
        if match.lower() not in allowed["handle"]:
            problems.append(f"{name}: handle '{match}' is not in data/facts.yml")
    return problems


# --- external links ------------------------------------------------------------------------------


def bad_external_links(name: str, html_text: str, allowed_hosts: set[str]) -> list[str]:
    """Links to another site must be https and go to an allowed host."""
    problems = []
    for a in BeautifulSoup(html_text, "html.parser").find_all("a", href=True):
        parts = urlsplit(a["href"])
        if parts.scheme not in ("http", "https") and not a["href"].startswith("//"):
            continue
        if parts.scheme != "https":
            problems.append(f"{name}: link '{a['href']}' is not https")
        elif parts.hostname not in allowed_hosts:
            problems.append(
                f"{name}: link to '{parts.hostname}' ({a['href']}) is not an allowed host (data/allowed-hosts.yml)"
            )
    return problems


# Stylesheets allowed to hold up the first paint: Material's own, the site's one file, and a tool
# page's own (tools.css, case-log.css: named in that page's front matter; tests/site/
# test_tools_site.py checks no other page loads them).
FIRST_PAINT_STYLES = re.compile(
    r"(?:^|/)assets/(?:stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css|site\.css|tools\.css|case-log\.css)$"
)


def slow_first_paint(name: str, html_text: str) -> list[str]:
    """What would make a phone wait or work for nothing on every page load: a stylesheet that
    blocks the first paint beyond Material's and site.css, or Material's palette component
    (it restyles the whole page twice per load; overrides/partials/palette.html replaces it)."""
    doc = BeautifulSoup(html_text, "html.parser")
    problems = [
        f"{name}: stylesheet {link['href']} holds up the first paint: add its rules to "
        'docs/assets/site.css, or link it with a media query (print.css uses media="print")'
        for link in doc.select("link[rel~=stylesheet][href]")
        if link.get("media", "all") in ("all", "screen") and not FIRST_PAINT_STYLES.search(urlsplit(link["href"]).path)
    ]
    if doc.select_one('[data-md-component="palette"]'):
        problems.append(f"{name}: Material's palette component is mounted (see overrides/partials/palette.html)")
    return problems
