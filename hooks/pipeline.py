"""The build, in order: what happens to each page, and what happens to the site once.

Every step is a plain function; none imports MkDocs (tests/unit/test_pipeline.py checks it).
hooks/mkdocs_hooks.py connects them to MkDocs' events; another engine would call the same lists.

1. MARKDOWN: each page's Markdown, before it is converted (str -> str):
   facts -> tools -> labels -> templates -> diagrams -> notices
2. PAGE_HTML: the page's article HTML, after conversion (str -> str): diagrams -> checklists -> search
3. PAGE_OUTPUT: the whole page, after the theme (str -> str; the 404 page too):
   language -> typography -> valid-html
4. SITE: once, after every language is built, over site/:
   check-data -> 404 -> diagram-fallback -> search-words -> search -> pdfs -> csp

A step that needs another step's output names it in `after`, with the reason; the lists are
checked when this module loads, so a reordering that breaks a need stops the build at once.
Steps without such a need do not depend on each other's order: the unit tests run every page
through the pipeline with each such pair swapped and expect the same HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import checklists
import diagrams
import facts
import html_lang
import labels
import not_found
import pdfs
import search
import templates
import tools
import translations
import typography
import valid_html
from _common import BuildError
from csp import secure_site


@dataclass(frozen=True)
class Page:
    """What a step knows about the page it works on (nothing engine-specific)."""

    origin: str  # the source file as a contributor sees it: docs/ru/problems/missing-parcel.md
    src_uri: str  # ru/problems/missing-parcel.md
    lang: str  # the build's language: en, ru, zh
    url: str = ""  # ru/problems/missing-parcel/
    offset: int = 0  # source lines before the Markdown (the front matter), for line numbers
    meta: dict = field(default_factory=dict)  # the front matter, as the engine parsed it
    read: Callable[[Path], tuple[str, dict]] | None = None  # another source file -> (body, front matter)


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable
    after: tuple[str, ...] = ()  # steps whose output this one needs
    why: str = ""  # the reason, for a reader of this list


IN_FENCES = (
    "{fact:…} and {label:…} inside a fenced block render as plain text, so they are resolved while "
    "the block is still a fence"
)

MARKDOWN = (
    Step("facts", facts.markdown_step),  # {fact:…}, {fact-url:…}, {period:…}, {facts-table}
    Step("tools", tools.markdown_step),  # {tool-strings:…}, {fact-source:…}, {deadline-periods} …
    Step("labels", labels.markdown_step),  # {label:…}, {labels-table}
    Step("templates", templates.markdown_step, after=("facts", "labels"), why=IN_FENCES),  # ```template
    Step("diagrams", diagrams.markdown_step, after=("facts", "labels"), why=IN_FENCES),  # ```mermaid
    Step("notices", translations.markdown_step),  # outdated-translation notice, {translation-status}
)

PAGE_HTML = (
    Step("diagrams", diagrams.html_step),  # the SVG in place of the Markdown step's placeholder
    Step("checklists", checklists.html_step),  # task-list labels and item ids
    Step("search", search.html_step),  # the title weighs most
)

PAGE_OUTPUT = (
    Step("language", html_lang.output_step),  # <html lang="zh-Hans">
    Step("typography", typography.output_step),  # Russian non-breaking spaces
    Step("valid-html", valid_html.output_step),  # repairs of Material's markup
)


@dataclass
class Site:
    """What the site-wide steps know: the built folder and what each language's build collected."""

    site_dir: Path
    default: str  # the default language (its pages are at the root)
    roots: dict[str, str]  # language -> where its pages live: '' or 'ru/'
    base_path: str = "/"  # the path of site_url: '/guide/'
    pages: dict[str, list[str]] = field(default_factory=dict)  # language -> indexed pages
    words: dict[str, set[str]] = field(default_factory=dict)  # language -> words (unspaced scripts)
    not_found: dict[str, str] = field(default_factory=dict)  # language -> its rendered 404 page
    pdf_jobs: list = field(default_factory=list)  # pdfs.Job for each printable page


SITE = (
    Step("check-data", lambda site: tools.write_check_data(site.site_dir)),
    Step("404", lambda site: not_found.write_pages(site.site_dir, site.not_found, site.default, site.base_path)),
    Step("diagram-fallback", lambda site: diagrams.finish_site(site.site_dir)),
    Step("search-words", lambda site: search.write_words(site.site_dir, site.words, site.roots)),
    Step("search", lambda site: search.index_site(site.site_dir, site.pages, site.roots)),
    Step("pdfs", lambda site: pdfs.make(site.pdf_jobs)),
    Step(
        "csp",
        lambda site: secure_site(site.site_dir),
        after=("404", "diagram-fallback", "pdfs"),
        why="it hashes each page's inline scripts, so every page must be final (the 404 pages, "
        "a page whose PDF link is taken out)",
    ),
)


def check_order(steps: tuple[Step, ...]) -> None:
    """Stop if a step comes before a step it needs, or needs a step that is not in the list."""
    seen: set[str] = set()
    names = {step.name for step in steps}
    for step in steps:
        for need in step.after:
            if need not in names:
                raise BuildError(f"hooks/pipeline.py: step '{step.name}' needs '{need}', which is not in its list")
            if need not in seen:
                raise BuildError(f"hooks/pipeline.py: step '{step.name}' must come after '{need}' ({step.why})")
        seen.add(step.name)


for _steps in (MARKDOWN, PAGE_HTML, PAGE_OUTPUT, SITE):
    check_order(_steps)


def run(steps: tuple[Step, ...], text: str, page: Page) -> str:
    """Pass the text through the steps, in order."""
    for step in steps:
        text = step.run(text, page)
    return text


def run_site(site: Site, steps: tuple[Step, ...] = SITE) -> None:
    for step in steps:
        step.run(site)
