"""The pipeline (hooks/pipeline.py) and its MkDocs adapter (hooks/mkdocs_hooks.py).

- the steps import nothing from MkDocs; only the adapter does;
- every declared order is needed, and every pair of steps without one gives the same output in
  either order, on every source page;
- the site-wide steps run once per build of the site, after the last language, whatever order
  the languages are built in, nested or one after another;
- error line numbers count the front matter, from the source in memory.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

import diagrams
import mkdocs_hooks
import pipeline
from _common import BuildError, relative_url
from support import LANGUAGES, PREFIX, ROOT

HOOKS = ROOT / "hooks"
ADAPTERS = {"mkdocs_hooks.py"}


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_no_step_imports_mkdocs():
    steps = [p for p in sorted(HOOKS.glob("*.py")) if p.name not in ADAPTERS]
    assert len(steps) > 10
    offenders = [p.name for p in steps if imported_modules(p) & {"mkdocs", "material", "mkdocs_static_i18n"}]
    assert offenders == []
    assert "mkdocs" in imported_modules(HOOKS / "mkdocs_hooks.py")  # the check can see an import


def test_mkdocs_lists_only_the_adapter():
    from _common import read_config

    assert read_config()["hooks"] == ["hooks/mkdocs_hooks.py"]


def test_relative_urls_match_mkdocs():
    urls = ["", "index.html", "404.html", "faq/", "ru/", "ru/faq/", "zh/problems/missing-parcel/", "a/b.html"]
    targets = ["", "./", "assets/check-data.json", "ru/pagefind/pagefind.js", "faq/", "ru/", "/a/../../b", "x.png"]
    for target, url in itertools.product(targets, urls):
        assert relative_url(target, url) == get_relative_url(target, url), (target, url)


def test_a_step_before_what_it_needs_stops_the_build():
    first, second = pipeline.Step("a", str), pipeline.Step("b", str, after=("a",), why="b reads a's output")
    pipeline.check_order((first, second))
    with pytest.raises(BuildError, match=r"step 'b' must come after 'a' \(b reads a's output\)"):
        pipeline.check_order((second, first))
    with pytest.raises(BuildError, match="step 'b' needs 'a', which is not in its list"):
        pipeline.check_order((second,))


# --- order: declared needs are real, everything else commutes ---------------------------------------


def ancestors(steps, name: str) -> set[str]:
    by_name = {s.name: s for s in steps}
    found, todo = set(), list(by_name[name].after)
    while todo:
        need = todo.pop()
        if need not in found:
            found.add(need)
            todo += by_name[need].after
    return found


def swapped_orders(steps):
    """For each pair (a before b) where b does not need a: a valid order with b (and what b needs)
    moved before a."""
    names = [s.name for s in steps]
    by_name = {s.name: s for s in steps}
    for i, j in itertools.combinations(range(len(names)), 2):
        a, b = names[i], names[j]
        if a in ancestors(steps, b):
            continue
        moved = [n for n in names[i + 1 : j + 1] if n == b or n in ancestors(steps, b)]
        order = names[:i] + moved + [n for n in names[i:] if n not in moved]
        yield (a, b), tuple(by_name[n] for n in order)


def source_pages():
    for lang in LANGUAGES:
        for path in sorted((ROOT / "docs" / lang).rglob("*.md")):
            body, meta = mkdocs_hooks.read_page(path)
            src_uri = path.relative_to(ROOT / "docs").as_posix()
            url = PREFIX[lang] + path.relative_to(ROOT / "docs" / lang).with_suffix("").as_posix() + "/"
            page = pipeline.Page(f"docs/{src_uri}", src_uri, lang, url, 0, meta, mkdocs_hooks.read_page)
            yield body, page


# Pages that use what each declared order protects: a fact and a label inside a message template
# and inside a diagram (the site's pages today put only periods there).
NEEDS_PAGES = [
    "# T\n\n```template\nCall {fact:us-phone} and open {label:your-orders}.\n```\n",
    "# T\n\n```mermaid\nflowchart TD\n  A[Open {label:your-orders}] --> B[Call {fact:us-phone}]\n```\n",
]


@pytest.fixture
def no_browser(monkeypatch):
    monkeypatch.setattr(diagrams, "svg_for", lambda key, source: f"<svg>{key}</svg>")


def test_steps_without_a_declared_order_commute_on_every_page(no_browser):
    pages = list(source_pages())
    assert len(pages) > 90
    pages += [(body, pipeline.Page("docs/en/x.md", "en/x.md", "en", "x/")) for body in NEEDS_PAGES]
    expected = [pipeline.run(pipeline.MARKDOWN, body, page) for body, page in pages]
    checked = 0
    for pair, order in swapped_orders(pipeline.MARKDOWN):
        pipeline.check_order(order)
        for (body, page), want in zip(pages, expected, strict=True):
            assert pipeline.run(order, body, page) == want, (
                f"{page.origin}: {pair[1]} before {pair[0]} changes the page"
            )
        checked += 1
    assert checked >= 10


def test_each_declared_order_is_needed(no_browser):
    pages = list(source_pages())
    pages += [(body, pipeline.Page("docs/en/x.md", "en/x.md", "en", "x/")) for body in NEEDS_PAGES]
    for step in pipeline.MARKDOWN:
        for need in step.after:
            names = [s.name for s in pipeline.MARKDOWN]
            names.remove(step.name)
            names.insert(names.index(need), step.name)  # the step just before what it needs
            order = tuple(next(s for s in pipeline.MARKDOWN if s.name == n) for n in names)
            differs = []
            for body, page in pages:
                try:
                    differs.append(pipeline.run(order, body, page) != pipeline.run(pipeline.MARKDOWN, body, page))
                except BuildError:
                    differs.append(True)
            assert any(differs), f"'{step.name}' is declared to need '{need}', but no page shows it"


HTML_PAGES = {
    lang: (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body>'
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<label class="md-nav__link" tabindex="">x</label><article><h1>Title 30 дней — x</h1>'
        '<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
        '<input type="checkbox"/><span class="task-list-indicator"></span></label> 5 % item</li></ul>'
        '<figure class="diagram"><div class="diagram__svg" data-diagram-svg="0123456789abcdef"></div></figure>'
        "</article></body></html>"
    )
    for lang in LANGUAGES
}


@pytest.mark.parametrize("steps", ["PAGE_HTML", "PAGE_OUTPUT"])
def test_html_steps_commute(steps, monkeypatch):
    monkeypatch.setitem(diagrams.State.svgs, "0123456789abcdef", "<svg><text>30 дней</text></svg>")
    steps = getattr(pipeline, steps)
    for lang, html in HTML_PAGES.items():
        page = pipeline.Page(f"docs/{lang}/x.md", f"{lang}/x.md", lang)
        want = pipeline.run(steps, html, page)
        assert want != html
        for order in itertools.permutations(steps):
            assert pipeline.run(order, html, page) == want


# --- the adapter: site-wide steps once, after every language, in any build order -------------------


def fake_config(lang: str, site_dir: Path):
    return SimpleNamespace(
        theme={"language": lang},
        plugins={"i18n": object()},
        config_file_path=str(ROOT / "mkdocs.yml"),
        docs_dir=str(ROOT / "docs"),
        site_dir=str(site_dir),
        site_url="https://example.org/guide/",
    )


@pytest.fixture
def adapter(monkeypatch, tmp_path):
    runs = []
    monkeypatch.setattr(mkdocs_hooks.pipeline, "run_site", lambda site: runs.append(site))
    monkeypatch.setattr(mkdocs_hooks.pdfs, "browser_missing", lambda: None)
    monkeypatch.setattr(mkdocs_hooks.State, "cycle", None)

    def build(events):
        """events: "+ru" starts the Russian build, "-ru" ends it."""
        for event in events:
            config = fake_config(event[1:], tmp_path)
            if event[0] == "+":
                mkdocs_hooks.on_pre_build(config)
                mkdocs_hooks.State.cycle.site.pages[event[1:]].append(f"{event[1:]}/index.html")
            else:
                mkdocs_hooks.on_post_build(config)
        return runs

    return build


ORDERS = {
    "nested, the default language ends last": ["+en", "+zh", "-zh", "+ru", "-ru", "-en"],
    "nested, the default language ends first": ["+en", "-en", "+ru", "-ru", "+zh", "-zh"],
    "one after another, any order": ["+ru", "-ru", "+en", "-en", "+zh", "-zh"],
}


@pytest.mark.parametrize("order", ORDERS)
def test_site_steps_run_once_after_the_last_language(adapter, order):
    events = ORDERS[order]
    runs = adapter(events[:-1])
    assert runs == []  # not before the last language has ended
    runs = adapter(events[-1:])
    assert len(runs) == 1
    assert set(runs[0].pages) == set(LANGUAGES)
    assert all(runs[0].pages[lang] == [f"{lang}/index.html"] for lang in LANGUAGES)
    runs = adapter(events)  # `mkdocs serve` builds again: a fresh cycle, run once more
    assert len(runs) == 2
    assert all(runs[1].pages[lang] == [f"{lang}/index.html"] for lang in LANGUAGES)


def test_a_failed_build_starts_afresh(adapter):
    adapter(["+en", "+zh"])
    mkdocs_hooks.on_build_error(RuntimeError("stopped"))
    runs = adapter(ORDERS["nested, the default language ends last"])
    assert len(runs) == 1 and all(len(runs[0].pages[lang]) == 1 for lang in LANGUAGES)


def fake_page(src_uri: str, source: str):
    file = SimpleNamespace(src_uri=src_uri, content_string=source, dest_uri=src_uri.replace(".md", "/index.html"))
    return SimpleNamespace(file=file, url=src_uri.replace(".md", "/"), meta={})


def test_line_numbers_count_the_front_matter_in_memory(adapter):
    adapter(["+ru"])
    source = "---\ndescription: x\ntranslation_of: abc\n---\n\n# Заголовок\n\nТекст {fact:no-such-fact}\n"
    page = fake_page("ru/x.md", source)
    assert mkdocs_hooks.on_page_read_source(page, None) == source
    page.markdown, page.meta = get_data(source)  # as MkDocs splits it
    changed = page.markdown.rstrip("\n")  # another plugin's on_page_markdown ran first (i18n does)
    with pytest.raises(PluginError, match=r"^docs/ru/x.md:8: unknown fact 'no-such-fact'"):
        mkdocs_hooks.on_page_markdown(changed, page, None, None)


def test_front_matter_that_mkdocs_cannot_read_stops_the_build(adapter):
    adapter(["+en"])
    source = "---\ndescription: Wait: then call\n---\n\n# Title\n"
    page = fake_page("en/x.md", source)
    mkdocs_hooks.on_page_read_source(page, None)
    page.markdown, page.meta = get_data(source)
    assert page.meta == {}  # MkDocs silently keeps invalid front matter as text
    with pytest.raises(PluginError, match=r"^docs/en/x.md:2: the front matter is not valid YAML"):
        mkdocs_hooks.on_page_markdown(source, page, None, None)  # MkDocs kept it as text


def test_rewrites_of_material_markup_fail_loudly_when_nothing_matches():
    page = pipeline.Page("docs/en/x.md", "en/x.md", "en")
    html = HTML_PAGES["en"]
    changed = html.replace(' autocomplete="off"', "")  # Material fixed (or changed) its toggles
    with pytest.raises(BuildError, match=r"docs/en/x.md: 1 of 1 of Material's toggles"):
        pipeline.run(pipeline.PAGE_OUTPUT, changed, page)
    zh = pipeline.Page("docs/zh/x.md", "zh/x.md", "zh")
    with pytest.raises(BuildError, match=r'docs/zh/x.md: no <html lang="zh">'):
        pipeline.run(pipeline.PAGE_OUTPUT, html.replace('lang="en"', "lang=zh"), zh)
