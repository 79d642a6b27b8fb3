"""A 404 page in the reader's language, on a host that serves only the root 404.html.

Every language build writes site/404.html, each overwriting the last. This hook keeps each
language's rendering (on_post_template) (site/<lang>/404.html for the translations) and, after the last build,
writes the English one at the root with a small inline script: for a missing URL under
/ru/ or /zh/ it replaces the page with that language's 404 page, keeping the address.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority

from _common import build_language, is_nested_language_build


class State:
    pages: dict[str, str] = {}


def dispatch_script(base_path: str, languages: list[str]) -> str:
    """Inline script for the root 404 page: load /<base>/<lang>/404.html for a /<lang>/ address."""
    return (
        "<script>(function(){"
        f"var base={json.dumps(base_path)},langs={json.dumps(languages)};"
        "var rest=location.pathname.indexOf(base)===0?location.pathname.slice(base.length):'';"
        "var lang=rest.split('/')[0];"
        "if(langs.indexOf(lang)<0)return;"
        "var root=document.documentElement;root.style.visibility='hidden';"
        "fetch(base+lang+'/404.html').then(function(r){if(!r.ok)throw r;return r.text();})"
        ".then(function(t){document.open();document.write(t);document.close();})"
        ".catch(function(){root.style.visibility='';});"
        "})();</script>"
    )


def with_dispatch(english_404: str, base_path: str, languages: list[str]) -> str:
    """The page with the dispatch script first in <head>, after the charset (hooks/csp.py then
    puts the security policy between the two)."""
    script = dispatch_script(base_path, languages)
    out, done = re.subn(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + script, english_404, count=1)
    if done:
        return out
    return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + script, english_404, count=1)


def on_pre_build(config):
    if not is_nested_language_build(config):
        State.pages = {}


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        State.pages[build_language(config)] = output_content
    return output_content


@event_priority(-200)
def on_post_build(config):
    if is_nested_language_build(config):
        return
    site = Path(config.site_dir)
    default = next((lang for lang in State.pages if lang == "en"), None)
    others = [lang for lang in State.pages if lang != default]
    for lang in others:
        (site / lang).mkdir(parents=True, exist_ok=True)
        (site / lang / "404.html").write_text(State.pages[lang], encoding="utf-8")
    if default:
        base = urlsplit(config.site_url or "/").path or "/"
        if not base.endswith("/"):
            base += "/"
        (site / "404.html").write_text(with_dispatch(State.pages[default], base, others), encoding="utf-8")
