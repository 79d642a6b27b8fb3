"""Small helpers shared by the build steps: interface strings, fenced blocks, languages, URLs.

Not a hook itself (mkdocs.yml lists only hooks/mkdocs_hooks.py). Nothing here imports MkDocs:
the steps fail with `BuildError`, which the MkDocs adapter turns into MkDocs' own error.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STRINGS_FILE = Path(__file__).with_name("strings.yml")


class BuildError(Exception):
    """A fault in the sources that stops the build; the message names the file (and line) and what to do."""


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


def languages(config_file: str | Path | None = None) -> tuple[str, ...]:
    """The site's languages, the default first: the one list, in the i18n block of mkdocs.yml
    (a language with `build: false` is left out)."""
    return _languages(str(config_file or ROOT / "mkdocs.yml"))


@functools.cache
def _i18n_languages(config_file: str) -> tuple[dict, ...]:
    for plugin in read_config(Path(config_file))["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return tuple(plugin["i18n"]["languages"])
    raise RuntimeError(f"{config_file} has no i18n plugin block with languages")


@functools.cache
def _languages(config_file: str) -> tuple[str, ...]:
    entries = [e for e in _i18n_languages(config_file) if e.get("build", True)]
    default = [e["locale"] for e in entries if e.get("default")]
    return tuple(default + [e["locale"] for e in entries if not e.get("default")])


def language_names(config_file: str | Path | None = None) -> dict[str, str]:
    """Each language's name in itself (English, 简体中文, Русский), as its menu entry shows it."""
    return {e["locale"]: e.get("name", e["locale"]) for e in _i18n_languages(str(config_file or ROOT / "mkdocs.yml"))}


def url_prefix(lang: str) -> str:
    """Where a language's pages live under the site root: "" for the default, "ru/" otherwise."""
    return "" if lang == languages()[0] else f"{lang}/"


def _parts(path: str) -> list[str]:
    path = posixpath.normpath("/" + path.lstrip("/"))[1:]
    return path.split("/") if path else []


def relative_url(target: str, page_url: str) -> str:
    """`target` (a path from the site root) as a link from the page at `page_url` (e.g. "ru/faq/").

    MkDocs' get_relative_url (BSD-2-Clause), restated here so that the steps need no MkDocs;
    tests/unit/test_pipeline.py checks that both give the same answers."""
    directory, _, name = page_url.rpartition("/")
    base = _parts(directory if "." in name else page_url)
    dest = _parts(target)
    common = 0
    for a, b in zip(base, dest, strict=False):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base) - common) + dest[common:]) or "."
    return rel + "/" if target.endswith("/") else rel
