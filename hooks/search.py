"""Search: a Pagefind index per language, made once every language is built.

Pagefind reads each page's <html lang>, so Russian pages get a stemmed Russian index and
Chinese pages a segmented Chinese one; docs/assets/search.js loads only the chunks a query
needs. Only the article body is indexed (overrides/main.html marks it data-pagefind-body),
and the page title weighs most.

Each language has its own bundle (site/pagefind/, site/ru/pagefind/, site/zh/pagefind/). The
bundles are made by a site-wide step, one at a time, after every page of every language is
written: nothing is indexed while a page or another bundle is still being written (an English
bundle indexed during the Chinese build once came out with empty files). The step stops the build if a bundle has an empty
file or an "unknown" language, or covers fewer pages than were built.

Chinese readers type queries without spaces ("账户被盗"), and Pagefind 1.4 looks such a query up
as one word. The build therefore writes the words of the Chinese pages, cut by jieba (the
segmenter family Pagefind indexes Chinese with), to site/zh/search-words.txt; search.js splits a
query into those words before it asks Pagefind ("账户 被盗").
"""

from __future__ import annotations

import asyncio
import json
import re
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
    """A bundle whose entry file names its language(s) and no "unknown" language, and has no empty file
    (the overlapped indexing this module once did left pagefind-ui.css or the entry file empty)."""
    try:
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    languages = entry.get("languages") or {}
    files = [p for p in output.rglob("*") if p.is_file()]
    return bool(languages) and "unknown" not in languages and all(p.stat().st_size for p in files)


async def _index(site_dir: Path, output: Path, paths: list[str]) -> int:
    from pagefind.index import PagefindIndex

    config = {"exclude_selectors": EXCLUDED, "output_path": str(output)}
    async with PagefindIndex(config=config) as index:  # writes the bundle when the block ends
        return (await index.add_directory(str(site_dir), glob=files_glob(paths)))["page_count"]


def words_file(words: set[str]) -> str:
    """The Chinese words, longest first (search.js takes the longest word that matches)."""
    return "\n".join(sorted(words, key=lambda w: (-len(w), w))) + "\n"


def index_site(site_dir: Path, pages: dict[str, list[str]], roots: dict[str, str]) -> None:
    """A site-wide step: one bundle per language, one after another, from the written pages.

    `pages` maps a language to its indexed pages (paths relative to site_dir); `roots` maps it to
    where its pages live ('' or 'ru/'). One Pagefind process at a time: with the three languages
    indexed at once, a build wrote a Russian bundle with empty files (scripts/perf_pairs.py,
    2026-12-01, the 4th of 4 builds), as the indexing that overlapped the next language's build
    once did to the English one."""
    for lang, paths in pages.items():
        output = site_dir / roots[lang] / "pagefind"
        try:
            indexed = asyncio.run(_index(site_dir, output, paths))
        except Exception as exc:
            raise BuildError(f"Pagefind could not build the {lang} search index: {exc}") from exc
        if not bundle_ok(output):
            raise BuildError(f"Pagefind wrote a broken bundle in {output}")
        if indexed < len(paths):
            raise BuildError(f"The {lang} search index covers {indexed} pages, but {len(paths)} were built.")


def write_words(site_dir: Path, words: dict[str, set[str]], roots: dict[str, str]) -> None:
    """A site-wide step: search-words.txt for each language written without spaces."""
    for lang, found in words.items():
        (site_dir / roots[lang] / WORDS_FILE).write_text(words_file(found), encoding="utf-8")


def html_step(html: str, page) -> str:
    """The pipeline's search step (page HTML): the title weighs most."""
    return weigh_title(html)
