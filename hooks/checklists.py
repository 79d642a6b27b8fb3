"""Checklists: every task-list checkbox gets its item's text as its accessible name.

pymdownx.tasklist puts the item text outside the <label>, so screen readers announce an
unnamed checkbox (axe: `label`, critical). This hook moves the text inside the label.
Pages with `checklist: true` in their front matter also get a print button, a clear button
and a print footer (overrides/main.html) and remember ticks (docs/assets/checklists.js).

Each item also gets `data-item`, a short hash of its text: ticks are remembered by item, so
adding, removing or reordering items never moves a reader's tick to another item. If the page
has task-list items this hook does not recognise (pymdownx changed its markup), the build stops.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re

from _common import BuildError

TASK_ITEM = re.compile(
    r'<li class="task-list-item"><label class="task-list-control">(?P<input><input type="checkbox"[^>]*>)'
    r'<span class="task-list-indicator"></span></label>\s*(?P<text>.*?)(?=</li>|<ul|<ol|<p>)',
    re.S,
)


def item_id(text_html: str) -> str:
    """A short, stable id for an item: a hash of its visible text, spaces and case ignored."""
    text = re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", text_html))).strip().casefold()
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def label_checkboxes(html_text: str, origin: str = "page") -> str:
    """Wrap each task-list item's text in its checkbox label and give the item its id."""
    seen: dict[str, int] = {}

    def wrap(m: re.Match) -> str:
        text = m.group("text").strip()
        ident = item_id(text)
        seen[ident] = seen.get(ident, 0) + 1
        if seen[ident] > 1:  # the same words twice on one page: number the repeats
            ident = f"{ident}-{seen[ident]}"
        return (
            f'<li class="task-list-item" data-item="{ident}"><label class="task-list-control">'
            f'{m.group("input")}<span class="task-list-indicator"></span> '
            f'<span class="task-list-text">{text}</span></label>'
        )

    out, count = TASK_ITEM.subn(wrap, html_text)
    expected = html_text.count('<li class="task-list-item">')
    if count != expected:
        raise BuildError(
            f"{origin}: {expected - count} of {expected} task-list items do not have the markup "
            "hooks/checklists.py expects (pymdownx.tasklist changed?); their ticks could not be kept"
        )
    return out


def html_step(html_text: str, page) -> str:
    """The pipeline's checklist step (page HTML)."""
    if "task-list-item" not in html_text:
        return html_text
    return label_checkboxes(html_text, page.origin)
