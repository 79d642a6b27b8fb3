"""Amazon's interface labels, from one glossary (data/ui-labels.yml).

Responsibilities:
- load and check the glossary (every label has en, ru and zh, and says whether the Chinese label
  is confirmed);
- replace {label:ID} in page Markdown with the label in the page language's convention:
  en **Your Orders**; ru **Your Orders** («Ваши заказы»); zh **您的订单**（Your Orders）, the English
  label marked lang="en" on Russian and Chinese pages; inside a fenced block (a message template, a
  diagram) the plain English label. An unknown id stops the build, naming the file and line;
- find labels typed by hand (`typed_labels`, used by `python hooks/labels.py lint` and the tests):
  a bold English label on a Russian or Chinese page, a bold Chinese label with its English in
  brackets, or a glossary label in bold on the English page.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import yaml

import html_lang
from _common import ROOT, BuildError, find_fences, languages, source_pages, strings

GLOSSARY = ROOT / "data" / "ui-labels.yml"
LANGS = languages()
REFERENCE = re.compile(r"\{label:(?P<id>[a-z0-9][a-z0-9-]*)\}")
ANY_REFERENCE = re.compile(r"\{label[^}\n]*\}")
BOLD = re.compile(r"\*\*(?P<text>[^*]+?)\*\*(?P<after>（[^）\n]*）)?")
# A Chinese page's link whose text is a label and whose English follows it: [联系我们](…)（Contact Us）
LINKED = re.compile(r"\[(?P<text>[^\]\n]+)\]\([^)\n]*\)（(?P<english>[A-Za-z][^）\n]*)）")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")
HAN = re.compile(r"[\u3400-\u9fff]")
INLINE_CODE = re.compile(r"`[^`\n]*`")


class GlossaryError(BuildError):
    pass


def validate(data: dict, origin: str = "data/ui-labels.yml") -> dict[str, dict]:
    if not isinstance(data, dict) or not isinstance(data.get("labels"), dict):
        raise GlossaryError(f"{origin}: expected a mapping with a 'labels:' section")
    labels = {}
    for label_id, entry in data["labels"].items():
        where = f"{origin}: label '{label_id}'"
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(label_id)):
            raise GlossaryError(f"{where}: ids use lower-case letters, digits and hyphens only")
        if not isinstance(entry, dict):
            raise GlossaryError(f"{where}: expected en, ru, zh and zh_confirmed")
        for field in LANGS:
            if not str(entry.get(field) or "").strip():
                raise GlossaryError(f"{where}: field '{field}' is missing")
        if not isinstance(entry.get("zh_confirmed"), bool):
            raise GlossaryError(f"{where}.zh_confirmed: write true or false")
        labels[label_id] = {k: (" ".join(str(v).split()) if k in LANGS else v) for k, v in entry.items()}
    return labels


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> dict[str, dict]:
    return validate(
        yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    )


def load_glossary(path: Path = GLOSSARY) -> dict[str, dict]:
    return _load(str(path), path.stat().st_mtime)


def render(label: dict, lang: str, plain: bool = False) -> str:
    """On a Russian or Chinese page the English label declares its language (WCAG 3.1.2): a screen
    reader says it with an English voice, as the reader will see it on amazon.com."""
    if plain:
        return label["en"]
    english = html.escape(label["en"], quote=False)
    if lang == "ru":
        return f'<strong lang="en">{english}</strong> («{label["ru"]}»)'
    if lang == "zh":
        return f'**{label["zh"]}**（<span lang="en">{english}</span>）'
    return f"**{label['en']}**"


def labels_table(labels: dict[str, dict], lang: str) -> str:
    """The glossary as a table for the sources page, marking the Chinese labels not yet confirmed."""
    s = strings(lang)

    def cell(text: str, column: str) -> str:  # each column in its language: a screen reader's voice, the glyphs
        return text if column == lang else f'<span lang="{html_lang.tag(column)}">{text}</span>'

    rows = [
        f"| {s['labels_en']} | {s['labels_ru']} | {s['labels_zh']} |",
        "|---|---|---|",
    ]
    for label in sorted(labels.values(), key=lambda x: x["en"].lower()):
        zh = cell(label["zh"], "zh") + ("" if label["zh_confirmed"] else f" ({s['labels_unconfirmed']})")
        rows.append(f"| {cell(label['en'], 'en')} | {cell(label['ru'], 'ru')} | {zh} |")
    return "\n".join(rows)


def resolve(markdown: str, labels: dict[str, dict], origin: str, lang: str, offset: int = 0) -> str:
    if "{label" not in markdown:
        return markdown
    in_fence = {n for f in find_fences(markdown) for n in range(f.start, f.end + 1)}
    out = []
    for index, line in enumerate(markdown.split("\n")):
        number = index + 1 + offset
        for bad in ANY_REFERENCE.findall(line):
            if not REFERENCE.fullmatch(bad) and bad != "{labels-table}":
                raise BuildError(f"{origin}:{number}: '{bad}' is not a label reference; write {{label:ID}}")

        def replace(m: re.Match, number: int = number, index: int = index) -> str:
            label = labels.get(m.group("id"))
            if label is None:
                raise BuildError(
                    f"{origin}:{number}: unknown label '{m.group('id')}'. Add it to data/ui-labels.yml "
                    f"(en, ru, zh) or fix the id. Known: {', '.join(sorted(labels))}"
                )
            return render(label, lang, plain=index in in_fence)

        if line.strip() == "{labels-table}":
            out.append(labels_table(labels, lang))
            continue
        out.append(REFERENCE.sub(replace, line))
    return "\n".join(out)


def typed_labels(markdown: str, labels: dict[str, dict], origin: str, lang: str) -> list[str]:
    """Labels written by hand instead of {label:ID}: each finding names the file and line."""
    by_english = {label["en"].lower(): label_id for label_id, label in labels.items()}
    in_fence = {n for f in find_fences(markdown) for n in range(f.start, f.end + 1)}
    problems = []
    for index, line in enumerate(markdown.split("\n")):
        if index in in_fence:
            continue
        for m in BOLD.finditer(INLINE_CODE.sub("", line)):
            text = " ".join(m.group("text").split())
            english = (m.group("after") or "")[1:-1].strip() if m.group("after") else text
            suggestion = by_english.get(english.lower())
            hint = (
                f"write {{label:{suggestion}}}" if suggestion else "add it to data/ui-labels.yml and write {label:ID}"
            )
            if lang == "zh" and m.group("after") and LATIN.search(m.group("after")) and HAN.search(text):
                problems.append(f"{origin}:{index + 1}: '{m.group(0)}' is a label typed by hand; {hint}")
            elif lang in ("ru", "zh") and LATIN.search(text) and not CYRILLIC.search(text) and not HAN.search(text):
                problems.append(f"{origin}:{index + 1}: '**{text}**' is a bold English label typed by hand; {hint}")
            elif lang == "en" and suggestion:
                problems.append(f"{origin}:{index + 1}: '**{text}**' is a glossary label typed by hand; {hint}")
        if lang == "zh":
            for m in LINKED.finditer(line):
                label_id = by_english.get(" ".join(m.group("english").split()).lower())
                if label_id and HAN.search(m.group("text")):
                    problems.append(
                        f"{origin}:{index + 1}: '[{m.group('text')}](…)（{m.group('english')}）' is a label typed by hand; "
                        f"write [{{label:{label_id}}}](…)"
                    )
    return problems


def check_pages(docs: Path, labels: dict[str, dict]) -> list[str]:
    problems = []
    for lang, origin, text in source_pages(docs):
        if lang in LANGS:
            problems += typed_labels(text, labels, origin, lang)
    return problems


def markdown_step(markdown: str, page) -> str:
    """The pipeline's labels step."""
    return resolve(markdown, load_glossary(), page.origin, page.lang, page.offset)


if __name__ == "__main__":  # python hooks/labels.py lint
    import sys

    found = check_pages(ROOT / "docs", load_glossary())
    print("\n".join(found) if found else "Every interface label comes from data/ui-labels.yml.")
    sys.exit(1 if found else 0)
