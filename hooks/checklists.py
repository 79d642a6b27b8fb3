"""Checklists: every task-list checkbox gets its item's text as its accessible name.

pymdownx.tasklist puts the item text outside the <label>, so screen readers announce an
unnamed checkbox (axe: `label`, critical). This hook moves the text inside the label.
Pages with `checklist: true` in their front matter also get a print button, a clear button
and a print footer (overrides/main.html) and remember ticks (docs/assets/checklists.js).
"""

from __future__ import annotations

import re

TASK_ITEM = re.compile(
    r'<li class="task-list-item"><label class="task-list-control">(?P<input><input type="checkbox"[^>]*>)'
    r'<span class="task-list-indicator"></span></label>\s*(?P<text>.*?)(?=</li>|<ul|<ol|<p>)',
    re.S,
)


def label_checkboxes(html_text: str) -> str:
    """Wrap each task-list item's text in its checkbox label."""

    def wrap(m: re.Match) -> str:
        return (
            '<li class="task-list-item"><label class="task-list-control">'
            f'{m.group("input")}<span class="task-list-indicator"></span> '
            f'<span class="task-list-text">{m.group("text").strip()}</span></label>'
        )

    return TASK_ITEM.sub(wrap, html_text)


def on_page_content(html, page, config, files):
    if "task-list-item" not in html:
        return html
    return label_checkboxes(html)
