"""Compare the structure of each Russian and Chinese page with its English page.

A translation is written natively, sentence by sentence, but its skeleton is the English
one: headings (count and level, ids), admonitions (kind, order), templates (count and number
of fields), checklist items, diagrams (node ids and edges), facts referenced and internal
link targets. Each difference is reported with the page, the language and what differs.

    python scripts/translation_structure.py        # exits 1 and lists differences
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs.utils.meta import get_data  # noqa: E402  (MkDocs' own front-matter parser)

from _common import find_fences, languages  # noqa: E402
from diagrams import parse_flowchart  # noqa: E402
from templates import placeholders  # noqa: E402

DOCS = ROOT / "docs"
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
HEADING_ID = re.compile(r"\{#([\w-]+)\}\s*$")
ADMONITION = re.compile(r"^\s*(!!!|\?\?\?\+?)\s*([\w-]+)")
TASK = re.compile(r"^\s*[-*]\s+\[[ xX]\]\s")
FACT = re.compile(r"\{(?:fact|fact-url|period):([a-z0-9-]+)(?::[a-z]+)?\}")
LINK = re.compile(r"\]\((?!https?:|mailto:|tel:|\{fact)([^)\s]+)\)")


def skeleton(text: str) -> dict:
    """The structural features of a Markdown page (fenced blocks are not read as prose)."""
    body, _ = get_data(text)
    fences = find_fences(body)
    inside = {n for f in fences for n in range(f.start, f.end + 1)}
    lines = [line for n, line in enumerate(body.split("\n")) if n not in inside]
    headings = []
    for line in lines:
        m = HEADING.match(line)
        if m:
            hid = HEADING_ID.search(m.group(2))
            headings.append(f"h{len(m.group(1))}" + (f"#{hid.group(1)}" if hid else ""))
    diagrams = []
    for f in fences:
        if f.lang == "mermaid":
            try:
                chart = parse_flowchart(f.body)
                diagrams.append((tuple(chart.labels), tuple((a, b) for a, b, _ in chart.edges)))
            except Exception as exc:  # the build reports the syntax error itself
                diagrams.append(("unreadable", str(exc)))
    return {
        "headings": headings,
        "admonitions": [m.group(2) for m in map(ADMONITION.match, lines) if m],
        "templates": [len(placeholders(f.body)) for f in fences if f.lang == "template"],
        "checklist items": sum(1 for line in lines if TASK.match(line)),
        "diagrams": diagrams,
        "facts": sorted(Counter(FACT.findall("\n".join(lines))).keys()),
        "internal links": sorted(set(LINK.findall("\n".join(lines)))),
    }


def describe(feature: str, english, translated) -> str:
    if feature == "diagrams":
        return "diagram node ids or edges differ"
    if isinstance(english, list) and isinstance(translated, list) and feature in ("facts", "internal links"):
        missing = sorted(set(english) - set(translated))
        extra = sorted(set(translated) - set(english))
        parts = ([f"missing {missing}"] if missing else []) + ([f"extra {extra}"] if extra else [])
        return "; ".join(parts)
    return f"English has {english}, translation has {translated}"


def differences(english_text: str, translated_text: str) -> list[str]:
    en, tr = skeleton(english_text), skeleton(translated_text)
    return [f"{feature}: {describe(feature, en[feature], tr[feature])}" for feature in en if en[feature] != tr[feature]]


TRANSLATIONS = languages()[1:]  # every language but the default (mkdocs.yml)


def check(docs: Path = DOCS, languages=TRANSLATIONS) -> list[str]:
    problems = []
    for english in sorted((docs / "en").rglob("*.md")):
        rel = english.relative_to(docs / "en").as_posix()
        for lang in languages:
            translated = docs / lang / rel
            if not translated.exists():
                continue  # the parity check reports missing pages
            for diff in differences(english.read_text(encoding="utf-8"), translated.read_text(encoding="utf-8")):
                problems.append(f"docs/{lang}/{rel} differs from docs/en/{rel}: {diff}")
    return problems


if __name__ == "__main__":
    found = check()
    print("\n".join(found) if found else "Every translation has the structure of its English page.")
    sys.exit(1 if found else 0)
