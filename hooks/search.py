"""Search: a Pagefind index per language, built while the site builds.

Pagefind reads each page's <html lang>, so Russian pages get a stemmed Russian index and
Chinese pages a segmented Chinese one; docs/assets/search.js loads only the chunks a query
needs. Only the article body is indexed (overrides/main.html marks it data-pagefind-body),
and the page title weighs most.

Each language's Pagefind service starts with that language's build; when the build ends, its
pages go to the service in a background thread, so indexing runs on the second core while the
next language builds.
Each language has its own bundle (site/pagefind/, site/ru/pagefind/, site/zh/pagefind/);
the build waits for all of them after the last language, and stops if the index covers
fewer pages than were built.

Chinese readers type queries without spaces ("账户被盗"), and Pagefind 1.4 looks such a query up
as one word. The build therefore writes the words of the Chinese pages, cut by jieba (the
segmenter family Pagefind indexes Chinese with), to site/zh/search-words.txt; search.js splits a
query into those words before it asks Pagefind ("账户 被盗").
"""

from __future__ import annotations

import asyncio
import re
import shutil
import threading
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from _common import build_language, is_last_language_build, is_nested_language_build

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
    return get_relative_url(f"{lang_root}pagefind/pagefind.js", page_url)


class Abandoned(Exception):
    """The build stopped before its pages were ready: the index is closed, nothing is written."""


class Indexer:
    """Pagefind's indexing service for one language, driven from a background event loop.

    Created when the language's build starts (launching Pagefind takes a tenth of a second,
    spent while the pages are built); `index(paths)` hands it the pages once they are written.
    """

    loop: asyncio.AbstractEventLoop | None = None

    def __init__(self, output: Path, site_dir: Path):
        from pagefind.index import PagefindIndex

        if Indexer.loop is None:
            Indexer.loop = asyncio.new_event_loop()
            threading.Thread(target=Indexer.loop.run_forever, name="pagefind", daemon=True).start()
        index = PagefindIndex(config={"exclude_selectors": EXCLUDED, "output_path": str(output)})
        self.output, self.site_dir, self.paths = output, site_dir, None
        self.pages: asyncio.Future = Indexer.loop.create_future()

        async def build_bundle() -> int:
            async with index:  # writes the bundle when the block ends without an error
                paths = await self.pages
                if paths is None:
                    raise Abandoned
                return (await index.add_directory(str(site_dir), glob=files_glob(paths)))["page_count"]

        self.job = asyncio.run_coroutine_threadsafe(build_bundle(), Indexer.loop)

    def index(self, paths: list[str] | None) -> None:
        """Index these pages (paths relative to the site folder); None: write nothing."""
        self.paths = paths
        Indexer.loop.call_soon_threadsafe(lambda: self.pages.done() or self.pages.set_result(paths))


def bundle_ok(output: Path) -> bool:
    """A bundle whose entry file names its language(s) and no "unknown" language."""
    import json

    try:
        entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    languages = entry.get("languages") or {}
    return bool(languages) and "unknown" not in languages


class State:
    indexers: list[Indexer] = []
    language_pages: list[str] = []
    pages = 0
    words: set[str] = set()


def language_root(config) -> str:
    """'' for the default language, 'ru/' for Russian: where the language's pages live."""
    i18n = config.plugins.get("i18n")
    lang = build_language(config)
    return "" if not i18n or lang == i18n.default_language else f"{lang}/"


def on_pre_build(config):
    if not is_nested_language_build(config):
        abandon()
        State.pages = 0
    State.language_pages = []
    State.words = set()
    site_dir = Path(config.site_dir)
    State.indexers.append(Indexer(site_dir / language_root(config) / "pagefind", site_dir))


def abandon() -> None:
    """Close the services of a build that stopped (`mkdocs serve` goes on after an error)."""
    for indexer in State.indexers:
        indexer.index(None)
    State.indexers = []


def on_build_error(error):
    abandon()


def on_page_content(html, page, config, files):
    if build_language(config) in UNSPACED:
        State.words |= words_of(html + " " + str(page.meta.get("description", "")))
    return weigh_title(html)


def on_page_context(context, page, config, nav):
    root = language_root(config)
    context["search_bundle"] = bundle_url(root, page.url)
    if build_language(config) in UNSPACED:
        context["search_words"] = get_relative_url(f"{root}{WORDS_FILE}", page.url)
    return context


def on_post_page(output, page, config):
    if "data-pagefind-body" in output:
        State.language_pages.append(page.file.dest_path)
    return output


def on_post_build(config):
    """Runs before mkdocs-static-i18n starts the next language (its hook has priority -100)."""
    State.indexers[-1].index(State.language_pages)  # the language that just finished
    if build_language(config) in UNSPACED:
        words = "\n".join(sorted(State.words, key=lambda w: (-len(w), w)))
        (Path(config.site_dir) / language_root(config) / WORDS_FILE).write_text(words + "\n", encoding="utf-8")
    State.pages += len(State.language_pages)
    State.language_pages = []
    if not is_last_language_build(config):
        return
    indexers, State.indexers = State.indexers, []
    try:
        indexed = sum(indexer.job.result() for indexer in indexers)
        # A bundle indexed while the next language was being written once came out broken (CI,
        # 2026-12-01: an empty pagefind-entry.json). Every page is written now: index it again.
        for indexer in indexers:
            if not bundle_ok(indexer.output):
                shutil.rmtree(indexer.output, ignore_errors=True)
                again = Indexer(indexer.output, indexer.site_dir)
                again.index(indexer.paths)
                again.job.result()
                if not bundle_ok(indexer.output):
                    raise PluginError(f"Pagefind wrote a broken bundle in {indexer.output}")
    except PluginError:
        raise
    except Exception as exc:
        raise PluginError(f"Pagefind could not build the search index: {exc}") from exc
    if indexed < State.pages:
        raise PluginError(f"The search index covers {indexed} pages, but {State.pages} were built.")
