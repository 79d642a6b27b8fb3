"""Russian typography by the build, not by hand: a non-breaking space between a number and the
word or sign after it (30 дней, 2022 года, 5 %), after № (№ 5) and before a dash (слово — слово).

Only running text of Russian pages changes; code, preformatted text (message templates), scripts,
styles, SVG diagrams and form controls keep their characters, and so do tag attributes.
`russian_typography(html)` is a pure function; the pipeline applies it to each whole Russian
page, so the text the theme adds (dates, notices, navigation) is set the same way.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
# Elements whose text is kept as it is (raw text, code, templates, diagrams, form controls).
KEPT = re.compile(r"<(pre|code|script|style|svg|textarea|kbd)\b.*?</\1\s*>", re.S | re.I)
# The spaces to replace, in running text only: after a number before a Russian word or a sign
# (30 дней, 2022 года, 5 %), after № (№ 5), and before a dash (слово — слово). Each match starts
# with the space itself (so the scan is fast); the last lookahead skips a space inside a tag or a
# comment (a `>` comes before any `<`), so attributes keep their spaces.
SPACES = re.compile(r" (?:(?<=\d )(?=[А-Яа-яЁё%‰°])|(?<=№ )(?=\d)|(?<=\S )(?=[—–] ))(?![^<>]*>)")


def typeset(text: str) -> str:
    return SPACES.sub(NBSP, text)


def russian_typography(html: str) -> str:
    out, cursor = [], 0
    for kept in KEPT.finditer(html):
        out.append(typeset(html[cursor : kept.start()]))
        out.append(kept.group(0))
        cursor = kept.end()
    out.append(typeset(html[cursor:]))
    return "".join(out)


def output_step(html: str, page) -> str:
    """The pipeline's Russian typography step (whole page; the 404 page too)."""
    return russian_typography(html) if page.lang == "ru" else html
