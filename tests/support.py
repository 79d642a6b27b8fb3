"""Constants and helpers the tests share (the fixtures are in conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from _common import languages, read_config, url_prefix  # noqa: E402

OUTPUT = ROOT / "test-output"  # screenshots and PDFs for reviewers
LANGUAGES = languages()  # from the i18n block of mkdocs.yml, the default first
PREFIX = {lang: url_prefix(lang) for lang in LANGUAGES}  # "" for English, "ru/", "zh/"


def _site_url() -> str:
    return read_config()["site_url"]


SITE_URL = _site_url()
BASE_PATH = urlsplit(SITE_URL).path  # e.g. /guide/


PROJECT_FILES = ["mkdocs.yml", "docs", "hooks", "overrides", "data"]


def copy_project(target: Path, caches: tuple[str, ...] = ("diagrams", "pdfs")) -> Path:
    """A copy of what a build reads, for tests that change a file and build: the sources, the
    named build caches (.cache/<name>) and a link to node_modules."""
    import shutil

    target.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    for cache in caches:
        if (ROOT / ".cache" / cache).is_dir():
            shutil.copytree(ROOT / ".cache" / cache, target / ".cache" / cache)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def build_site(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` for a project folder; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        timeout=900,
    )


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html") if "pagefind" not in p.parts)


def layout_box(locator) -> dict:
    """An element's box in the page's own (layout) coordinates. Playwright's bounding_box() is in
    the visual viewport's, which an emulated phone's zoom scales (tests/browser/test_search_browser.py)."""
    return locator.evaluate(
        "el => { const r = el.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; }"
    )


def assert_none(problems: list[str], advice: str = "") -> None:
    """Fail with every problem listed in full, one a line (pytest would shorten a list diff)."""
    if problems:
        raise AssertionError("\n".join([f"{len(problems)} problem(s):", *problems] + ([advice] if advice else [])))


def check_every_page(site_dir: Path, check, *args) -> list[str]:
    """Run `check(name, html, *args)` on every built page; return all the problems it reports."""
    problems = []
    for page in html_pages(site_dir):
        problems += check(page.relative_to(site_dir).as_posix(), page.read_text(encoding="utf-8"), *args)
    return problems
