"""Translation freshness: each Russian and Chinese page records which English text it follows.

A translated page carries `translation_of: <fingerprint>` in its front matter, the fingerprint
of the English page's text when it was translated. When the English page changes, the
translation is outdated: the pipeline's notices step shows a notice in the page's language that
links to the English page, and renders the status of every page where a page writes
{translation-status}.

Front matter is read by the engine (MkDocs' own parser, through `read(path) -> (body, meta)`,
which the adapter passes in); this module parses none itself.

Command line (a translator runs it on purpose; nothing else rewrites their Markdown):
    python scripts/translations.py status            # list outdated, missing and untranslated pages
    python scripts/translations.py stamp ru/faq.md   # mark a translation as up to date
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import html_lang
from _common import ROOT, language_names, languages, relative_url, strings

DOCS = ROOT / "docs"
SOURCE_LANG = languages()[0]
TRANSLATIONS = languages()[1:]  # every language but the default (mkdocs.yml)
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)  # where `stamp` writes; never parsed here
Reader = Callable[[Path], tuple[str, dict]]  # a source file -> (body, front matter)


def fingerprint(english_body: str) -> str:
    """A short hash of an English page's body (front matter already removed; trailing spaces ignored)."""
    normal = "\n".join(line.rstrip() for line in english_body.strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def page_status(rel: str, lang: str, read: Reader, docs: Path = DOCS) -> str:
    """'current', 'outdated', 'missing' or 'untranslated' for docs/<lang>/<rel>."""
    translated = docs / lang / rel
    if not translated.exists():
        return "missing"
    _, meta = read(translated)
    if meta.get("untranslated"):
        return "untranslated"
    english = docs / SOURCE_LANG / rel
    if not english.exists():
        return "current"
    return "current" if str(meta.get("translation_of", "")) == fingerprint(read(english)[0]) else "outdated"


def all_pages(docs: Path = DOCS) -> list[str]:
    return sorted(p.relative_to(docs / SOURCE_LANG).as_posix() for p in (docs / SOURCE_LANG).rglob("*.md"))


def status_table(lang: str, read: Reader, docs: Path = DOCS) -> str:
    s = strings(lang)
    names = language_names()
    header = [  # each language's name in itself, declared as such (a screen reader's voice, the glyphs)
        names[column] if column == lang else f'<span lang="{html_lang.tag(column)}">{names[column]}</span>'
        for column in (SOURCE_LANG, *TRANSLATIONS)
    ]
    rows = [f"| {s['status_page']} | {' | '.join(header)} |", "|" + "---|" * (1 + len(header))]
    for rel in all_pages(docs):
        cells = [s["status_current"]] + [s["status_" + page_status(rel, t, read, docs)] for t in TRANSLATIONS]
        rows.append(f"| [{page_title(rel, lang, docs)}]({rel}) | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def page_title(rel: str, lang: str, docs: Path = DOCS) -> str:
    """The page's title in the reader's language (its H1), or the English one, or its path."""
    for folder in (lang, SOURCE_LANG):
        path = docs / folder / rel
        if path.exists():
            m = re.search(r"^# (.+?)\s*$", path.read_text(encoding="utf-8"), re.M)
            if m:
                return m.group(1).replace("|", "\\|")
    return rel


def outdated_notice(lang: str, english_url: str) -> str:
    s = strings(lang)
    return (
        f'!!! warning "{s["outdated_title"]}"\n\n'
        f'    {s["outdated_body"]} <a href="{english_url}" hreflang="en" lang="en">{s["outdated_link"]}</a>\n\n'
    )


def after_title(markdown: str, block: str) -> str:
    """Insert a Markdown block after the page's H1 (MkDocs takes the title from a leading H1)."""
    m = re.search(r"^# .*\n", markdown, re.M)
    at = m.end() if m else 0
    return markdown[:at] + "\n" + block + markdown[at:]


def stamp(path: Path, read: Reader, docs: Path = DOCS) -> None:
    """Write the current English fingerprint into a translation's front matter."""
    rel = path.relative_to(docs).as_posix().split("/", 1)[1]
    english = docs / SOURCE_LANG / rel
    text = path.read_text(encoding="utf-8")
    value = fingerprint(read(english)[0])
    m = FRONT_MATTER.match(text)
    if not m:
        text = f"---\ntranslation_of: {value}\n---\n{text}"
    elif re.search(r"^translation_of:.*$", m.group(1), re.M):
        head = re.sub(r"^translation_of:.*$", f"translation_of: {value}", m.group(1), flags=re.M)
        text = f"---\n{head}\n---\n{text[m.end() :]}"
    else:
        text = f"---\n{m.group(1)}\ntranslation_of: {value}\n---\n{text[m.end() :]}"
    path.write_text(text, encoding="utf-8")


def markdown_step(markdown: str, page) -> str:
    """The pipeline's notices step: the status table where asked; on an outdated translation, a notice."""
    if "{translation-status}" in markdown:
        markdown = markdown.replace("{translation-status}", status_table(page.lang, page.read))
    if page.lang == SOURCE_LANG:
        return markdown
    rel = page.src_uri.split("/", 1)[1]
    if page_status(rel, page.lang, page.read) == "outdated":
        english_url = relative_url(page.url.split("/", 1)[1] or "./", page.url)
        markdown = after_title(markdown, outdated_notice(page.lang, english_url))
    return markdown
