"""Message templates: ```template fences become fill-in forms with an exact copy button.

Each `[placeholder]` becomes a labelled text field and a marked span in the text. Without
JavaScript the block is a plain <pre> the reader can select and copy; docs/assets/templates.js
shows the fields, fills the spans as the reader types and copies the text exactly.
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError

from _common import build_language, front_matter_lines, replace_fences, source_path, strings

PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,120})\]")


def placeholders(text: str) -> list[str]:
    """Distinct placeholder names, in order of first use."""
    seen: list[str] = []
    for name in PLACEHOLDER.findall(text):
        if name not in seen:
            seen.append(name)
    return seen


def render_template(text: str, index: int, lang: str) -> str:
    """HTML for one template. `index` makes field ids unique on the page."""
    s = strings(lang)
    names = placeholders(text)
    field_ids = {name: f"tpl{index}-f{n}" for n, name in enumerate(names, start=1)}

    def span(m: re.Match) -> str:
        name = m.group(1)
        return (
            f'<span class="tpl__ph" data-field="{field_ids[name]}" data-empty="{html.escape(m.group(0))}">'
            f"{html.escape(m.group(0))}</span>"
        )

    pieces, last = [], 0
    for m in PLACEHOLDER.finditer(text):
        pieces.append(html.escape(text[last : m.start()]))
        pieces.append(span(m))
        last = m.end()
    pieces.append(html.escape(text[last:]))
    body = "".join(pieces).replace("\n", "&#10;")  # one line: no blank line can end the HTML block

    fields = "".join(
        f'<p class="tpl__field"><label for="{fid}">{html.escape(name)}</label>'
        f'<input type="text" id="{fid}" data-field="{fid}" autocomplete="off" spellcheck="false"></p>'
        for name, fid in field_ids.items()
    )
    return (
        f'<div class="tpl" id="tpl{index}" data-template>'
        f'<fieldset class="tpl__fields" hidden><legend>{html.escape(s["template_fields"])}</legend>{fields}'
        f'<p class="tpl__note">{html.escape(s["template_note"])}</p></fieldset>'
        f'<pre class="tpl__text"><code>{body}</code></pre>'
        f'<p class="tpl__actions" hidden><button type="button" class="md-button md-button--primary tpl__copy" '
        f'data-copied="{html.escape(s["template_copied"])}" data-failed="{html.escape(s["template_copy_failed"])}">'
        f'{html.escape(s["template_copy"])}</button> <span class="tpl__status" role="status" aria-live="polite"></span></p>'
        f"</div>"
    )


def transform(markdown: str, origin: str, lang: str, offset: int = 0) -> str:
    counter = iter(range(1, 1000))

    def render(fence) -> str:
        if not fence.body.strip():
            raise PluginError(f"{origin}:{offset + fence.start + 1}: this template is empty")
        return "\n" + render_template(fence.body.strip("\n"), next(counter), lang) + "\n"

    return replace_fences(markdown, "template", render)


def on_page_markdown(markdown, page, config, files):
    if "```template" not in markdown:
        return markdown
    return transform(markdown, source_path(page), build_language(config), front_matter_lines(page))
