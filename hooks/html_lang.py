"""The precise language of each page in <html lang>: Chinese pages declare zh-Hans (Simplified
script), so browsers pick Simplified glyphs and screen readers the right voice.

mkdocs-static-i18n and Material know the language as "zh" (the docs/zh folder); the tag each
language declares is `html_lang` in hooks/strings.yml. Pagefind reads the same attribute and still
builds its Chinese, segmented index (tests/browser/test_search_browser.py)."""

from __future__ import annotations

import re

from _common import BuildError, strings


def tag(lang: str) -> str:
    """The language tag a language declares in HTML (zh → zh-Hans)."""
    return strings(lang).get("html_lang", lang)


# A run of Latin-script words (Contact Us, A-to-z, Subscribe & Save, amazon.com) on a page in
# another script: it starts and ends with a letter or digit and holds at least one letter. The
# checker's results use the same rule (LATIN_RUN in docs/assets/check.js).
LATIN_RUN = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z0-9](?:[A-Za-z0-9'’./-]*[A-Za-z0-9])?"
    r"(?:\s+(?:&\s+)?[A-Za-z0-9](?:[A-Za-z0-9'’./-]*[A-Za-z0-9])?)*(?![A-Za-z0-9])"
)


def mark_english(text: str, lang: str) -> str:
    """On a Russian or Chinese page, the English words in a plain-text field (a registry entry's
    name or region) in <span lang="en">, so a screen reader says them with an English voice
    (WCAG 3.1.2). English pages and runs without a letter (2026) are left as they are."""
    if lang == "en":
        return text

    def span(m: re.Match) -> str:
        run = m.group(0)
        return f'<span lang="en">{run}</span>' if re.search("[A-Za-z]", run) else run

    return LATIN_RUN.sub(span, text)


def declare(html: str, lang: str, origin: str = "page") -> str:
    """The page with its precise language tag; stops the build if the theme's <html lang> is not there."""
    declared = tag(lang)
    if declared == lang:
        return html
    out, count = re.subn(rf'<html lang="{re.escape(lang)}"', f'<html lang="{declared}"', html, count=1)
    if not count:
        raise BuildError(
            f'{origin}: no <html lang="{lang}"> to declare as "{declared}" (the theme changed its markup?)'
        )
    return out


def output_step(html: str, page) -> str:
    """The pipeline's language step (whole page)."""
    return declare(html, page.lang, page.origin)
