"""The checklists and the case log as PDF files (hooks/pdfs.py), in every language: each is
made beside its page and linked from it, prints on one page, is tagged, declares the page's
language, and carries the page's title and the facts-checked date. `check_pdf` is proved on a
PDF one page too long; a build without a browser makes no PDF and links to none."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import unicodedata

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader, PdfWriter

import facts as F
from _common import strings
from mkdocs_hooks import read_page
from pdfs import check_pdf, pdf_name
from support import LANGUAGES, PREFIX, ROOT, copy_project


def printable_pages() -> list[tuple[str, str, str]]:
    """(lang, page path without .md, PDF file name) for every page with `checklist: true` or
    `printable: true`, read from the sources (not from the build under test)."""
    found = []
    for lang in LANGUAGES:
        docs = ROOT / "docs" / lang
        for path in sorted(docs.rglob("*.md")):
            _, meta = read_page(path)
            name = pdf_name(meta, path.relative_to(docs).as_posix())
            if name:
                found.append((lang, path.relative_to(docs).with_suffix("").as_posix(), name))
    return found


PAGES = printable_pages()


def squash(text: str) -> str:
    """Text as extracted from a PDF, comparable with the page's: Chinese glyphs can come out as
    compatibility characters (⾃ for 自), and the extraction adds spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_every_checklist_and_the_case_log_are_printable_in_every_language():
    names = {(lang, page) for lang, page, _ in PAGES}
    for lang in LANGUAGES:
        expected = {"case-log", "checklists/buyer", "checklists/before-you-call", "checklists/seller"}
        expected.add("checklists/support-agent")
        assert expected <= {page for code, page in names if code == lang}, lang
    assert ("en", "case-log", "case-log.pdf") in PAGES
    assert ("ru", "checklists/buyer", "checklist-buyer.pdf") in PAGES


@pytest.mark.parametrize(("lang", "page", "name"), PAGES, ids=[f"{lang}/{page}" for lang, page, _ in PAGES])
def test_pdf_is_made_linked_one_page_tagged_and_in_the_page_language(site, lang, page, name):
    html_path = site / PREFIX[lang] / page / "index.html"
    doc = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    links = doc.select("a[data-pdf-link]")
    assert [a["href"] for a in links] == [name], f"{lang}/{page}: the page does not link to its PDF {name}"
    assert links[0].get_text(strip=True) == strings(lang)["pdf_download"]
    pdf = html_path.parent / name
    assert pdf.is_file(), f"{pdf} was not made"

    title = doc.title.get_text().strip()
    assert check_pdf(pdf, lang, title) == [], f"{lang}/{page}"

    reader = PdfReader(pdf)
    raw = reader.pages[0].extract_text()
    text = squash(raw)
    if name == "case-log.pdf":  # the script ran while printing: all 8 numbered rows, to fill in by hand
        lines = [line.strip() for line in raw.splitlines()]
        assert [str(n) for n in range(2, 9)] == [line for line in lines if line in {str(n) for n in range(2, 10)}]
    h1 = doc.select_one("article h1").get_text().replace("¶", "")
    checked = F.local_date(F.facts_checked(F.load_registry()), lang)
    assert squash(h1) in text, f"{lang}/{page}: the title '{h1}' is not in the PDF's text"
    assert squash(checked) in text, f"{lang}/{page}: the facts-checked date {checked} is not in the PDF's text"
    assert squash(strings(lang)["checklist_facts_checked"]) in text


def test_check_pdf_catches_a_second_page_and_a_missing_language(site):
    good = site / "zh" / "case-log" / "case-log.pdf"
    assert check_pdf(good, "zh") == []

    writer = PdfWriter(clone_from=PdfReader(good))
    writer.add_blank_page()  # the same document, one page too long
    two_pages = io.BytesIO()
    writer.write(two_pages)
    assert check_pdf(two_pages.getvalue(), "zh") == ["prints on 2 pages instead of one: shorten the page"]

    assert check_pdf(good, "ru") == ["/Lang is 'zh-Hans', expected 'ru'"]
    assert check_pdf(good, "zh", "Another title") == [
        f"title is '{PdfReader(good).metadata.title}', expected 'Another title'"
    ]

    bare = PdfWriter()  # untagged, no language, no title
    bare.add_blank_page(width=595, height=842)
    plain = io.BytesIO()
    bare.write(plain)
    assert check_pdf(plain.getvalue(), "en") == [
        "is not tagged: no /StructTreeRoot",
        "is not marked as tagged: no /MarkInfo /Marked true",
        "/Lang is '', expected 'en'",
        "has no title in its metadata",
    ]


# --- without a browser ---------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path):
    """A copy of the project with the diagram cache but no PDF cache: every PDF must be printed."""
    return copy_project(tmp_path / "project", caches=("diagrams",))


def build_without_browser(project, chromium_path: str | None) -> tuple[str, object]:
    """Build where no Chromium can be found on PATH or in Playwright's folder (`chromium_path` is
    given as CHROMIUM_PATH), with --no-strict: the missing browser is a warning, which would stop
    a strict build before the pages could be checked."""
    empty = project / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "CHROMIUM_PATH"}
    env.update(
        PATH=str(empty), PLAYWRIGHT_BROWSERS_PATH=str(empty), LAST_UPDATED_DATES="false", GIT_PYTHON_REFRESH="quiet"
    )
    env["NO_MKDOCS_2_WARNING"] = "1"
    if chromium_path:
        env["CHROMIUM_PATH"] = chromium_path
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--site-dir", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr, project / "site"


@pytest.mark.parametrize(
    ("chromium_path", "warning"),
    [
        (None, "their pages do not link to them: no Chromium was found"),
        ("/bin/false", "(their links are removed): Chromium did not start"),
    ],
    ids=["no-browser-found", "browser-does-not-start"],
)
def test_without_a_browser_no_pdf_no_link_and_a_warning(project, chromium_path, warning):
    output, site = build_without_browser(project, chromium_path)
    assert any(line.startswith("WARNING") and warning in line for line in output.splitlines()), output
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.pdf")) == []
    for lang, page, _ in PAGES:
        html_text = (site / PREFIX[lang] / page / "index.html").read_text(encoding="utf-8")
        assert "data-pdf-link" not in html_text and ".pdf" not in html_text, f"{lang}/{page} links to a PDF"
        assert 'class="print-footer"' in html_text  # the page itself still prints as before
