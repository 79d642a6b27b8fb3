"""The facts registry: every phone number, e-mail address, handle and official URL.

Responsibilities:
- load and validate data/facts.yml (an entry without source or date, a malformed date or a
  non-https URL stops the build, naming the entry and the field);
- replace {fact:ID} and {fact-url:ID} in page Markdown (an unknown id names the file and line);
- render the registry as a table where a page writes {facts-table};
- give templates the date of the oldest check (`facts_checked`) for printed checklists.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

from _common import ROOT, build_language, find_fences, front_matter_lines, source_path, strings

REGISTRY = ROOT / "data" / "facts.yml"
KINDS = {"phone", "email", "url", "handle"}
REQUIRED = ("kind", "value", "region", "source", "checked")
REFERENCE = re.compile(r"\{(?P<form>fact|fact-url):(?P<id>[a-z0-9][a-z0-9-]*)\}")
ANY_REFERENCE = re.compile(r"\{fact[^}\n]*\}")
PHONE_VALUE = re.compile(r"^\+\d{8,15}$")
EMAIL_VALUE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}$")
HANDLE_VALUE = re.compile(r"^@\w{1,30}$")


class RegistryError(PluginError):
    pass


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
        kind, value = entry["kind"], str(entry["value"])
        if kind not in KINDS:
            raise RegistryError(f"{where}.kind: '{kind}' is not one of {', '.join(sorted(KINDS))}")
        if not str(entry["source"]).startswith("https://"):
            raise RegistryError(f"{where}.source: '{entry['source']}' must be an https:// URL")
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
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    origin = Path(path).relative_to(ROOT).as_posix() if Path(path).is_relative_to(ROOT) else path
    return validate_registry(data, origin), int(data.get("max_age_days", 180))


def load_registry(path: Path = REGISTRY) -> dict[str, dict]:
    """The validated registry, read once per change of the file."""
    return _load(str(path), path.stat().st_mtime)[0]


def max_age_days(path: Path = REGISTRY) -> int:
    return _load(str(path), path.stat().st_mtime)[1]


def display(fact: dict) -> str:
    """The fact as a reader sees it."""
    if fact["kind"] == "phone":
        return str(fact["display"])
    if fact["kind"] == "url":
        return re.sub(r"^https://", "", fact["value"]).rstrip("/")
    return fact["value"]


def href(fact: dict) -> str | None:
    """Where a link to the fact points (None for an address that must not be a link)."""
    kind = fact["kind"]
    if kind == "phone":
        return "tel:" + fact["value"]
    if kind == "email":
        return None if fact.get("mailto") is False else "mailto:" + fact["value"]
    if kind == "handle":
        return fact["url"]
    return fact["value"]


def render_markdown(fact: dict) -> str:
    target = href(fact)
    return f"[{display(fact)}]({target})" if target else display(fact)


def facts_checked(facts: dict[str, dict]) -> dt.date:
    """The date of the oldest check: what a printed page can promise about all its facts."""
    return min(f["checked"] for f in facts.values())


def facts_table(facts: dict[str, dict], lang: str) -> str:
    s = strings(lang)
    rows = [
        f"| {s['facts_fact']} | {s['facts_value']} | {s['facts_region']} | {s['facts_source']} | {s['facts_checked']} |",
        "|---|---|---|---|---|",
    ]
    for fact_id, fact in facts.items():
        source = fact["source"]
        rows.append(
            f"| `{fact_id}` | {render_markdown(fact)} | {fact['region']} | "
            f"[{re.sub(r'^https://', '', source).rstrip('/')}]({source}) | {fact['checked'].isoformat()} |"
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
        if "{fact" not in line:
            out.append(line)
            continue
        for bad in ANY_REFERENCE.findall(line):
            if not REFERENCE.fullmatch(bad) and not bad.startswith(("{facts-table}", "{facts-checked}")):
                raise PluginError(
                    f"{origin}:{number}: '{bad}' is not a fact reference; write {{fact:ID}} or {{fact-url:ID}}"
                )

        def replace(m: re.Match, number: int = number) -> str:
            fact = facts.get(m.group("id"))
            if fact is None:
                raise PluginError(
                    f"{origin}:{number}: unknown fact '{m.group('id')}'. Known ids: {', '.join(sorted(facts))}. "
                    "Add it to data/facts.yml (with source and checked date) or fix the id."
                )
            if m.group("form") == "fact-url":
                return href(fact) or display(fact)
            return display(fact) if (number - 1 - offset) in in_fence else render_markdown(fact)

        line = REFERENCE.sub(replace, line)
        line = line.replace("{facts-checked}", facts_checked(facts).isoformat())
        if line.strip() == "{facts-table}":
            line = facts_table(facts, lang)
        out.append(line)
    return "\n".join(out)


def on_page_markdown(markdown, page, config, files):
    return resolve(markdown, load_registry(), source_path(page), build_language(config), front_matter_lines(page))


def on_page_context(context, page, config, nav):
    context["facts_checked"] = facts_checked(load_registry()).isoformat()
    return context
