"""Every page exists in every language, or the build stops.

mkdocs-static-i18n would otherwise hide a missing translation (or, with fallback off, only
report broken links). The adapter compares the Markdown trees of docs/<lang>/ before each build
(`missing_pages`) and names every missing file, so a contributor knows exactly what to create.
"""

from __future__ import annotations

from pathlib import Path


def page_paths(lang_dir: Path) -> set[str]:
    """Relative paths of the Markdown pages under one language folder."""
    return {p.relative_to(lang_dir).as_posix() for p in lang_dir.rglob("*.md")}


def missing_pages(docs_dir: Path, languages: list[str]) -> list[str]:
    """Messages naming each page that exists in some language but not in another."""
    trees = {lang: page_paths(docs_dir / lang) for lang in languages}
    every_page = set().union(*trees.values())
    problems = []
    for rel in sorted(every_page):
        have = [lang for lang in languages if rel in trees[lang]]
        for lang in languages:
            if rel not in trees[lang]:
                problems.append(
                    f"docs/{lang}/{rel} is missing (it exists in {', '.join('docs/' + h for h in have)}). "
                    "Every page must exist in every language: translate it, or remove the others."
                )
    return problems
