"""Checklists and the case log as PDF files, printed by Chromium when the site is built.

Responsibilities:
- decide once per build, before any page is rendered (`browser_missing`), whether PDFs will be made: a
  quick look for an installed Chromium, without starting it (a start costs most of a second, on
  every build, even when every PDF comes from the cache). The templates get `page_pdf` (the
  PDF's file name) only then, so no page links to a PDF that will not exist;
- after every language is built (a site-wide step, `make`), print each page with `checklist: true` or `printable: true` in its
  front matter, in every language, beside its HTML: site/ru/checklists/buyer/checklist-buyer.pdf,
  site/zh/case-log/case-log.pdf. Chromium loads the built page from the site folder (file://),
  with print media, as a reader's browser would print it;
- check every PDF: one page, tagged (a structure tree, /MarkInfo /Marked true), the page's
  language in /Lang (set with pypdf if Chromium left it out), a title. A PDF that fails is
  reported as a warning (a --strict build stops) and not cached;
- cache each PDF in .cache/pdfs/ by a hash of everything that reaches the printed page (see
  `cache_key`), so an unchanged page costs nothing on the next build;
- without a browser: no PDFs and no links, with a visible warning (as the diagrams do). If a
  browser was found but does not start, the links are taken out of the built pages again.

Paper: A4, the paper of the Russian and Chinese pages' readers (Russia, Belarus, the EU,
mainland China, Hong Kong, Taiwan) and of most of the world. One size keeps the build short.
Readers with US Letter paper print the HTML page itself, which fits one Letter page too
(print.css, case-log.css; tests/browser/ checks both sizes), and the link says "(A4)".
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import logging
import os
import re
import shutil
import sys
import time
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import html_lang  # the page's <html lang>, which the PDF's /Lang repeats
from _browser import BuildBrowser, system_chromium
from _common import ROOT

log = logging.getLogger("mkdocs.hooks.pdfs")

CACHE_DIR = ROOT / ".cache" / "pdfs"
FORMAT_VERSION = 1  # raise it when the way PDFs are made changes: every PDF is printed again
PDF_OPTIONS = {"format": "A4", "print_background": False, "tagged": True, "outline": True}

STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref=\"([^\"]+)\"", re.I)
SCRIPT_SRC = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", re.I)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.I | re.S)
HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
TITLE = re.compile(r"<title>(.*?)</title>", re.I | re.S)
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
# The "last updated" line: hidden in print (print.css), and absent from builds outside git.
SOURCE_FILE = re.compile(r"<aside class=\"md-source-file\">.*?</aside>", re.S)
PDF_LINK = re.compile(r"\s*<a\b[^>]*\bdata-pdf-link\b[^>]*>.*?</a>", re.S)


def pdf_name(meta: dict, src_uri: str) -> str | None:
    """The PDF's file name for a printable page (None for other pages).

    checklists/buyer.md → checklist-buyer.pdf; case-log.md (printable: true) → case-log.pdf."""
    stem = Path(src_uri).stem
    if meta.get("checklist"):
        return f"checklist-{stem}.pdf"
    if meta.get("printable"):
        return f"{stem}.pdf"
    return None


# --- checks --------------------------------------------------------------------------------------


def check_pdf(source: Path | bytes, lang: str, title: str | None = None) -> list[str]:
    """What is wrong with a printed page's PDF (an empty list when nothing is).

    One page; tagged (/StructTreeRoot, /MarkInfo /Marked true); /Lang as the page's <html lang>;
    a title in the metadata (the given one, if any)."""
    from pypdf import PdfReader

    data = source.read_bytes() if isinstance(source, Path) else source
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    problems = []
    if len(reader.pages) != 1:
        problems.append(f"prints on {len(reader.pages)} pages instead of one: shorten the page")
    if "/StructTreeRoot" not in root:
        problems.append("is not tagged: no /StructTreeRoot")
    mark = root.get("/MarkInfo")
    if not (mark and mark.get_object().get("/Marked")):
        problems.append("is not marked as tagged: no /MarkInfo /Marked true")
    if str(root.get("/Lang", "")) != html_lang.tag(lang):
        problems.append(f"/Lang is '{root.get('/Lang', '')}', expected '{html_lang.tag(lang)}'")
    found = str((reader.metadata or {}).get("/Title") or "").strip()
    if not found:
        problems.append("has no title in its metadata")
    elif title is not None and found != title:
        problems.append(f"title is '{found}', expected '{title}'")
    return problems


def with_language(data: bytes, lang: str) -> bytes:
    """The PDF with /Lang set in its catalog (Chromium sets it from <html lang>; this is the fallback)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    if str(PdfReader(io.BytesIO(data)).trailer["/Root"].get("/Lang", "")) == html_lang.tag(lang):
        return data
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer._root_object[NameObject("/Lang")] = TextStringObject(html_lang.tag(lang))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- cache -----------------------------------------------------------------------------------------


@cache
def _file_digest(path: str, mtime: float, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def file_digest(path: Path) -> str:
    stat = path.stat()
    return _file_digest(str(path), stat.st_mtime, stat.st_size)


@cache
def tool_versions() -> str:
    """Playwright's version and which Chromium prints (by path and date): a new one prints again."""
    try:
        playwright = metadata.version("playwright")
    except metadata.PackageNotFoundError:
        playwright = "none"
    browsers = sorted(p.name for p in playwright_browsers_dir().glob("chromium*"))
    system = system_chromium()
    stamp = f"{system}:{int(os.stat(system).st_mtime)}" if system else "none"
    return json.dumps([playwright, browsers, stamp])


def cache_key(html_text: str, html_path: Path) -> str:
    """A hash of everything that reaches the printed page: the article (without the "last
    updated" line, hidden in print), <html lang>, <title>, inline scripts, every stylesheet and
    script the page loads (their bytes), the print options and the tools' versions.

    The header, navigation and footer are hidden in print (print.css): renaming another page in
    the navigation does not print this one again."""
    digest = hashlib.sha256()

    def add(text: str) -> None:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")

    add(json.dumps([FORMAT_VERSION, PDF_OPTIONS]))
    add(tool_versions())
    for pattern in (HTML_TAG, TITLE):
        m = pattern.search(html_text)
        add(m.group(0) if m else "")
    for script in INLINE_SCRIPT.findall(html_text):
        add(script)
    for ref in STYLESHEET.findall(html_text) + SCRIPT_SRC.findall(html_text):
        target = (html_path.parent / html.unescape(ref).split("?")[0]).resolve()
        add(ref)
        add(file_digest(target) if target.is_file() else "missing")
    article = ARTICLE.search(html_text)
    add(SOURCE_FILE.sub("", article.group(0)) if article else html_text)
    return digest.hexdigest()[:20]


# --- the browser -------------------------------------------------------------------------------------


def playwright_browsers_dir() -> Path:
    """Where `playwright install` puts its browsers on this machine."""
    if os.environ.get("PLAYWRIGHT_BROWSERS_PATH"):
        return Path(os.environ["PLAYWRIGHT_BROWSERS_PATH"])
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "ms-playwright"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "ms-playwright"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ms-playwright"


def browser_missing() -> str | None:
    """Why no PDF can be printed, or None when a Chromium is there to print them.

    Quick: it looks for the program without starting it (a start costs most of a second)."""
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -r requirements.txt)"
    if system_chromium() or any(playwright_browsers_dir().glob("chromium*")):
        return None
    return (
        "no Chromium was found: run `python -m playwright install chromium`, or install the system "
        "package (Debian/Ubuntu: `apt-get install chromium fonts-noto-cjk`), or set CHROMIUM_PATH"
    )


class Printer(BuildBrowser):
    """One headless Chromium and one tab, reused for every PDF of a build (a new tab per PDF is
    slower: measured 0.3 s a PDF with one tab, 0.6 s with a tab each)."""

    def __init__(self):
        super().__init__()
        self._page.emulate_media(media="print")
        # The page comes from the site folder; nothing else is loaded (no request leaves the machine).
        self._page.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
        )

    def print(self, html_path: Path) -> bytes:
        self._page.goto(html_path.resolve().as_uri(), wait_until="load")
        return self._page.pdf(**PDF_OPTIONS)


# --- the build -----------------------------------------------------------------------------------------


@dataclass
class Job:
    origin: str  # docs/ru/checklists/buyer.md, for messages
    lang: str
    html_path: Path
    pdf_name: str


def make(jobs: list[Job]) -> None:
    """Write each job's PDF beside its HTML: from the cache, or printed now (and cached)."""
    printer: Printer | None = None
    failed: list[Job] = []
    printed = 0
    started = time.perf_counter()
    try:
        for job in jobs:
            html_text = job.html_path.read_text(encoding="utf-8")
            key = cache_key(html_text, job.html_path)
            cached = CACHE_DIR / f"{key}.pdf"
            target = job.html_path.parent / job.pdf_name
            if cached.exists():
                shutil.copyfile(cached, target)
                continue
            if printer is None and not failed:
                try:
                    printer = Printer()
                except Exception as exc:
                    log.warning(
                        "The PDFs of the checklists and the case log are not made (their links are "
                        "removed): Chromium did not start: %s",
                        str(exc).splitlines()[0],
                    )
            if printer is None:
                failed.append(job)
                continue
            try:
                data = with_language(printer.print(job.html_path), job.lang)
            except Exception as exc:  # a page that does not load or print: no PDF, no link, a warning
                log.warning(
                    "%s: its PDF (%s) could not be printed: %s", job.origin, job.pdf_name, str(exc).splitlines()[0]
                )
                failed.append(job)
                continue
            printed += 1
            target.write_bytes(data)
            title = TITLE.search(html_text)
            problems = check_pdf(data, job.lang, html.unescape(title.group(1)).strip() if title else None)
            for problem in problems:
                log.warning("%s: its PDF (%s) %s", job.origin, job.pdf_name, problem)
            if not problems:
                CACHE_DIR.mkdir(parents=True, exist_ok=True)
                cached.write_bytes(data)
    finally:
        if printer is not None:
            printer.close()
    for job in failed:  # no broken link: the page no longer offers the PDF
        job.html_path.write_text(PDF_LINK.sub("", job.html_path.read_text(encoding="utf-8")), encoding="utf-8")
    log.info(
        "PDFs: %d printed, %d from the cache, %d not made, in %.1f s",
        printed,
        len(jobs) - printed - len(failed),
        len(failed),
        time.perf_counter() - started,
    )
