"""A 404 page in the reader's language, on a host that serves only the root 404.html.

Every language build writes site/404.html, each overwriting the last. The adapter keeps each
language's rendering; once every language is built, `write_pages` writes the translations' pages
to site/<lang>/404.html and the default language's at the root with a small inline script: for a
missing URL under /ru/ or /zh/ it replaces the page with that language's 404 page, keeping the
address.
"""

from __future__ import annotations

import json
import re
from pathlib import Path


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


def write_pages(site_dir: Path, pages: dict[str, str], default: str, base_path: str) -> None:
    """A site-wide step: each translation's 404 page in its folder; the default language's at the
    root, with the dispatch script for the others. `pages` maps a language to its rendered 404 page."""
    others = [lang for lang in pages if lang != default]
    for lang in others:
        (site_dir / lang).mkdir(parents=True, exist_ok=True)
        (site_dir / lang / "404.html").write_text(pages[lang], encoding="utf-8")
    if default in pages:
        (site_dir / "404.html").write_text(with_dispatch(pages[default], base_path, others), encoding="utf-8")
