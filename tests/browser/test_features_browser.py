"""In Chromium, every language: diagrams render as SVG with their labels as text (with and
without JavaScript), templates copy exactly what the reader filled in, checklists print on
one A4 and one Letter page with visible boxes and remember ticks."""

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

import facts as F
from _common import find_fences
from diagrams import parse_flowchart
from support import LANGUAGES, PREFIX, ROOT, assert_none
from templates import PLACEHOLDER, split_texts


def sources_with(lang_fence: str) -> list[str]:
    docs = ROOT / "docs" / "en"
    return sorted(
        p.relative_to(docs).with_suffix("").as_posix()
        for p in docs.rglob("*.md")
        if any(f.lang == lang_fence for f in find_fences(p.read_text(encoding="utf-8")))
    )


def fences(lang: str, page: str, kind: str):
    """The page's fenced blocks as the build sees them: registry references resolved."""
    text = (ROOT / "docs" / lang / f"{page}.md").read_text(encoding="utf-8")
    text = F.resolve(text, F.load_registry(), f"docs/{lang}/{page}.md", lang)
    return [f for f in find_fences(text) if f.lang == kind]


def url_of(server, lang, page):
    return server + PREFIX[lang] + ("" if page == "index" else page + "/")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


DIAGRAM_PAGES = sources_with("mermaid")
CHECKLISTS = sorted(
    p.relative_to(ROOT / "docs" / "en").with_suffix("").as_posix()
    for p in (ROOT / "docs" / "en" / "checklists").glob("*.md")
)


def test_the_guide_has_its_diagrams_and_checklists():
    assert {"choose-a-channel", "problems/missing-parcel", "escalation/escalation-path"} <= set(DIAGRAM_PAGES)
    assert {"checklists/buyer", "checklists/seller", "checklists/support-agent", "checklists/before-you-call"} <= set(
        CHECKLISTS
    )


# --- diagrams ---------------------------------------------------------------------------------


def check_diagrams(page, lang, path):
    expected = fences(lang, path, "mermaid")
    figures = page.locator("figure.diagram")
    assert figures.count() == len(expected)
    for n, fence in enumerate(expected):
        figure = figures.nth(n)
        svg_text = squash(figure.locator("svg").first.text_content())
        steps = figure.locator(".diagram__steps").text_content()
        for label in parse_flowchart(fence.body).labels.values():
            assert squash(label) in svg_text, f"{lang}/{path}: '{label}' is not text in the SVG"
            assert label in steps, f"{lang}/{path}: '{label}' is missing from the text version"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", DIAGRAM_PAGES)
def test_diagrams_render_with_labels_as_text(server, context, page, output_dir, lang, path):
    page.goto(url_of(server, lang, path))
    check_diagrams(page, lang, path)
    assert_none(context.recorder.external)
    assert_none(context.recorder.console_errors)
    if path == "problems/missing-parcel":
        page.locator("figure.diagram").first.screenshot(path=str(output_dir / f"diagram-{lang}.png"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_diagrams_need_no_javascript(server, browser, lang):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        for path in DIAGRAM_PAGES:
            page.goto(url_of(server, lang, path))
            check_diagrams(page, lang, path)
            assert page.locator("script[src*=mermaid]").count() == 0
    finally:
        ctx.close()


def test_diagram_check_catches_a_missing_label(server, page):
    page.goto(url_of(server, "en", "problems/missing-parcel"))
    page.evaluate("document.querySelectorAll('figure.diagram svg .node').forEach(n => n.remove())")
    with pytest.raises(AssertionError, match="is not text in the SVG"):
        check_diagrams(page, "en", "problems/missing-parcel")


# --- templates --------------------------------------------------------------------------------

SAMPLE = {"en": "Value {n}", "ru": "Значение {n}", "zh": "内容{n}"}


def expected_text(template: str, values: dict[str, str], which: int = 0) -> str:
    """What a copy button must put on the clipboard: the text to send (0) or its translation (1)."""
    text = split_texts(template.strip("\n"))[which]
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1)) or m.group(0), text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copy_puts_exactly_the_filled_template_on_the_clipboard(server, browser, lang):
    ctx = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = ctx.new_page()
        page.goto(url_of(server, lang, "templates"))
        sources = fences(lang, "templates", "template")
        blocks = page.locator("[data-template]")
        assert blocks.count() == len(sources) >= 7
        for n, fence in enumerate(sources):
            block = blocks.nth(n)
            names = list(dict.fromkeys(PLACEHOLDER.findall(fence.body)))
            values = {}
            for k, name in enumerate(names):
                if k == len(names) - 1 and k > 0:
                    continue  # leave the last field empty: its placeholder stays marked
                values[name] = SAMPLE[lang].format(n=k + 1)
                field = block.get_by_label(name, exact=True)
                field.fill(values[name])
                field.dispatch_event("input")
            block.locator(".tpl__copy").first.click()
            page.wait_for_function("el => el.textContent !== ''", arg=block.locator(".tpl__status").element_handle())
            copied = page.evaluate("navigator.clipboard.readText()")
            assert copied == expected_text(fence.body, values), f"{lang}/templates.md template {n + 1}"
            if split_texts(fence.body.strip("\n"))[1] is not None:
                block.locator(".tpl__status").evaluate("el => { el.textContent = ''; }")
                block.locator(".tpl__copy").nth(1).click()
                page.wait_for_function(
                    "el => el.textContent !== ''", arg=block.locator(".tpl__status").element_handle()
                )
                copied = page.evaluate("navigator.clipboard.readText()")
                assert copied == expected_text(fence.body, values, 1), f"{lang}/templates.md translation {n + 1}"
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_translated_pages_send_english(lang):
    """On the Russian and Chinese templates pages every message to Amazon or a seller has the
    English text to send first and the reader's language after it; only a letter to a bank
    outside the US (in the reader's banking language) has one text."""
    local_only = [f.body for f in fences(lang, "templates", "template") if split_texts(f.body.strip("\n"))[1] is None]
    assert len(local_only) <= 1
    for fence in fences(lang, "templates", "template"):
        send, local = split_texts(fence.body.strip("\n"))
        if local is not None:
            assert re.search(r"\b(Hello|I am|I would|Please|Thank you)\b", send), send[:80]


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_a_field_name_in_the_english_text_keeps_its_language_until_filled(server, page, lang):
    """The English text shows an empty field's name in the page's language (lang) and what the
    reader types in the text's own; emptying the field brings the name and its language back."""
    page.goto(url_of(server, lang, "templates"))
    block = page.locator("[data-template]").first
    field = block.locator("input[data-field]").first
    span = block.locator(f'pre[lang="en"] .tpl__ph[data-field="{field.get_attribute("data-field")}"]').first
    page_lang = page.evaluate("document.documentElement.lang")
    assert span.get_attribute("lang") == page_lang
    field.fill("123-4567890-1234567")
    assert span.get_attribute("lang") is None and span.text_content() == "123-4567890-1234567"
    field.fill("")
    assert span.get_attribute("lang") == page_lang and span.text_content() == span.get_attribute("data-empty")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_a_template_is_plain_text(server, browser, lang):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(url_of(server, lang, "templates"))
        for n, fence in enumerate(fences(lang, "templates", "template")):
            block = page.locator("[data-template]").nth(n)
            texts = [t for t in split_texts(fence.body.strip("\n")) if t is not None]
            assert block.locator("pre").all_inner_texts() == texts
            assert not block.locator(".tpl__fields").is_visible()
    finally:
        ctx.close()


# --- checklists -------------------------------------------------------------------------------


def pdf_pages(page, size: str) -> int:
    return len(PdfReader(io.BytesIO(page.pdf(format=size, print_background=True))).pages)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", CHECKLISTS)
def test_checklist_prints_on_one_page_with_visible_boxes(server, page, output_dir, lang, path):
    page.goto(url_of(server, lang, path))
    page.emulate_media(media="print")
    assert pdf_pages(page, "A4") == 1, f"{lang}/{path} spills onto a second A4 page"
    assert pdf_pages(page, "Letter") == 1, f"{lang}/{path} spills onto a second Letter page"
    boxes = page.locator(".task-list-indicator")
    assert boxes.count() >= 8
    style = boxes.first.evaluate(
        "el => { const s = getComputedStyle(el, '::before');"
        " return {w: parseFloat(s.borderTopWidth), c: s.borderTopColor, bg: s.backgroundColor, h: parseFloat(s.height)}; }"
    )
    assert style["w"] >= 1 and style["c"] == "rgb(0, 0, 0)" and style["h"] >= 8, style
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    footer = page.locator(".print-footer")
    # the date of the oldest fact check, as the page's readers write dates, in a machine-readable <time>
    checked = footer.locator("time")
    assert footer.is_visible() and re.fullmatch(r"\d{4}-\d{2}-\d{2}", checked.get_attribute("datetime"))
    assert F.local_date(dt.date.fromisoformat(checked.get_attribute("datetime")), lang) == checked.inner_text()
    assert page.locator("h1").first.is_visible()
    if path == "checklists/buyer":
        page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
        page.screenshot(path=str(output_dir / f"checklist-print-{lang}.png"), full_page=True)


def test_one_page_check_catches_a_long_checklist(server, page):
    page.goto(url_of(server, "en", "checklists/buyer"))
    page.evaluate(
        "const l = document.querySelector('.task-list'); for (let i = 0; i < 40; i++) l.append(l.lastElementChild.cloneNode(true));"
    )
    page.emulate_media(media="print")
    assert pdf_pages(page, "A4") > 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ticks_are_remembered_and_cleared(server, page, lang):
    page.goto(url_of(server, lang, "checklists/before-you-call"))
    boxes = page.get_by_role("checkbox")
    for n in range(boxes.count()):
        assert boxes.nth(n).evaluate("el => el.labels.length && el.labels[0].innerText.trim().length > 0")
    page.locator(".task-list-text").nth(0).click()
    page.locator(".task-list-text").nth(2).click()
    page.reload()
    boxes = page.get_by_role("checkbox")
    assert [boxes.nth(n).is_checked() for n in range(3)] == [True, False, True]
    page.locator("[data-checklist-clear]").click()
    page.reload()
    assert not any(page.get_by_role("checkbox").nth(n).is_checked() for n in range(3))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_checklist_edit_keeps_each_tick_on_its_item(server, page, lang):
    """A reader ticks two items; the checklist is then edited (an item added at the top, one
    removed, the rest reordered). After a reload each tick is still on the item it was on."""
    url = url_of(server, lang, "checklists/buyer")
    page.goto(url)
    texts = page.locator(".task-list-text").all_inner_texts()
    ticked = [texts[1], texts[3]]
    for text in ticked:
        page.locator(".task-list-control", has_text=text).first.click()

    def edited(route):
        from bs4 import BeautifulSoup

        response = route.fetch()
        doc = BeautifulSoup(response.text(), "html.parser")
        items = doc.select("li.task-list-item[data-item]")
        assert len(items) >= 5, "the checklist's items were not found"
        items[2].decompose()  # an item removed
        for ul in doc.select("ul.task-list"):  # every list reordered
            children = ul.find_all("li", recursive=False)
            for child in children:
                child.extract()
            for child in reversed(children):
                ul.append(child)
        added = BeautifulSoup(str(items[0]), "html.parser").li  # a new item at the top
        added["data-item"] = "0000000000"
        added.select_one(".task-list-text").string = "A new first item"
        added.select_one("input").attrs.pop("checked", None)
        doc.select_one("ul.task-list").insert(0, added)
        route.fulfill(response=response, body=str(doc))

    page.route(url, edited)
    page.reload()
    now = page.locator(".task-list-text").all_inner_texts()
    assert now[0] == "A new first item" and now != texts, "the page was not edited"
    checked = {
        page.locator(".task-list-text").nth(n).inner_text(): page.locator(".task-list-control input")
        .nth(n)
        .is_checked()
        for n in range(len(now))
    }
    assert {t for t, on in checked.items() if on} == set(ticked), checked


def test_ticks_saved_by_position_are_kept_once_and_rewritten_by_item(server, page):
    url = url_of(server, "en", "checklists/buyer")
    page.goto(url)
    path = page.evaluate("location.pathname")
    page.evaluate(f"localStorage.setItem('checklist:{path}', '[0,2]')")
    page.reload()
    boxes = page.locator(".task-list-control input")
    assert [boxes.nth(n).is_checked() for n in range(3)] == [True, False, True]
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('checklist:{path}'))")
    ids = page.evaluate("[...document.querySelectorAll('[data-item]')].map(li => li.dataset.item)")
    assert stored == [ids[0], ids[2]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_in_checklist_items_are_underlined(server, page, lang):
    """A link inside running text is told apart by more than colour (WCAG 1.4.1; Lighthouse's
    link-in-text-block), including inside a checklist item's label."""
    page.goto(url_of(server, lang, "checklists/buyer"))
    links = page.locator(".task-list-text a")
    assert links.count() > 0
    styles = links.evaluate_all("as => as.map(a => getComputedStyle(a).textDecorationLine)")
    assert all("underline" in s for s in styles), styles
