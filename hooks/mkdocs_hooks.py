"""The MkDocs adapter: the one hook mkdocs.yml lists. It connects hooks/pipeline.py to MkDocs' events.

Responsibilities (nothing else; every rule lives in the steps):
- give each step a `pipeline.Page` built from MkDocs' page: its language, its source path, the
  front matter as MkDocs parsed it, and the number of front-matter lines (counted in memory from
  the source MkDocs read, for error messages);
- run the page steps from MkDocs' page events, and turn a step's BuildError into MkDocs' error;
- collect what the site-wide steps need, per language (indexed pages, 404 page, PDF jobs), and
  run the site-wide steps once, when every language listed in mkdocs.yml has finished its build.

mkdocs-static-i18n builds each language as its own MkDocs build (the others inside the first
one's post-build). This adapter reads none of its attributes and assumes no order: a build's
language is the theme language the build was configured with, builds are tracked as they start
and end, and the site-wide steps run when the last of the languages ends, whichever it is.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils.meta import YAML_RE, get_data

import diagrams
import facts
import html_lang
import parity
import pdfs
import pipeline
import search
import tools
from _common import BuildError, languages, relative_url, strings, url_prefix

STALENESS = logging.getLogger("guide.staleness")  # outside MkDocs' loggers: --strict does not fail on it


def read_page(path: Path) -> tuple[str, dict]:
    """A source page as MkDocs reads it: (body, front matter), split by MkDocs' own parser."""
    mtime = path.stat().st_mtime
    return _read_page(str(path), mtime)


@functools.lru_cache(maxsize=1024)
def _read_page(path: str, mtime: float) -> tuple[str, dict]:
    with open(path, encoding="utf-8-sig") as source:
        return get_data(source.read())


def front_matter_error(source: str, origin: str) -> str | None:
    """Why a page's front matter was not read (MkDocs silently keeps invalid YAML as text)."""
    m = YAML_RE.match(source)
    if not m:
        return None
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark else ""
        return (
            f"{origin}{line}: the front matter is not valid YAML ({getattr(exc, 'problem', exc)}). "
            "Put a value that contains ': ' in double quotes."
        )
    if not isinstance(data, dict):
        return f"{origin}: the front matter is not a list of `key: value` lines"
    return None


def engine_errors(handler):
    """A step's BuildError becomes MkDocs' PluginError: MkDocs prints the message and stops."""

    @functools.wraps(handler)
    def run(*args, **kwargs):
        try:
            return handler(*args, **kwargs)
        except BuildError as exc:
            raise PluginError(str(exc)) from None

    return run


@dataclass
class Cycle:
    """One build of the whole site: every language, each its own MkDocs build."""

    expected: tuple[str, ...]
    site: pipeline.Site
    building: list[str] = field(default_factory=list)  # languages whose build has started, not ended
    done: set[str] = field(default_factory=set)
    finished: bool = False
    pdfs_missing: str | None = None
    sources: dict[str, str] = field(default_factory=dict)  # src_uri -> the source MkDocs read


class State:
    cycle: Cycle | None = None


def _language(config) -> str:
    return config.theme["language"]


def _start_cycle(config) -> Cycle:
    """Once per build of the site: the checks that concern every language, then fresh state."""
    expected = languages(config.config_file_path) if config.plugins.get("i18n") else (_language(config),)
    problems = parity.missing_pages(Path(config.docs_dir), list(expected))
    if problems:
        raise BuildError("Pages missing in some languages:\n  " + "\n  ".join(problems))
    tools.check_registry()
    for line in facts.expiring(facts.load_registry(), dt.date.today(), facts.max_age_days()):
        STALENESS.warning("fact due for a check: %s", line)
    missing = pdfs.browser_missing()
    if missing:
        pdfs.log.warning(
            "The PDFs of the checklists and the case log are not made, and their pages do not link to them: %s",
            missing,
        )
    diagrams.start()
    base = urlsplit(config.site_url or "/").path or "/"
    site = pipeline.Site(
        site_dir=Path(config.site_dir),
        default=expected[0],
        roots={lang: url_prefix(lang) if len(expected) > 1 else "" for lang in expected},
        base_path=base if base.endswith("/") else base + "/",
    )
    return Cycle(expected=tuple(expected), site=site, pdfs_missing=missing)


def _page(page, lang: str) -> pipeline.Page:
    # page.markdown is the body as MkDocs split it from the source (plugins' changes arrive in the
    # event's argument, not here), so the lines before it are the front matter's.
    offset = 0
    source = State.cycle.sources.get(page.file.src_uri) if State.cycle else None
    body = getattr(page, "markdown", None)
    if source is not None and body is not None and source.endswith(body):
        offset = source.count("\n", 0, len(source) - len(body))
    return pipeline.Page(
        origin=f"docs/{page.file.src_uri}",
        src_uri=page.file.src_uri,
        lang=lang,
        url=page.url,
        offset=offset,
        meta=page.meta,
        read=read_page,
    )


def _current() -> str:
    return State.cycle.building[-1]


@engine_errors
def on_pre_build(config):
    lang = _language(config)
    cycle = State.cycle
    if cycle is None or cycle.finished or lang in cycle.done or lang in cycle.building:
        State.cycle = cycle = _start_cycle(config)
    cycle.building.append(lang)
    cycle.site.pages.setdefault(lang, [])


def on_page_read_source(page, config):
    source = page.file.content_string  # what MkDocs reads anyway; kept to count front-matter lines
    if State.cycle is not None:
        State.cycle.sources[page.file.src_uri] = source
    return source


@engine_errors
def on_page_markdown(markdown, page, config, files):
    source = State.cycle.sources.get(page.file.src_uri, "")
    if not page.meta and source.startswith("---"):
        problem = front_matter_error(source, f"docs/{page.file.src_uri}")
        if problem:
            raise BuildError(problem)
    return pipeline.run(pipeline.MARKDOWN, markdown, _page(page, _current()))


def language_tags() -> dict[str, str]:
    """Each language's tag in HTML (zh → zh-Hans), for the language menu (overrides/partials/alternate.html)."""
    return {lang: html_lang.tag(lang) for lang in languages()}


@engine_errors
def on_page_content(html, page, config, files):
    lang = _current()
    if lang in search.UNSPACED:
        words = State.cycle.site.words.setdefault(lang, set())
        words |= search.words_of(html + " " + str(page.meta.get("description", "")))
    return pipeline.run(pipeline.PAGE_HTML, html, _page(page, lang))


def on_page_context(context, page, config, nav):
    lang, site = _current(), State.cycle.site
    context["ui"] = strings(lang)
    context["language_tags"] = language_tags()
    checked = facts.facts_checked(facts.load_registry())
    context["facts_checked"] = checked.isoformat()
    context["facts_checked_local"] = facts.local_date(checked, lang)
    root = site.roots[lang]
    context["search_bundle"] = search.bundle_url(root, page.url)
    if lang in search.UNSPACED:
        context["search_words"] = relative_url(f"{root}{search.WORDS_FILE}", page.url)
    name = pdfs.pdf_name(page.meta, page.file.src_uri)
    context["page_pdf"] = None
    if name and State.cycle.pdfs_missing is None:
        context["page_pdf"] = name
        site.pdf_jobs.append(pdfs.Job(f"docs/{page.file.src_uri}", lang, Path(page.file.abs_dest_path), name))
    return context


def on_template_context(context, template_name, config):
    context["ui"] = strings(_current())
    context["language_tags"] = language_tags()
    # A page that is no page of the docs (404.html): its language menu leads to each language's
    # home. mkdocs-static-i18n leaves there the links of the last page it built (a Russian 404
    # offered English as /sellers/contact-a-seller/).
    site = State.cycle.site
    context["language_homes"] = {lang: site.base_path + root for lang, root in site.roots.items()}
    return context


@engine_errors
def on_post_page(output, page, config):
    lang = _current()
    output = pipeline.run(pipeline.PAGE_OUTPUT, output, _page(page, lang))
    if "data-pagefind-body" in output:
        State.cycle.site.pages[lang].append(page.file.dest_uri)
    return output


@engine_errors
def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    lang = _current()
    page = pipeline.Page(origin=f"404.html ({lang})", src_uri="404.html", lang=lang)
    output_content = pipeline.run(pipeline.PAGE_OUTPUT, output_content, page)
    State.cycle.site.not_found[lang] = output_content
    return output_content


@event_priority(-200)  # after every other plugin's post-build work in the same build
@engine_errors
def on_post_build(config):
    cycle = State.cycle
    cycle.done.add(cycle.building.pop())
    if cycle.done >= set(cycle.expected) and not cycle.finished:
        cycle.finished = True
        pipeline.run_site(cycle.site)


def on_build_error(error):
    """A build that stopped (`mkdocs serve` goes on): the next build starts afresh."""
    diagrams.close()
    State.cycle = None
