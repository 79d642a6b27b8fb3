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
