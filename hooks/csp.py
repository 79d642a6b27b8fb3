"""A Content-Security-Policy on every page, as a <meta> tag (GitHub Pages cannot send headers).

Responsibilities:
- compute the SHA-256 of each inline script a page runs (Material's, the palette and 404 scripts)
  and allow exactly those, with scripts otherwise only from the site itself; no 'unsafe-inline'
  for scripts, so a script injected into a page does not run;
- allow what Pagefind's WebAssembly needs ('wasm-unsafe-eval'), fetches from the site only, and
  nothing from any other host;
- the root 404 page, which shows the Russian or Chinese 404 page in place, also allows the
  scripts of those pages.

A site-wide step: it runs once, after every language is built (the last of the site-wide steps, hooks/pipeline.py), over
the files in site/. `inline_hashes(html)` and `add_policy(html)` are pure functions.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
RUNS = ("text/javascript", "module")  # other types (application/json …) are data, never run
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)
DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "style-src 'self' 'unsafe-inline'",  # Material and the diagrams' SVG carry style attributes
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
MARKER = 'http-equiv="Content-Security-Policy"'


def inline_hashes(html: str) -> list[str]:
    """'sha256-…' for every inline script the browser would run (JSON data blocks do not run)."""
    hashes = []
    for m in INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs") or ""
        kind = SCRIPT_TYPE.search(attrs)
        if "src=" in attrs.lower() or (kind and kind.group(1).lower() not in RUNS):
            continue
        digest = base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode("ascii")
        token = f"'sha256-{digest}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def policy(hashes: list[str]) -> str:
    return "; ".join(d.format(hashes=" ".join(hashes)).replace("  ", " ").strip() for d in DIRECTIVES)


def add_policy(html: str, extra_hashes: list[str] | None = None) -> str:
    """The page with its policy as the first element after <meta charset> (before any script)."""
    if MARKER in html:
        raise ValueError("the page already has a Content-Security-Policy")
    hashes = inline_hashes(html) + [h for h in (extra_hashes or []) if h not in inline_hashes(html)]
    tag = f'<meta {MARKER} content="{policy(hashes)}">'
    m = CHARSET.search(html)
    if not m:
        raise ValueError("no <meta charset> to put the policy after")
    return html[: m.end()] + tag + html[m.end() :]


def secure_site(site_dir: Path) -> int:
    """Add the policy to every HTML page of the built site; return the number of pages."""
    pages = sorted(p for p in site_dir.rglob("*.html") if "pagefind" not in p.relative_to(site_dir).parts)
    not_found = [p for p in pages if p.name == "404.html" and p.parent != site_dir]
    extra = [h for p in not_found for h in inline_hashes(p.read_text(encoding="utf-8"))]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if MARKER in html:  # `mkdocs serve` rebuilds into the same folder
            continue
        root_404 = page == site_dir / "404.html"
        page.write_text(add_policy(html, extra if root_404 else None), encoding="utf-8")
    return len(pages)
