"""The facts registry: every phone number, e-mail address, handle, official URL and policy period.

Responsibilities:
- load and validate data/facts.yml (an entry without source, evidence or date, evidence over
  25 words, a malformed date, a non-https URL or a period that is not a positive whole number
  stops the build, naming the entry and the field);
- replace {fact:ID}, {fact-url:ID} and {period:ID} (or {period:ID:gen}, the Russian genitive, and
  {period:ID:en}, English inside a message to send from a Russian or Chinese page) in
  page Markdown, periods in the page language's plural form (Babel's CLDR rules); an unknown id
  names the file and line;
- find policy periods typed into a page instead of referenced (`typed_periods`, used by the build
  and by `python hooks/facts.py lint`);
- render the registry as a table where a page writes {facts-table};
- give templates the date of the oldest check (`facts_checked`) for printed checklists.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date

import html_lang
from _common import ROOT, BuildError, find_fences, source_pages, strings

REGISTRY = ROOT / "data" / "facts.yml"
KINDS = {"phone", "email", "url", "handle", "period"}
UNITS = ("day", "business-day", "hour")
CASES = ("gen", "en")  # Russian genitive; English inside an English message on a ru/zh page
REQUIRED = ("kind", "value", "region", "source", "checked", "evidence")
EVIDENCE_WORDS = 25
REFERENCE = re.compile(r"\{(?P<form>fact|fact-url|period):(?P<id>[a-z0-9][a-z0-9-]*)(?::(?P<case>[a-z]+))?\}")
ANY_REFERENCE = re.compile(r"\{(?:fact|period)[^}\n]*\}")
# An English word right before a period on a Russian or Chinese page: a message to send in English,
# where "within {period:x}" must render in English too ({period:x:en}).
ENGLISH_BEFORE_PERIOD = re.compile(r"\b[A-Za-z]{2,} \{period:(?P<id>[a-z0-9-]+)(?::gen)?\}")
# A number of days or hours as a writer types it, per page language: "30 days", "30-day",
# "30 дней", "24 часа", "30 天", "48 小时". `unit` maps the word to the registry's unit.
TYPED_PERIOD = {
    "en": re.compile(
        r"(?<![\d.,])(?P<n>\d+)(?:[\s\u00a0]|-)(?P<unit>(?:business[\s\u00a0-])?days?|hours?)\b", re.IGNORECASE
    ),
    "ru": re.compile(
        r"(?<![\d.,])(?P<n>\d+)[\s\u00a0-]*(?P<unit>(?:рабоч[а-я]*[\s\u00a0])?(?:дн[а-я]*|день)|сут[а-я]*|час[а-я]*)",
        re.IGNORECASE,
    ),
    # (not a date: "6 月 30 日" is the 30th of June)
    "zh": re.compile(r"(?<![\d.,])(?<!月)(?<!月\s)(?P<n>\d+)\s*(?:个)?(?P<unit>工作日|天|日|小时|钟头)"),
}
PHONE_VALUE = re.compile(r"^\+\d{5,15}$")  # +<country code><number>; short codes such as 165 (Taiwan) too
EMAIL_VALUE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}$")
HANDLE_VALUE = re.compile(r"^@\w{1,30}$")


class RegistryError(BuildError):
    pass


def unit_of(word: str) -> str:
    """The registry unit ("day", "business-day" or "hour") of a unit word in any of the site's languages."""
    word = word.lower()
    if word.startswith(("hour", "час", "小时", "钟头")):
        return "hour"
    return "business-day" if word.startswith(("business", "рабоч", "工作日")) else "day"


def _date(value, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RegistryError(f"{where}.checked: '{value}' is not a date; write it as YYYY-MM-DD") from None


def validate_registry(data: dict, origin: str = "data/facts.yml") -> dict[str, dict]:
    """Check every entry; return {id: entry} with `checked` as a date. Raise RegistryError."""
    if not isinstance(data, dict) or not isinstance(data.get("facts"), dict):
        raise RegistryError(f"{origin}: expected a mapping with a 'facts:' section")
    facts = {}
    for fact_id, entry in data["facts"].items():
        where = f"{origin}: fact '{fact_id}'"
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(fact_id)):
            raise RegistryError(f"{where}: ids use lower-case letters, digits and hyphens only")
        if not isinstance(entry, dict):
            raise RegistryError(f"{where}: expected fields kind, value, region, source, checked")
        for field in REQUIRED:
            if entry.get(field) in (None, ""):
                raise RegistryError(f"{where}: field '{field}' is missing")
        for field in ("region", "name"):
            text = entry.get(field)
            if isinstance(text, dict) and not text.get("en"):
                raise RegistryError(f"{where}.{field}: give at least the English text (en: …)")
        kind, value = entry["kind"], str(entry["value"])
        if kind not in KINDS:
            raise RegistryError(f"{where}.kind: '{kind}' is not one of {', '.join(sorted(KINDS))}")
        if not str(entry["source"]).startswith("https://"):
            raise RegistryError(f"{where}.source: '{entry['source']}' must be an https:// URL")
        try:  # the language of a quotation that is not in English, as HTML declares it (zh-Hant)
            Locale.parse(str(entry.get("evidence_lang", "en")), sep="-")
        except (ValueError, UnknownLocaleError) as error:
            raise RegistryError(f"{where}.evidence_lang: not a language tag such as zh-Hant ({error})") from None
        words = len(str(entry["evidence"]).split())
        if words > EVIDENCE_WORDS:
            raise RegistryError(
                f"{where}.evidence: {words} words; quote at most {EVIDENCE_WORDS} words of the source page"
            )
        if kind == "period":
            number = entry["value"]
            if isinstance(number, bool) or not isinstance(number, int) or number <= 0:
                raise RegistryError(f"{where}.value: '{number}' is not a positive whole number of {entry.get('unit')}s")
            if entry.get("unit") not in UNITS:
                raise RegistryError(f"{where}.unit: '{entry.get('unit')}' is not one of {', '.join(UNITS)}")
            facts[fact_id] = {**entry, "value": number, "checked": _date(entry["checked"], where)}
            continue
        if kind == "url" and not value.startswith("https://"):
            raise RegistryError(f"{where}.value: '{value}' must be an https:// URL")
        if kind == "phone":
            if not PHONE_VALUE.match(value):
                raise RegistryError(f"{where}.value: write phone numbers as +<country code><digits>, e.g. +18005550100")
            if not entry.get("display"):
                raise RegistryError(f"{where}: field 'display' (the number as readers write it) is missing")
            if not value.lstrip("+").endswith(re.sub(r"\D", "", str(entry["display"]))):
                raise RegistryError(f"{where}.display: '{entry['display']}' is not the same number as '{value}'")
        if kind == "email" and not EMAIL_VALUE.match(value):
            raise RegistryError(f"{where}.value: '{value}' is not an e-mail address")
        if kind == "handle":
            if not HANDLE_VALUE.match(value):
                raise RegistryError(f"{where}.value: '{value}' is not a handle like @Name")
            if not str(entry.get("url", "")).startswith("https://"):
                raise RegistryError(f"{where}.url: a handle needs the https:// address of its profile")
        facts[fact_id] = {**entry, "value": value, "checked": _date(entry["checked"], where)}
    return facts


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> tuple[dict[str, dict], int]:
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    origin = Path(path).relative_to(ROOT).as_posix() if Path(path).is_relative_to(ROOT) else path
    return validate_registry(data, origin), int(data.get("max_age_days", 180))


def load_registry(path: Path = REGISTRY) -> dict[str, dict]:
    """The validated registry, read once per change of the file."""
    return _load(str(path), path.stat().st_mtime)[0]


def max_age_days(path: Path = REGISTRY) -> int:
    return _load(str(path), path.stat().st_mtime)[1]


def period_text(fact: dict, lang: str, case: str | None = None) -> str:
    """A period in the page language: "30 days", "30\u00a0дней" ("24\u00a0часов" in the genitive), "30 天".

    The plural category comes from Babel (CLDR); the words for each category from hooks/strings.yml.
    """
    number = fact["value"]
    category = Locale.parse(lang).plural_form(number)
    forms = strings(lang)["period_units"][fact["unit"]]
    forms = forms.get(case, forms["nom"]) if case else forms["nom"]
    word = forms.get(category, forms["other"])
    separator = strings(lang)["period_separator"]
    return f"{number}{separator}{word}"


def display(fact: dict, lang: str = "en") -> str:
    """The fact as a reader sees it."""
    if fact["kind"] == "period":
        return period_text(fact, lang)
    if fact["kind"] == "phone":
        return str(fact["display"])
    if fact["kind"] == "url":
        return re.sub(r"^https://", "", fact["value"]).rstrip("/")
    return fact["value"]


def href(fact: dict) -> str | None:
    """Where a link to the fact points (None for an address that must not be a link)."""
    kind = fact["kind"]
    if kind == "period":
        return None
    if kind == "phone":
        return "tel:" + fact["value"]
    if kind == "email":
        return None if fact.get("mailto") is False else "mailto:" + fact["value"]
    if kind == "handle":
        return fact["url"]
    return fact["value"]


def render_markdown(fact: dict, lang: str = "en") -> str:
    target = href(fact)
    return f"[{display(fact, lang)}]({target})" if target else display(fact, lang)


def in_language(text, lang: str) -> str:
    """A registry text in the page's language: a plain string, or {en: …, ru: …, zh: …}."""
    if isinstance(text, dict):
        return str(text.get(lang) or text["en"])
    return str(text)


@functools.lru_cache(maxsize=256)
def local_date(date: dt.date, lang: str) -> str:
    """A date as the page's readers write it: Nov 20, 2026 / 20.11.2026 / 2026年11月20日."""
    return format_date(date, strings(lang)["date_format"], locale=lang)


def facts_checked(facts: dict[str, dict]) -> dt.date:
    """The date of the oldest check: what a printed page can promise about all its facts."""
    return min(f["checked"] for f in facts.values())


def facts_table(facts: dict[str, dict], lang: str) -> str:
    """The registry as a table for the sources page. A quotation in another language than the
    page's says which (evidence_lang, English unless the registry says otherwise), and so do the
    English words in a Russian or Chinese name or region (Contact Us, amazon.com)."""
    s = strings(lang)
    page_tag = html_lang.tag(lang)
    rows = [
        f"| {s['facts_fact']} | {s['facts_value']} | {s['facts_region']} | {s['facts_source']} | "
        f"{s['facts_evidence']} | {s['facts_checked']} |",
        "|---|---|---|---|---|---|",
    ]
    for fact_id, fact in facts.items():
        source = fact["source"]
        evidence = f"“{fact['evidence']}”".replace("|", "\\|")
        evidence_lang = fact.get("evidence_lang", "en")
        if evidence_lang != page_tag:
            evidence = f'<span lang="{evidence_lang}">{evidence}</span>'
        name = html_lang.mark_english(in_language(fact.get("name", ""), lang), lang)
        label = f"{name}<br>`{fact_id}`" if name else f"`{fact_id}`"
        region = html_lang.mark_english(in_language(fact["region"], lang), lang)
        rows.append(
            f"| {label} | {render_markdown(fact, lang)} | {region} | "
            f"[{re.sub(r'^https://', '', source).rstrip('/')}]({source}) | {evidence} | "
            f'<time datetime="{fact["checked"].isoformat()}">{local_date(fact["checked"], lang)}</time> |'
        )
    return "\n".join(rows)


def resolve(markdown: str, facts: dict[str, dict], origin: str, lang: str = "en", offset: int = 0) -> str:
    """Replace fact references. Inside fenced blocks a fact is plain text (no link).

    `offset` is the number of source lines before `markdown` (front matter), for messages."""
    lines = markdown.split("\n")
    in_fence = set()
    for fence in find_fences(markdown):
        in_fence.update(range(fence.start, fence.end + 1))
    out = []
    for number, line in enumerate(lines, start=1 + offset):
        if "{fact" not in line and "{period" not in line:
            out.append(line)
            continue
        for bad in ANY_REFERENCE.findall(line):
            if not REFERENCE.fullmatch(bad) and not bad.startswith(
                ("{facts-table}", "{facts-checked}", "{fact-source:")
            ):
                raise BuildError(
                    f"{origin}:{number}: '{bad}' is not a fact reference; "
                    "write {fact:ID}, {fact-url:ID} or {period:ID}"
                )

        def replace(m: re.Match, number: int = number) -> str:
            fact, form, case = facts.get(m.group("id")), m.group("form"), m.group("case")
            if form == "period":
                periods = sorted(i for i, f in facts.items() if f["kind"] == "period")
                if fact is None or fact["kind"] != "period":
                    raise BuildError(
                        f"{origin}:{number}: unknown period '{m.group('id')}'. Known periods: {', '.join(periods)}. "
                        "Add it to data/facts.yml (kind: period, with source, evidence and checked date) or fix the id."
                    )
                if case is not None and case not in CASES:
                    raise BuildError(
                        f"{origin}:{number}: '{m.group(0)}': unknown form '{case}'; write {{period:ID}}, "
                        "{period:ID:gen} or {period:ID:en}"
                    )
                if case == "en":
                    return period_text(fact, "en")
                return period_text(fact, lang, case)
            if fact is None:
                raise BuildError(
                    f"{origin}:{number}: unknown fact '{m.group('id')}'. Known ids: {', '.join(sorted(facts))}. "
                    "Add it to data/facts.yml (with source, evidence and checked date) or fix the id."
                )
            if form == "fact-url":
                return href(fact) or display(fact, lang)
            return display(fact, lang) if (number - 1 - offset) in in_fence else render_markdown(fact, lang)

        line = REFERENCE.sub(replace, line)
        line = line.replace("{facts-checked}", local_date(facts_checked(facts), lang))
        if line.strip() == "{facts-table}":
            line = facts_table(facts, lang)
        out.append(line)
    return "\n".join(out)


def typed_periods(markdown: str, facts: dict[str, dict], origin: str, lang: str, offset: int = 0) -> list[str]:
    """Policy periods typed as numbers ("30 days", "48 小时") where the registry has that period.

    Returns one message per finding, naming the file, the line and the {period:ID} to write instead."""
    pattern = TYPED_PERIOD.get(lang, TYPED_PERIOD["en"])
    registered: dict[tuple[int, str], list[str]] = {}
    for fact_id, fact in facts.items():
        if fact["kind"] == "period":
            registered.setdefault((fact["value"], fact["unit"]), []).append(fact_id)
    problems = []
    for number, line in enumerate(markdown.split("\n"), start=1 + offset):
        for m in pattern.finditer(line):
            ids = registered.get((int(m.group("n")), unit_of(m.group("unit"))))
            if ids:
                choices = " or ".join(f"{{period:{i}}}" for i in ids)
                problems.append(
                    f"{origin}:{number}: '{m.group(0)}' is a policy period of the registry; write {choices} "
                    "so that it follows data/facts.yml"
                )
    return problems


def check_pages(docs: Path, facts: dict[str, dict]) -> list[str]:
    """`typed_periods` over every page of every language folder under `docs`."""
    problems = []
    for lang, origin, text in source_pages(docs):
        problems += typed_periods(text, facts, origin, lang)
        if lang != "en":
            for number, line in enumerate(text.split("\n"), start=1):
                for m in ENGLISH_BEFORE_PERIOD.finditer(line):
                    problems.append(
                        f"{origin}:{number}: '{m.group(0)}' is English text, but the period would render in the "
                        f"page's language; write {{period:{m.group('id')}:en}}"
                    )
        front = text.split("\n---", 1)[0] if text.startswith("---") else ""
        for number, line in enumerate(front.split("\n"), start=1):
            if ANY_REFERENCE.search(line):
                problems.append(
                    f"{origin}:{number}: the front matter is not rendered, so it cannot use "
                    f"'{ANY_REFERENCE.search(line).group(0)}'; say it without the number"
                )
    return problems


NOTICE_DAYS = 30  # the build names a fact this many days before its check expires


def expiring(facts: dict[str, dict], today: dt.date, max_age: int, notice: int = NOTICE_DAYS) -> list[str]:
    """Facts whose last check is older than `max_age` days, or will be within `notice` days."""
    out = []
    for fact_id, fact in facts.items():
        expires = fact["checked"] + dt.timedelta(days=max_age)
        if (expires - today).days <= notice:
            state = "expired" if expires < today else "expires"
            out.append(f"{fact_id}: checked {fact['checked']}, {state} {expires} — re-check {fact['source']}")
    return out


def markdown_step(markdown: str, page) -> str:
    """The pipeline's facts step: stop on a typed period, then resolve every reference."""
    facts = load_registry()
    problems = typed_periods(markdown, facts, page.origin, page.lang, page.offset)
    if problems:
        raise BuildError("\n".join(problems))
    return resolve(markdown, facts, page.origin, page.lang, page.offset)


if __name__ == "__main__":  # python hooks/facts.py lint | stale
    import sys

    if sys.argv[1:] == ["stale"]:  # facts expired or expiring within NOTICE_DAYS (scheduled workflow)
        due = expiring(load_registry(), dt.date.today(), max_age_days())
        print("\n".join(due) if due else f"No fact expires within {NOTICE_DAYS} days.")
        sys.exit(1 if due else 0)
    found = check_pages(ROOT / "docs", load_registry())
    print("\n".join(found) if found else "No policy period is typed into a page; all come from data/facts.yml.")
    sys.exit(1 if found else 0)
