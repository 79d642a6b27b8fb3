"""Search: a Pagefind index per language, built after the last language of every build.

Pagefind reads each page's <html lang>, so Russian pages get a stemmed Russian index and
Chinese pages a segmented Chinese one; docs/assets/search.js loads only the chunks a query
needs. Only the article body is indexed (overrides/main.html marks it data-pagefind-body).
The build stops if the index covers fewer pages than were built.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _common import is_nested_language_build


class State:
    pages = 0


def on_pre_build(config):
    if not is_nested_language_build(config):
        State.pages = 0


def weigh_title(html: str) -> str:
    """Give the page title the highest search weight: a match in the title ranks first."""
    return re.sub(r"<h1(?![^>]*data-pagefind-weight)", '<h1 data-pagefind-weight="10"', html, count=1)


def on_page_content(html, page, config, files):
    return weigh_title(html)


def on_post_page(output, page, config):
    if "data-pagefind-body" in output:
        State.pages += 1
    return output


def run_pagefind(site_dir: Path) -> str:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(site_dir),
            "--output-subdir",
            "pagefind",
            "--exclude-selectors",
            ".headerlink",
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise PluginError(f"Pagefind failed to index {site_dir}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def indexed_pages(pagefind_output: str) -> int:
    """The page count Pagefind reports ('Indexed 96 pages')."""
    m = re.search(r"Indexed (\d+) pages?", pagefind_output)
    return int(m.group(1)) if m else 0


@event_priority(-200)
def on_post_build(config):
    if is_nested_language_build(config):
        return
    output = run_pagefind(Path(config.site_dir))
    indexed = indexed_pages(output)
    if indexed < State.pages:
        raise PluginError(f"Search index covers {indexed} pages but {State.pages} were built:\n{output}")
