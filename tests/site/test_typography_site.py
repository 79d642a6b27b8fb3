"""Every built Russian page has non-breaking spaces where Russian typography needs them: the
build adds them (hooks/typography.py), so no page can lose them by hand."""

import re

from bs4 import BeautifulSoup

from support import assert_none, html_pages

BREAKABLE = [
    (re.compile(r"\d [А-Яа-яЁё%]"), "a number and its word"),
    (re.compile(r"\S [—–] "), "before a dash"),
]


def breakable_spaces(name: str, html: str) -> list[str]:
    doc = BeautifulSoup(html, "html.parser")
    article = doc.find("article") or doc
    for skipped in article.find_all(["pre", "code", "script", "style", "svg", "textarea", "kbd"]):
        skipped.decompose()
    text = article.get_text()
    return [
        f"{name}: ordinary space {what}: …{m.group(0)}…" for pattern, what in BREAKABLE for m in pattern.finditer(text)
    ]


def test_russian_pages_keep_numbers_and_dashes_together(site):
    problems = []
    for page in html_pages(site / "ru"):
        problems += breakable_spaces(page.relative_to(site).as_posix(), page.read_text(encoding="utf-8"))
    assert_none(problems)


def test_the_check_catches_an_ordinary_space():
    html = "<article><p>Верните за 30 дней — быстро.</p><pre>30 дней</pre></article>"
    assert len(breakable_spaces("x", html)) == 2
    assert breakable_spaces("x", "<article><p>За 30\u00a0дней\u00a0— быстро.</p></article>") == []
