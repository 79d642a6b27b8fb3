"""Create a page in every language and add it to the navigation.

    make new-page PAGE=problems/late-refund

Writes docs/en/<PAGE>.md, docs/ru/<PAGE>.md and docs/zh/<PAGE>.md. The translations carry
`untranslated: true`, which the tests reject until a translator writes the page, removes the
marker and runs `make stamp`. The page is added to mkdocs.yml's nav after the last page of
its folder (or at the end of the nav), so the build knows where to show it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from _common import languages  # noqa: E402

LANGUAGES = languages()
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")


def page_text(lang: str, title: str) -> str:
    marker = "" if lang == "en" else "untranslated: true\n"
    return f'---\ndescription: ""\n{marker}---\n\n# {title}\n\n'


def add_to_nav(config: str, rel: str) -> str:
    """Insert `- rel` into the nav after the last entry of the same folder, else at the end."""
    lines = config.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("nav:"))
    entries = [i for i in range(start + 1, len(lines)) if re.match(r"^\s+- [\w/.-]+\.md\s*$", lines[i])]
    folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else None
    same = [i for i in entries if folder and lines[i].strip()[2:].startswith(folder)]
    at = (same or entries)[-1]
    indent = re.match(r"^(\s*)", lines[at]).group(1)
    lines.insert(at + 1, f"{indent}- {rel}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not NAME.match(argv[0].removesuffix(".md")):
        print("usage: make new-page PAGE=folder/page-name   (lower-case letters, digits, hyphens)", file=sys.stderr)
        return 2
    name = argv[0].removesuffix(".md")
    rel = f"{name}.md"
    existing = [f"docs/{lang}/{rel}" for lang in LANGUAGES if (ROOT / "docs" / lang / rel).exists()]
    if existing:
        print(f"{', '.join(existing)} already exist(s); nothing was changed.", file=sys.stderr)
        return 1
    title = name.rsplit("/", 1)[-1].replace("-", " ").capitalize()
    for lang in LANGUAGES:
        path = ROOT / "docs" / lang / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_text(lang, title), encoding="utf-8")
        print(f"created docs/{lang}/{rel}")
    config = ROOT / "mkdocs.yml"
    config.write_text(add_to_nav(config.read_text(encoding="utf-8"), rel), encoding="utf-8")
    print(f"added {rel} to the nav in mkdocs.yml (move it if it belongs elsewhere)")
    print(
        "Next: write the English page and its description, then translate docs/ru and docs/zh,\n"
        "remove `untranslated: true` and run `make stamp PAGE=" + rel + "`."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
