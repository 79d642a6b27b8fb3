"""The precise language of each page in <html lang>: Chinese pages declare zh-Hans (Simplified
script), so browsers pick Simplified glyphs and screen readers the right voice.

mkdocs-static-i18n and Material know the language as "zh" (the docs/zh folder); the tag each
language declares is `html_lang` in hooks/strings.yml. Pagefind reads the same attribute and still
builds its Chinese, segmented index (tests/browser/test_search_browser.py)."""

from __future__ import annotations

import re

from _common import build_language, strings


def declare(html: str, lang: str) -> str:
    tag = strings(lang).get("html_lang", lang)
    return re.sub(rf'<html lang="{re.escape(lang)}"', f'<html lang="{tag}"', html, count=1)


def on_post_page(output, page, config):
    return declare(output, build_language(config))


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        return declare(output_content, build_language(config))
    return output_content
