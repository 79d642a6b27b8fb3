"""Translation freshness: each Russian and Chinese page records which English text it follows.

A translated page carries `translation_of: <fingerprint>` in its front matter, the fingerprint
of the English page's text when it was translated. When the English page changes, the
translation is outdated: this hook shows a notice in the page's language that links to the
English page, and renders the status of every page where a page writes {translation-status}.

Command line (a translator runs it on purpose; nothing else rewrites their Markdown):
    python hooks/translations.py status            # list outdated, missing and untranslated pages
    python hooks/translations.py stamp ru/faq.md   # mark a translation as up to date
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, build_language, languages, strings  # noqa: E402

DOCS = ROOT / "docs"
SOURCE_LANG = languages()[0]
TRANSLATIONS = languages()[1:]  # every language but the default (mkdocs.yml)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def split_front_matter(text: str, origin: str = "page") -> tuple[dict, str]:
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        return (yaml.load(m.group(1), Loader=YAML_LOADER) or {}), text[m.end() :]
    except yaml.YAMLError as exc:
        raise PluginError(
            f"{origin}: the front matter is not valid YAML ({exc.problem}, line {exc.problem_mark.line + 2}). "
            "Put a value that contains ': ' in double quotes."
        ) from None


def fingerprint(english_text: str) -> str:
    """A short hash of an English page's body (front matter and trailing spaces ignored)."""
    _, body = split_front_matter(english_text)
    normal = "\n".join(line.rstrip() for line in body.strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


@functools.lru_cache(maxsize=1024)
def _file_facts(path: str, mtime: float, origin: str) -> tuple[dict, str]:
    """A page's front matter and fingerprint, read once per change of the file."""
    text = Path(path).read_text(encoding="utf-8")
    return split_front_matter(text, origin)[0], fingerprint(text)


def file_facts(path: Path, origin: str) -> tuple[dict, str]:
    return _file_facts(str(path), path.stat().st_mtime, origin)


def page_status(rel: str, lang: str, docs: Path = DOCS) -> str:
    """'current', 'outdated', 'missing' or 'untranslated' for docs/<lang>/<rel>."""
    translated = docs / lang / rel
    if not translated.exists():
        return "missing"
    meta, _ = file_facts(translated, f"docs/{lang}/{rel}")
    if meta.get("untranslated"):
        return "untranslated"
    english = docs / SOURCE_LANG / rel
    if not english.exists():
        return "current"
    current = file_facts(english, f"docs/en/{rel}")[1]
    return "current" if str(meta.get("translation_of", "")) == current else "outdated"


def all_pages(docs: Path = DOCS) -> list[str]:
    return sorted(p.relative_to(docs / SOURCE_LANG).as_posix() for p in (docs / SOURCE_LANG).rglob("*.md"))


def status_table(lang: str, docs: Path = DOCS) -> str:
    s = strings(lang)
    rows = [f"| {s['status_page']} | English | Русский | 简体中文 |", "|---|---|---|---|"]
    for rel in all_pages(docs):
        cells = [s["status_current"]] + [s["status_" + page_status(rel, t, docs)] for t in TRANSLATIONS]
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


def stamp(path: Path, docs: Path = DOCS) -> None:
    """Write the current English fingerprint into a translation's front matter."""
    rel = path.relative_to(docs).as_posix().split("/", 1)[1]
    english = docs / SOURCE_LANG / rel
    text = path.read_text(encoding="utf-8")
    value = fingerprint(english.read_text(encoding="utf-8"))
    m = FRONT_MATTER.match(text)
    if not m:
        text = f"---\ntranslation_of: {value}\n---\n{text}"
    elif re.search(r"^translation_of:.*$", m.group(1), re.M):
        head = re.sub(r"^translation_of:.*$", f"translation_of: {value}", m.group(1), flags=re.M)
        text = f"---\n{head}\n---\n{text[m.end() :]}"
    else:
        text = f"---\n{m.group(1)}\ntranslation_of: {value}\n---\n{text[m.end() :]}"
    path.write_text(text, encoding="utf-8")


def on_page_markdown(markdown, page, config, files):
    lang = build_language(config)
    if "{translation-status}" in markdown:
        markdown = markdown.replace("{translation-status}", status_table(lang))
    if lang == SOURCE_LANG:
        return markdown
    rel = page.file.src_uri.split("/", 1)[1]
    if page_status(rel, lang) == "outdated":
        from mkdocs.utils import get_relative_url

        english_url = get_relative_url(page.url.split("/", 1)[1] or "./", page.url)
        markdown = after_title(markdown, outdated_notice(lang, english_url))
    return markdown


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "status":
        stale = 0
        for rel in all_pages():
            for lang in TRANSLATIONS:
                status = page_status(rel, lang)
                if status != "current":
                    stale += 1
                    print(f"{status:12} docs/{lang}/{rel}")
        print(f"{stale} translation(s) need work" if stale else "All translations are current.")
        return 0
    if len(argv) >= 2 and argv[0] == "stamp":
        for name in argv[1:]:
            targets = [DOCS / name] if (DOCS / name).exists() else [DOCS / t / name for t in TRANSLATIONS]
            for target in targets:
                if not target.exists():
                    print(f"no such page: {target.relative_to(ROOT)}", file=sys.stderr)
                    return 2
                stamp(target)
                print(f"stamped {target.relative_to(ROOT)}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
