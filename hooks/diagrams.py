"""Decision diagrams: ```mermaid flowcharts become inline SVG plus a generated text version.

Responsibilities:
- parse each flowchart (a small, strict subset of mermaid) and stop the build on a syntax
  error, naming the file and line;
- render it to SVG at build time in headless Chromium with the locally installed mermaid
  (node_modules, pinned in package.json), cached in .cache/diagrams/ by a hash of the source,
  so readers download no diagram script and an unchanged diagram costs nothing on rebuild;
- write the same steps as an ordered list beside the picture (screen readers, no-JS, print);
- put the SVG into the page after the Markdown is converted (the Markdown step leaves a
  placeholder naming the cached picture): Python-Markdown would otherwise parse every element of
  the SVG as raw HTML, twice (md_in_html and MkDocs' anchor check);
- without a browser (a contributor's `serve`), fall back to a locally served mermaid with a
  visible warning. Never a CDN.
"""

from __future__ import annotations

import atexit
import hashlib
import html
import json
import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from _browser import BuildBrowser
from _common import ROOT, BuildError, relative_url, replace_fences, strings

log = logging.getLogger("mkdocs.hooks.diagrams")

MERMAID_JS = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
CACHE_DIR = ROOT / ".cache" / "diagrams"
VENDOR_URL = "assets/vendor/mermaid.min.js"
PLACEHOLDER_ATTR = "data-diagram-svg"
PLACEHOLDER = re.compile(rf'<div class="diagram__svg" {PLACEHOLDER_ATTR}="([0-9a-f]{{16}})"></div>')
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
MERMAID_CONFIG = {
    "startOnLoad": False,
    "theme": "neutral",
    "securityLevel": "strict",
    "htmlLabels": False,
    "fontFamily": FONT,
    # wrappingWidth: wide enough that no word of any language is cut (a narrower box split
    # «отслеживании» in two); tests/site/test_diagram_labels.py checks every label.
    "flowchart": {"htmlLabels": False, "useMaxWidth": True, "curve": "basis", "wrappingWidth": 260},
}

HEADER = re.compile(r"^(flowchart|graph)\s+(TD|TB|BT|LR|RL)\s*;?$")
EDGE = re.compile(r"\s*(?:-->|---|-\.->|==>)\s*(?:\|\s*(?P<label>[^|]*?)\s*\|\s*)?")
NODE = re.compile(r"^(?P<id>[A-Za-z][A-Za-z0-9_]*)\s*(?P<shape>.*)$")
SHAPES = [
    ("((", "))"),
    ("([", "])"),
    ("[[", "]]"),
    ("[(", ")]"),
    ("{{", "}}"),
    ("[", "]"),
    ("(", ")"),
    ("{", "}"),
    (">", "]"),
]
SKIPPED = re.compile(
    r"^(%%|subgraph\b|end$|direction\b|classDef\b|class\b|style\b|linkStyle\b|click\b|accTitle\b|accDescr\b)"
)


class DiagramError(BuildError):
    pass


@dataclass
class Flowchart:
    labels: dict[str, str] = field(default_factory=dict)  # node id -> label, in order of first use
    edges: list[tuple[str, str, str]] = field(default_factory=list)  # (from, to, label)
    decisions: set[str] = field(default_factory=set)


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return html.unescape(text.replace("#quot;", '"'))


def _node(spec: str, chart: Flowchart, line: int) -> str:
    m = NODE.match(spec.strip())
    if not m:
        raise DiagramError(f"line {line}: '{spec.strip()}' is not a node (use an ASCII id such as step1[\"Label\"])")
    node_id, shape = m.group("id"), m.group("shape").strip()
    if shape:
        for opening, closing in SHAPES:
            if shape.startswith(opening) and shape.endswith(closing) and len(shape) >= len(opening) + len(closing):
                label = _unquote(shape[len(opening) : len(shape) - len(closing)])
                if not label:
                    raise DiagramError(f"line {line}: node '{node_id}' has an empty label")
                if node_id in chart.labels and chart.labels[node_id] != label:
                    raise DiagramError(f"line {line}: node '{node_id}' is defined twice with different labels")
                chart.labels[node_id] = label
                if opening == "{":
                    chart.decisions.add(node_id)
                break
        else:
            raise DiagramError(f"line {line}: cannot read the shape of node '{node_id}': {shape}")
    else:
        chart.labels.setdefault(node_id, node_id)
    return node_id


def parse_flowchart(source: str) -> Flowchart:
    """Parse a mermaid flowchart; raise DiagramError('line N: …') for anything not understood."""
    lines = source.split("\n")
    first = next((i for i, text in enumerate(lines) if text.strip() and not text.strip().startswith("%%")), None)
    if first is None or not HEADER.match(lines[first].strip()):
        raise DiagramError(f"line {(first or 0) + 1}: a diagram starts with 'flowchart TD' (or LR)")
    chart = Flowchart()
    for index in range(first + 1, len(lines)):
        text = lines[index].strip().rstrip(";")
        number = index + 1
        if not text or SKIPPED.match(text):
            continue
        parts, labels, last = [], [], 0
        for m in EDGE.finditer(text):
            parts.append(text[last : m.start()])
            labels.append(_unquote(m.group("label") or ""))
            last = m.end()
        parts.append(text[last:])
        if any(not p.strip() for p in parts):
            raise DiagramError(f"line {number}: an arrow is missing a node on one side: {text}")
        ids = [_node(p, chart, number) for p in parts]
        for (a, b), label in zip(zip(ids, ids[1:], strict=False), labels, strict=True):
            chart.edges.append((a, b, label))
    if not chart.labels:
        raise DiagramError(f"line {first + 1}: the diagram has no nodes")
    return chart


def text_version(chart: Flowchart, number: int, lang: str) -> str:
    """An ordered list of the same steps and choices, linked to each other."""
    s = strings(lang)
    order = list(chart.labels)
    step = {node: n for n, node in enumerate(order, start=1)}
    items = []
    for node in order:
        outgoing = [(b, label) for a, b, label in chart.edges if a == node]
        choices = "".join(
            f"<li>{html.escape(label) + ' → ' if label else '→ '}"
            f'<a href="#d{number}-s{step[b]}">{html.escape(s["diagram_goto"].format(n=step[b]))}</a>: '
            f"{html.escape(chart.labels[b])}</li>"
            for b, label in outgoing
        )
        items.append(
            f'<li id="d{number}-s{step[node]}"><strong>{html.escape(chart.labels[node])}</strong>'
            + (f"<ul>{choices}</ul>" if choices else "")
            + "</li>"
        )
    return (
        f'<details class="diagram__text"><summary>{html.escape(s["diagram_text"])}</summary>'
        f'<ol class="diagram__steps">{"".join(items)}</ol></details>'
    )


def diagram_key(source: str) -> str:
    version = (
        json.loads((MERMAID_JS.parent.parent / "package.json").read_text())["version"]
        if MERMAID_JS.exists()
        else "none"
    )
    payload = json.dumps([version, MERMAID_CONFIG, source], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


class Renderer(BuildBrowser):
    """One headless Chromium with mermaid loaded, reused for every diagram of a build."""

    def __init__(self):
        super().__init__()
        self._page.set_content("<!doctype html><html><body></body></html>")
        self._page.add_script_tag(path=str(MERMAID_JS))
        self._page.evaluate("config => mermaid.initialize(config)", MERMAID_CONFIG)

    def render(self, key: str, source: str) -> str:
        result = self._page.evaluate(
            """async ([id, code]) => {
                try { await mermaid.parse(code); } catch (e) { return {error: String(e.message || e)}; }
                const {svg} = await mermaid.render(id, code);
                return {svg};
            }""",
            [f"diagram-{key}", source],
        )
        if "error" in result:
            raise DiagramError(result["error"])
        return result["svg"]


class State:
    renderer: Renderer | None = None
    svgs: dict[str, str] = {}  # key -> SVG, for the page HTML step (also in .cache/diagrams)
    unavailable: str | None = None  # why diagrams cannot be rendered at build time
    fallback_used = False


def _renderer() -> Renderer | None:
    if State.renderer is None and State.unavailable is None:
        if not MERMAID_JS.exists():
            State.unavailable = f"{MERMAID_JS.relative_to(ROOT)} is missing (run `npm ci`)"
            return None
        try:
            State.renderer = Renderer()
            atexit.register(close)
        except Exception as exc:
            State.unavailable = str(exc).splitlines()[0]
    return State.renderer


def close() -> None:
    """Close the build's browser, if one was started."""
    if State.renderer is not None:
        State.renderer.close()
        State.renderer = None


def svg_for(key: str, source: str) -> str | None:
    """The SVG for a diagram: from the cache, or rendered now (and cached); None if impossible."""
    cached = CACHE_DIR / f"{key}.svg"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    renderer = _renderer()
    if renderer is None:
        return None
    svg = renderer.render(key, source)
    svg = re.sub(r"^<svg ", '<svg aria-hidden="true" focusable="false" ', svg)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    cached.write_text(svg, encoding="utf-8")
    return svg


def transform(markdown: str, origin: str, lang: str, page_url: str, offset: int = 0) -> str:
    counter = iter(range(1, 100))

    def render(fence) -> str:
        number = next(counter)
        try:
            chart = parse_flowchart(fence.body)
            key = diagram_key(fence.body)
            svg = svg_for(key, fence.body)
        except DiagramError as exc:
            where = re.match(r"line (\d+): (.*)", str(exc), re.S)
            line = offset + fence.start + 1 + int(where.group(1)) if where else offset + fence.start + 1
            message = where.group(2) if where else str(exc)
            raise BuildError(f"{origin}:{line}: diagram syntax error: {message}") from None
        if svg is None:
            State.fallback_used = True
            log.warning(
                "%s: diagram shown with the browser-side mermaid script, because it could not be "
                "rendered at build time: %s",
                origin,
                State.unavailable,
            )
            picture = (
                f'<pre class="mermaid">{html.escape(fence.body)}</pre>'
                f'<script src="{relative_url(VENDOR_URL, page_url)}"></script>'
            )
        else:
            State.svgs[key] = svg
            picture = f'<div class="diagram__svg" {PLACEHOLDER_ATTR}="{key}"></div>'
        return (
            f'\n<figure class="diagram" id="diagram-{number}">{picture}{text_version(chart, number, lang)}</figure>\n'
        )

    return replace_fences(markdown, "mermaid", render)


def markdown_step(markdown: str, page) -> str:
    """The pipeline's diagrams step (Markdown): each flowchart becomes a figure whose picture is a
    placeholder; html_step puts the SVG in."""
    if "```mermaid" not in markdown:
        return markdown
    return transform(markdown, page.origin, page.lang, page.url, page.offset)


def _svg(key: str) -> str:
    svg = State.svgs.get(key)
    if svg is None:
        cached = CACHE_DIR / f"{key}.svg"
        if not cached.exists():
            raise BuildError(f"diagram {key}: the rendered picture is neither in memory nor in {cached}")
        svg = State.svgs[key] = cached.read_text(encoding="utf-8")
    return svg


def html_step(html: str, page) -> str:
    """The pipeline's diagrams step (page HTML): the SVG in place of each placeholder."""
    if PLACEHOLDER_ATTR not in html:
        return html
    return PLACEHOLDER.sub(lambda m: f'<div class="diagram__svg">{_svg(m.group(1)).replace(chr(10), " ")}</div>', html)


def start() -> None:
    """A new build of the site begins: forget the last one's fallback."""
    State.unavailable = None
    State.fallback_used = False


def finish_site(site_dir: Path) -> None:
    """A site-wide step: close the browser; if any page fell back to the browser-side script, serve it."""
    close()
    if State.fallback_used and MERMAID_JS.exists():
        target = site_dir / VENDOR_URL
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(MERMAID_JS, target)
    start()
