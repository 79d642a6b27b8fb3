"""Search: a Pagefind index per language, made once every language is built.

Pagefind reads each page's <html lang>, so Russian pages get a stemmed Russian index and
Chinese pages a segmented Chinese one; docs/assets/search.js loads only the chunks a query
needs. Only the article body is indexed (overrides/main.html marks it data-pagefind-body),
and the page title weighs most.

Each language has its own bundle (site/pagefind/, site/ru/pagefind/, site/zh/pagefind/), made by
a site-wide step after every page of every language is written. The step runs Pagefind's command
line once per language, the three at once, and stops the build if a bundle has an empty file or an
"unknown" language, or covers fewer pages than were built.

Why the command line and not Pagefind's Python API: the API's service answers "files written"
while its last writes are still queued (Pagefind writes with tokio's File::write_all and never
flushes; tokio finishes such writes in the background), and the API then terminates the service.
Under disk load that leaves files empty: 2 of 15 runs of three services at once, with a disk
writer running beside them (/tmp stress test, 2026-12-01); the command line, which waits for its
writes before it exits, gave 0 of 30 under the same load. The empty pagefind-entry.json that CI
once found, and the empty pagefind-ui.css of a build here, fit this cause.

Chinese readers type queries without spaces ("账户被盗"), and Pagefind 1.4 looks such a query up
as one word. The build therefore writes the words of the Chinese pages, cut by jieba (the
segmenter family Pagefind indexes Chinese with), to site/zh/search-words.txt; search.js splits a
query into those words before it asks Pagefind ("账户 被盗").
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from _common import BuildError, relative_url

EXCLUDED = [".headerlink"]  # the ¶ permalink of headings
UNSPACED = {"zh"}  # languages written without spaces between words: their queries are segmented
WORDS_FILE = "search-words.txt"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TAG = re.compile(r"<[^>]+>")


def words_of(html: str) -> set[str]:
    """The Chinese words of a page's HTML, as jieba cuts them (words without a Chinese character are left out)."""
    import rjieba

    text = TAG.sub(" ", html)
    return {word for word in rjieba.cut(text, False) if CJK.search(word)}


def weigh_title(html: str) -> str:
    """Give the page title the highest search weight: a match in the title ranks first."""
    return re.sub(r"<h1(?![^>]*data-pagefind-weight)", '<h1 data-pagefind-weight="10"', html, count=1)


def files_glob(paths: list[str]) -> str:
    """A Pagefind glob that matches exactly these files (relative to the site folder)."""
    return "{" + ",".join(sorted(paths)) + "}"


def bundle_url(lang_root: str, page_url: str) -> str:
    """Where a page finds its language's search bundle, relative to the page."""
    return relative_url(f"{lang_root}pagefind/pagefind.js", page_url)


def bundle_ok(output: Path) -> bool:
    """A bundle whose entry file names its language(s) and no "unknown" language, and has no empty file."""
    try:
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    languages = entry.get("languages") or {}
    files = [p for p in output.rglob("*") if p.is_file()]
    return bool(languages) and "unknown" not in languages and all(p.stat().st_size for p in files)


def page_count(output: Path) -> int:
    """How many pages a bundle covers, as its entry file says."""
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language.get("page_count", 0) for language in entry["languages"].values())


def _command(site_dir: Path, output: Path, paths: list[str]) -> list[str]:
    from pagefind.service import get_executable  # the binary that pagefind[extended] installs

    binary = get_executable()
    if binary is None:
        raise BuildError("Pagefind is not installed: run `make install` (requirements.txt pins pagefind[extended]).")
    command = [str(binary), "--site", str(site_dir), "--glob", files_glob(paths), "--output-path", str(output)]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    return command + ["--silent"]


def words_file(words: set[str]) -> str:
    """The Chinese words, longest first (search.js takes the longest word that matches)."""
    return "\n".join(sorted(words, key=lambda w: (-len(w), w))) + "\n"


def index_site(site_dir: Path, pages: dict[str, list[str]], roots: dict[str, str]) -> None:
    """A site-wide step: one bundle per language, from the written pages.

    `pages` maps a language to its indexed pages (paths relative to site_dir); `roots` maps it to
    where its pages live ('' or 'ru/'). The languages are indexed at once, one Pagefind process
    each: every process exits only after its files are written (see the module's notes)."""
    site_dir = site_dir.resolve()
    outputs = {lang: site_dir / roots[lang] / "pagefind" for lang in pages}
    running = {
        lang: subprocess.Popen(
            _command(site_dir, outputs[lang], paths), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for lang, paths in pages.items()
    }
    said = {lang: process.communicate()[0].strip() for lang, process in running.items()}  # every one ends first
    for lang, process in running.items():
        if process.returncode:
            raise BuildError(
                f"Pagefind could not build the {lang} search index (exit {process.returncode}): {said[lang]}"
            )
        if not bundle_ok(outputs[lang]):
            raise BuildError(f"Pagefind wrote a broken bundle in {outputs[lang]}")
        indexed, built = page_count(outputs[lang]), len(pages[lang])
        if indexed < built:
            raise BuildError(f"The {lang} search index covers {indexed} pages, but {built} were built.")


def write_words(site_dir: Path, words: dict[str, set[str]], roots: dict[str, str]) -> None:
    """A site-wide step: search-words.txt for each language written without spaces."""
    for lang, found in words.items():
        (site_dir / roots[lang] / WORDS_FILE).write_text(words_file(found), encoding="utf-8")


def html_step(html: str, page) -> str:
    """The pipeline's search step (page HTML): the title weighs most."""
    return weigh_title(html)
