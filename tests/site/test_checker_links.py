"""Every page that talks about fake contacts links to the checker of its own language.

A reader who is warned about a fake number, a fake message, a fake website or link, or a
look-alike account should be one click away from "Is this really Amazon?" (check.md, built as
/check/, /ru/check/, /zh/check/), where they can paste what they were given.

Which pages "talk about fake contacts" is decided by keywords in the page's article text (the
built <article>, so navigation, search and footer do not count), one pattern per language:

- en: scam, fake, phishing, spoof, look-alike / lookalike, impersonat(e/ion/or), and a
  "support" number or line in quotes;
- ru: мошен… (мошенник, мошенничество), поддел… (поддельный, подделать), фишинг…,
  фальшив…, двойник…, самозван…, «выдаёт/выдают себя за», номер… «поддержки»;
- zh: 诈骗, 骗子, 骗局, 假冒, 仿冒, 冒充, 钓鱼, 伪造, 虚假, and “客服”电话.

The checker page itself, the sources page and the translation status page are exempt: the first
is the target, the other two list page titles and registry notes rather than advice. When a
test below fails, add one short sentence with a Markdown link to check.md where the page
discusses the fake number, message or link, in all three languages (see safety/spot-a-scam.md).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from support import BASE_PATH, LANGUAGES, assert_none, check_every_page

FAKE_CONTACT = {
    "en": re.compile(r"\bscam|\bfake|phishing|spoof|look-?alike|impersonat|[\"“]support[\"”] (?:number|line)", re.I),
    "ru": re.compile(
        r"мошен|поддел|фишинг|фальшив|двойник|самозван|выда[её]т себя за|выдают себя за|номер\w* «поддержки", re.I
    ),
    "zh": re.compile(r"诈骗|骗子|骗局|假冒|仿冒|冒充|钓鱼|伪造|虚假|“客服”电话"),
}
EXEMPT = {"check", "sources", "translation-status"}  # page paths inside a language, without index.html


def page_language(name: str) -> tuple[str, str]:
    """('ru', 'problems/x') for 'ru/problems/x/index.html'; ('en', '') for 'index.html'."""
    parts = name.split("/")
    lang = parts[0] if parts[0] in LANGUAGES[1:] else "en"
    rest = "/".join(parts[1:] if lang != "en" else parts)
    return lang, rest.removesuffix("index.html").removesuffix(".html").strip("/")


def checker_path(lang: str) -> str:
    """The checker's folder in the built site: 'check' for English, 'ru/check' for Russian."""
    return "check" if lang == "en" else f"{lang}/check"


def resolve(name: str, href: str) -> str | None:
    """The site folder or file an href on page `name` points to (None for other sites)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return None  # a link within the page
    if path.startswith("/"):
        if not path.startswith(BASE_PATH):
            return None
        target = path[len(BASE_PATH) :]
    else:
        target = posixpath.join(posixpath.dirname(name), path)
    target = posixpath.normpath(target)
    return target.removesuffix("/index.html").removesuffix("index.html").strip("/") or "."


def article_of(html_text: str):
    """The page's <article>, without scripts, styles and icons (None if it has none)."""
    start, end = html_text.find("<article"), html_text.rfind("</article>")
    if start < 0 or end < 0:
        return None
    article = BeautifulSoup(html_text[start : end + len("</article>")], "html.parser").find("article")
    for el in article(["script", "style", "svg"]):
        el.decompose()
    return article


def keywords_in(lang: str, article) -> list[str]:
    """The keywords of FAKE_CONTACT found in an article's text, in order, without repeats."""
    found = [m.group(0).lower() for m in FAKE_CONTACT[lang].finditer(article.get_text(" "))]
    return list(dict.fromkeys(found))


def fake_contact_words(lang: str, html_text: str) -> list[str]:
    article = article_of(html_text)
    return keywords_in(lang, article) if article is not None else []


def missing_checker_link(name: str, html_text: str) -> list[str]:
    """A page whose article talks about fake contacts but has no link to its language's /check/."""
    lang, page = page_language(name)
    if page in EXEMPT or name.endswith("404.html"):
        return []
    article = article_of(html_text)
    words = keywords_in(lang, article) if article is not None else []
    if not words:
        return []
    target = checker_path(lang)
    if any(resolve(name, a["href"]) == target for a in article.find_all("a", href=True)):
        return []
    return [
        f"{name}: talks about fake contacts ({', '.join(repr(w) for w in words[:3])}) but does not link to "
        f"{target}/ - add a sentence with a link to check.md where it warns about the fake number or link"
    ]


def test_every_page_about_fake_contacts_links_to_the_checker(site):
    assert_none(check_every_page(site, missing_checker_link))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_keywords_find_the_scam_pages(site, lang):
    """The patterns are not empty words: the pages that are surely about fakes match them."""
    prefix = "" if lang == "en" else f"{lang}/"
    for page in ("safety/spot-a-scam", "safety/report-a-scam", "channels/phone", "channels/social-media", ""):
        path = site / prefix / page / "index.html"
        assert fake_contact_words(lang, path.read_text(encoding="utf-8")), f"no keyword found on {path}"


def test_the_keywords_cover_the_translations(site):
    """A page whose English text talks about fake contacts does so in Russian and Chinese too:
    if this fails, the Russian or Chinese pattern misses a word the translation uses."""
    problems = []
    for page in sorted(site.rglob("index.html")):
        name = page.relative_to(site).as_posix()
        lang, rest = page_language(name)
        if lang != "en" or "pagefind" in name or rest in EXEMPT:
            continue
        if not fake_contact_words("en", page.read_text(encoding="utf-8")):
            continue
        for other in LANGUAGES[1:]:
            translated = site / other / name
            if not fake_contact_words(other, translated.read_text(encoding="utf-8")):
                problems.append(f"{other}/{name}: no {other} keyword, though the English page has one")
    assert_none(problems)


def _page(text: str, links: str = "", nav: str = "") -> str:
    return (
        f"<html><body><nav>{nav}</nav>"
        f'<article class="md-content__inner md-typeset"><p>{text}</p>{links}</article>'
        "<footer><a href='/guide/check/'>Is this really Amazon?</a></footer></body></html>"
    )


@pytest.mark.parametrize(
    "name, html, caught",
    [
        # a fake number without the link: caught, in every language
        ("problems/x/index.html", _page("Fake support numbers hide in ads."), True),
        ("ru/problems/x/index.html", _page("Поддельные номера прячутся в рекламе."), True),
        ("zh/problems/x/index.html", _page("假冒的客服电话藏在广告里。"), True),
        ("start/index.html", _page('No "support" number from an ad.'), True),
        # the link in the article, relative or absolute: fine
        ("problems/x/index.html", _page("Fake support numbers.", '<a href="../../check/">Check</a>'), False),
        ("ru/problems/x/index.html", _page("Мошенники звонят.", '<a href="../../check/">форма</a>'), False),
        ("zh/index.html", _page("诈骗电话。", '<a href="check/">核查工具</a>'), False),
        ("zh/problems/x/index.html", _page("诈骗电话。", '<a href="/guide/zh/check/">核查</a>'), False),
        # the other language's checker, or another page, does not count
        ("ru/problems/x/index.html", _page("Мошенники звонят.", '<a href="../../../check/">Check</a>'), True),
        ("problems/x/index.html", _page("A scam call.", '<a href="../../safety/spot-a-scam/">Spot</a>'), True),
        # words outside the article (navigation, footer) do not make a page about fakes
        ("problems/x/index.html", _page("Your parcel is late.", nav="Spot a scam"), False),
        # exempt pages
        ("ru/check/index.html", _page("Поддельный номер."), False),
        ("sources/index.html", _page("Fake numbers we do not publish."), False),
    ],
)
def test_a_page_about_fakes_without_the_link_is_caught(name, html, caught):
    problems = missing_checker_link(name, html)
    assert bool(problems) == caught, problems
    if caught:
        assert problems[0].startswith(f"{name}: talks about fake contacts")


@pytest.mark.parametrize("name", ["problems/missing-parcel/index.html", "ru/channels/phone/index.html"])
def test_removing_the_link_from_a_built_page_is_caught(site, name):
    html = (site / name).read_text(encoding="utf-8")
    assert missing_checker_link(name, html) == []
    article_start = html.index("<article")
    broken = html[:article_start] + re.sub(r'href="(?:\.\./)*check/"', 'href="#gone"', html[article_start:])
    problems = missing_checker_link(name, broken)
    lang = page_language(name)[0]
    assert len(problems) == 1 and problems[0].startswith(f"{name}: talks about fake contacts")
    assert f"does not link to {checker_path(lang)}/" in problems[0]
