"""Small helpers shared by the hooks: page language, interface strings, fenced blocks.

Not a hook itself (it is not listed in mkdocs.yml). Everything here is a pure function.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STRINGS_FILE = Path(__file__).with_name("strings.yml")

FENCE_OPEN = re.compile(r"^(?P<indent>[ ]{0,3})(?P<fence>`{3,}|~{3,})[ ]*(?P<info>[^`\n]*)$")


@dataclass
class Fence:
    """A fenced code block: `start` and `end` are 0-based line indexes of its fence lines."""

    start: int
    end: int
    info: str
    body: str

    @property
    def lang(self) -> str:
        info = self.info.strip().lstrip("{").strip()
        return info.split()[0].lstrip(".") if info else ""


def find_fences(markdown: str) -> list[Fence]:
    """Return the top-level fenced code blocks of a Markdown text, in order."""
    lines = markdown.split("\n")
    fences: list[Fence] = []
    i = 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        marker = m.group("fence")
        closing = re.compile(r"^[ ]{0,3}" + re.escape(marker[0]) + "{" + str(len(marker)) + r",}[ ]*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        fences.append(Fence(i, j, m.group("info"), "\n".join(lines[i + 1 : j])))
        i = j + 1
    return fences


def replace_fences(markdown: str, lang: str, render) -> str:
    """Replace every fence whose language is `lang` with `render(fence)` (a string)."""
    lines = markdown.split("\n")
    out: list[str] = []
    cursor = 0
    for fence in find_fences(markdown):
        if fence.lang != lang:
            continue
        out.extend(lines[cursor : fence.start])
        out.append(render(fence))
        cursor = fence.end + 1
    out.extend(lines[cursor:])
    return "\n".join(out)


@functools.cache
def _all_strings(path: str, mtime: float) -> dict:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def strings(lang: str) -> dict:
    """The site's own interface strings for a language (hooks/strings.yml), English as base."""
    data = _all_strings(str(STRINGS_FILE), STRINGS_FILE.stat().st_mtime)
    merged = dict(data["en"])
    merged.update(data.get(lang, {}))
    return merged


def source_pages(docs: Path):
    """Every Markdown page under docs/<lang>/, as (lang, origin, text); origin is e.g. docs/ru/start.md.

    The walk the page lints share (typed periods in facts.py, typed labels in labels.py)."""
    for path in sorted(docs.glob("*/**/*.md")):
        yield (
            path.relative_to(docs).parts[0],
            path.relative_to(docs.parent).as_posix(),
            path.read_text(encoding="utf-8"),
        )


def read_config(path: Path | None = None) -> dict:
    """mkdocs.yml as data, for scripts and tests (!ENV takes its default; Python tags are skipped)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((path or ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


@functools.cache
def languages() -> tuple[str, ...]:
    """The site's languages, the default first: the one list, in the i18n block of mkdocs.yml."""
    for plugin in read_config()["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"]["languages"]
            default = [e["locale"] for e in entries if e.get("default")]
            return tuple(default + [e["locale"] for e in entries if not e.get("default")])
    raise RuntimeError("mkdocs.yml has no i18n plugin block with languages")


def url_prefix(lang: str) -> str:
    """Where a language's pages live under the site root: "" for the default, "ru/" otherwise."""
    return "" if lang == languages()[0] else f"{lang}/"


def build_language(config) -> str:
    """The language of the build in progress (mkdocs-static-i18n sets theme.language per build)."""
    return config.theme["language"]


def source_path(page) -> str:
    """The page's source file as a contributor sees it, e.g. docs/ru/problems/missing-parcel.md."""
    return f"docs/{page.file.src_uri}"


def front_matter_lines(page) -> int:
    """How many lines of the source file precede the Markdown MkDocs hands to the hooks.

    MkDocs strips the YAML front matter (and the blank lines after it), so a hook's line 1 is
    the file's line N + 1; error messages add N to name the line a contributor sees.
    """
    try:
        path = page.file.abs_src_path
        return _front_matter_lines(path, os.stat(path).st_mtime)
    except (OSError, TypeError):
        return 0


@functools.lru_cache(maxsize=512)
def _front_matter_lines(path: str, mtime: float) -> int:
    with open(path, encoding="utf-8-sig") as source:
        lines = source.read().split("\n")
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            index += 1
            while index < len(lines) and not lines[index].strip():
                index += 1
            return index
    return 0


def is_last_language_build(config) -> bool:
    """True during the build of the language mkdocs-static-i18n builds last."""
    i18n = config.plugins.get("i18n")
    if not i18n:
        return True
    default = i18n.default_language
    others = [lang for lang in i18n.build_languages if lang != default]
    return build_language(config) == (others[-1] if others else default)


def is_nested_language_build(config) -> bool:
    """True while mkdocs-static-i18n builds one of the non-default languages.

    The i18n plugin builds the other languages from inside the default build's on_post_build;
    site-wide steps (search index, root 404 page) must run once, after the last of them.
    """
    i18n = config.plugins.get("i18n")
    return bool(i18n and getattr(i18n, "building", False))
