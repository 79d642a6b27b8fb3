"""Message templates: ```template fences become fill-in forms with an exact copy button.

Each `[placeholder]` becomes a labelled text field and a marked span in the text. Without
JavaScript the block is a plain <pre> the reader can select and copy; docs/assets/templates.js
shows the fields, fills the spans as the reader types and copies the text exactly.
"""

from __future__ import annotations

import html
import re

from _common import BuildError, replace_fences, strings
from html_lang import tag

PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,120})\]")


def placeholders(text: str) -> list[str]:
    """Distinct placeholder names, in order of first use."""
    seen: list[str] = []
    for name in PLACEHOLDER.findall(text):
        if name not in seen:
            seen.append(name)
    return seen


SEPARATOR = re.compile(r"^---[ \t]*$", re.M)


def split_texts(text: str) -> tuple[str, str | None]:
    """A template's text to send and, after a line `---`, the same message in the reader's language."""
    parts = SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 1:
        return text, None
    return parts[0].strip("\n"), parts[1].strip("\n")


def _marked_up(text: str, field_ids: dict[str, str], names_lang: str | None = None) -> str:
    """The text with each placeholder in a span the fields fill. `names_lang`: the language of the
    field names when it is not the text's own (the page's language inside the English text)."""
    lang = f' lang="{names_lang}"' if names_lang else ""
    pieces, last = [], 0
    for m in PLACEHOLDER.finditer(text):
        pieces.append(html.escape(text[last : m.start()]))
        pieces.append(
            f'<span class="tpl__ph" data-field="{field_ids[m.group(1)]}" data-empty="{html.escape(m.group(0))}"{lang}>'
            f"{html.escape(m.group(0))}</span>"
        )
        last = m.end()
    pieces.append(html.escape(text[last:]))
    return "".join(pieces).replace("\n", "&#10;")  # one line: no blank line can end the HTML block


def render_template(text: str, index: int, lang: str) -> str:
    """HTML for one template. `index` makes field ids unique on the page.

    A template with a second text (after `---`) shows both: the text to send, in English, which
    the main button copies, and the reader's own language, which the second button copies. The
    same field fills both. In the English text an empty field's name is in the page's language
    and says so (lang), so that a screen reader speaks it in that language and the browser draws
    it with the page language's glyphs (Chinese names in an English text otherwise took a
    Japanese font); templates.js drops the mark once the reader has filled the field."""
    s = strings(lang)
    send, local = split_texts(text)
    names = placeholders(send + "\n" + (local or ""))
    field_ids = {name: f"tpl{index}-f{n}" for n, name in enumerate(names, start=1)}
    fields = "".join(
        f'<p class="tpl__field"><label for="{fid}">{html.escape(name)}</label>'
        f'<input type="text" id="{fid}" data-field="{fid}" autocomplete="off" spellcheck="false"></p>'
        for name, fid in field_ids.items()
    )
    copied = f'data-copied="{html.escape(s["template_copied"])}" data-failed="{html.escape(s["template_copy_failed"])}"'
    if local is None:
        texts = f'<pre class="tpl__text"><code>{_marked_up(send, field_ids)}</code></pre>'
        buttons = (
            f'<button type="button" class="md-button md-button--primary tpl__copy" data-copy="0" {copied}>'
            f"{html.escape(s['template_copy'])}</button>"
        )
    else:
        texts = (
            f'<p class="tpl__caption">{html.escape(s["template_send"])}</p>'
            f'<pre class="tpl__text" lang="en"><code>{_marked_up(send, field_ids, tag(lang))}</code></pre>'
            f'<p class="tpl__caption">{html.escape(s["template_local"])}</p>'
            f'<pre class="tpl__text tpl__text--local"><code>{_marked_up(local, field_ids)}</code></pre>'
        )
        buttons = (
            f'<button type="button" class="md-button md-button--primary tpl__copy" data-copy="0" {copied}>'
            f"{html.escape(s['template_copy_send'])}</button> "
            f'<button type="button" class="md-button tpl__copy" data-copy="1" {copied}>'
            f"{html.escape(s['template_copy_local'])}</button>"
        )
    return (
        f'<div class="tpl" id="tpl{index}" data-template>'
        f'<fieldset class="tpl__fields" hidden><legend>{html.escape(s["template_fields"])}</legend>{fields}'
        f'<p class="tpl__note">{html.escape(s["template_note"])}</p></fieldset>'
        f"{texts}"
        f'<p class="tpl__actions" hidden>{buttons} <span class="tpl__status" role="status" aria-live="polite"></span></p>'
        f"</div>"
    )


def transform(markdown: str, origin: str, lang: str, offset: int = 0) -> str:
    counter = iter(range(1, 1000))

    def render(fence) -> str:
        where = f"{origin}:{offset + fence.start + 1}"
        if not fence.body.strip():
            raise BuildError(f"{where}: this template is empty")
        send, local = split_texts(fence.body.strip("\n"))
        if local is not None:
            if not send.strip() or not local.strip():
                raise BuildError(f"{where}: a template with `---` needs a text on each side of it")
            if set(placeholders(send)) != set(placeholders(local)):
                missing = sorted(set(placeholders(send)) ^ set(placeholders(local)))
                raise BuildError(
                    f"{where}: the text to send and its translation must have the same [fields]; "
                    f"only one of them has {', '.join('[' + m + ']' for m in missing)}"
                )
        return "\n" + render_template(fence.body.strip("\n"), next(counter), lang) + "\n"

    return replace_fences(markdown, "template", render)


def markdown_step(markdown: str, page) -> str:
    """The pipeline's templates step."""
    if "```template" not in markdown:
        return markdown
    return transform(markdown, page.origin, page.lang, page.offset)
