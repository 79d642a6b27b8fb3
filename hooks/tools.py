"""The data behind the tools: "Is this really Amazon?" (/check/) and "Your deadlines" (/deadlines/).

Responsibilities:
- read Amazon's own domains from data/facts.yml (`domains:`, each with its source, the words that
  state it and the check date) and validate them;
- write site/assets/check-data.json once per build: the registry's contacts (phones, e-mail
  addresses, handles, URLs, with their names, use, region, source and check date in every language),
  Amazon's domains, the Public Suffix List (from the pinned `publicsuffixlist` package) and the
  Unicode confusables that imitate Latin letters and digits (from the pinned `confusable-homoglyphs`
  package, which ships Unicode's confusables data). The checker loads it on the first check only;
- on a page, replace {tool-strings:check} / {tool-strings:deadlines} with the tool's interface
  strings in the page's language (hooks/tools.yml) as an inline JSON block, {deadline-periods}
  with the policy periods the deadlines use, {fact-source:ID} with the source link and check date
  of a registry entry, and {domains-table} with the table of Amazon's domains (sources page).

All of it is computed from the registry: no number, address or domain is written in a tool.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
import unicodedata
from pathlib import Path

import yaml

from _common import ROOT, BuildError, languages, relative_url, strings
from facts import REGISTRY, in_language, load_registry, local_date

CHECK_DATA = "assets/check-data.json"
TOOL_STRINGS = Path(__file__).with_name("tools.yml")
LANGUAGES = languages()
DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
# The periods each deadline is computed from (docs/assets/deadlines.js names the same ids).
DEADLINE_PERIODS = (
    "return-window",
    "a-to-z-after-latest",
    "a-to-z-filing-limit",
    "us-card-dispute-window",
    "a-to-z-appeal-limit",
)
# The text that marks an imitation of Amazon once look-alike characters are mapped to Latin ones.
AMAZON_WORDS = ("amazon", "amzn")
PLACEHOLDER = re.compile(
    r"\{(?P<what>tool-strings|fact-source|deadline-periods|domains-table|check-data-url)(?::(?P<arg>[a-z0-9-]+))?\}"
)


class ToolDataError(BuildError):
    pass


@functools.lru_cache(maxsize=2)
def _registry_file(path: str, mtime: float) -> dict:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def load_domains(path: Path = REGISTRY) -> dict[str, dict]:
    """Amazon's registrable domains: {domain: {source, evidence, checked}}; a bad entry stops the build."""
    data = _registry_file(str(path), path.stat().st_mtime).get("domains") or {}
    domains = {}
    for domain, entry in data.items():
        where = f"data/facts.yml: domain '{domain}'"
        if not DOMAIN.match(str(domain)):
            raise ToolDataError(f"{where}: write the registrable domain in lower case, e.g. amazon.co.uk")
        for field in ("source", "evidence", "checked"):
            if not entry or entry.get(field) in (None, ""):
                raise ToolDataError(f"{where}: field '{field}' is missing")
        if not str(entry["source"]).startswith("https://"):
            raise ToolDataError(f"{where}.source must be an https:// URL")
        checked = entry["checked"]
        if not isinstance(checked, dt.date):
            raise ToolDataError(f"{where}.checked: '{checked}' is not a date (YYYY-MM-DD)")
        domains[str(domain)] = {**entry, "checked": checked}
    if not domains:
        raise ToolDataError("data/facts.yml: the `domains:` section (Amazon's own domains) is missing")
    return domains


@functools.cache
def public_suffix_rules() -> list[str]:
    """Every rule of the Public Suffix List (ICANN and private sections), IDN labels in punycode,
    so that they compare with the host names a browser's URL parser gives."""
    import publicsuffixlist

    text = (Path(publicsuffixlist.__file__).parent / "public_suffix_list.dat").read_text(encoding="utf-8")
    rules = []
    for line in text.splitlines():
        rule = line.strip().split()[0] if line.strip() else ""
        if not rule or rule.startswith("//"):
            continue
        prefix = rule[0] if rule[0] == "!" else ""
        labels = rule[len(prefix) :].split(".")
        labels = [label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii") for label in labels]
        rules.append(prefix + ".".join(labels).lower())
    return rules


@functools.cache
def confusables() -> tuple[dict[str, list[str]], dict[str, str]]:
    """Characters that look like a Latin letter or digit: {char: [ascii, script]}, and ASCII
    sequences that look like one letter ("rn" -> "m"), from Unicode's confusables data."""
    import confusable_homoglyphs

    data = json.loads((Path(confusable_homoglyphs.__file__).parent / "confusables.json").read_text(encoding="utf-8"))
    pairs = set()
    for char, homoglyphs in data.items():
        for glyph in homoglyphs:
            pairs.add((char, glyph["c"]))
            pairs.add((glyph["c"], char))
    single: dict[str, list[str]] = {}
    sequences: dict[str, str] = {}
    for char, like in sorted(pairs):
        if len(like) != 1 or not like.isascii() or not like.isalnum():
            continue
        if len(char) == 1 and not char.isascii():
            target = like.lower()
            current = single.get(char)
            if current is None or (current[0].isdigit() and target.isalpha()):
                script = unicodedata.name(char, "").split(" ")[0]
                single[char] = [target, script]
        elif len(char) == 1 and char.isdigit() and like.isalpha():
            single[char] = [like.lower(), "DIGIT"]
        elif len(char) > 1 and char.isascii() and char.isalnum() and like.isalpha():
            sequences[char.lower()] = like.lower()
    return single, sequences


def contacts(facts: dict[str, dict]) -> list[dict]:
    """The registry's contacts as the checker shows them, in every language."""
    out = []
    for fact_id, fact in facts.items():
        if fact["kind"] == "period":
            continue
        entry = {
            "id": fact_id,
            "kind": fact["kind"],
            "value": fact["value"],
            "source": fact["source"],
            "checked": fact["checked"].isoformat(),
        }
        if fact.get("display"):
            entry["display"] = str(fact["display"])
        for field in ("name", "region", "use"):
            if fact.get(field):
                entry[field] = {lang: in_language(fact[field], lang) for lang in LANGUAGES}
        entry["checkedText"] = {lang: local_date(fact["checked"], lang) for lang in LANGUAGES}
        out.append(entry)
    return out


def check_data(facts: dict[str, dict], domains: dict[str, dict]) -> dict:
    single, sequences = confusables()
    return {
        "contacts": contacts(facts),
        "domains": sorted(domains),
        "words": list(AMAZON_WORDS),
        "psl": "\n".join(public_suffix_rules()),
        "confusables": single,
        "sequences": sequences,
    }


@functools.cache
def _tool_strings(mtime: float) -> dict:
    return yaml.safe_load(TOOL_STRINGS.read_text(encoding="utf-8"))


def tool_strings(tool: str, lang: str) -> dict:
    """A tool's interface strings in a language; a key missing in that language is an error."""
    data = _tool_strings(TOOL_STRINGS.stat().st_mtime)
    if tool not in data:
        raise ToolDataError(f"hooks/tools.yml: no strings for the tool '{tool}'")
    english = data[tool]["en"]
    local = data[tool].get(lang, {})
    missing = sorted(set(english) - set(local))
    if missing:
        raise ToolDataError(f"hooks/tools.yml: {tool}.{lang} lacks {', '.join(missing)}")
    return local


def json_block(element_id: str, value) -> str:
    """Inline data for a script: a JSON block the browser never runs, safe inside <script>."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def fact_source(fact: dict, lang: str) -> str:
    source = fact["source"]
    host = re.sub(r"^https://", "", source).split("/")[0]
    label = strings(lang)["facts_checked"]
    return (
        f'<a href="{html.escape(source)}">{html.escape(host)}</a> · {label} '
        f'<time datetime="{fact["checked"].isoformat()}">{local_date(fact["checked"], lang)}</time>'
    )


def domains_table(domains: dict[str, dict], lang: str) -> str:
    s = strings(lang)
    rows = [
        f"| {tool_strings('sources', lang)['domain']} | {s['facts_source']} | {s['facts_evidence']} | {s['facts_checked']} |",
        "|---|---|---|---|",
    ]
    for domain, entry in sorted(domains.items()):
        source = entry["source"]
        rows.append(
            f"| `{domain}` | [{re.sub(r'^https://', '', source).split('/')[0]}]({source}) | "
            f"“{str(entry['evidence']).replace('|', '&#124;')}” | "
            f'<time datetime="{entry["checked"].isoformat()}">{local_date(entry["checked"], lang)}</time> |'
        )
    return "\n".join(rows)


def resolve(markdown: str, lang: str, origin: str, page_url: str = "") -> str:
    if "{" not in markdown or not PLACEHOLDER.search(markdown):
        return markdown
    facts = load_registry()

    def replace(m: re.Match) -> str:
        what, arg = m.group("what"), m.group("arg")
        if what == "tool-strings":
            return json_block(f"{arg}-strings", tool_strings(arg, lang))
        if what == "deadline-periods":
            return json_block("deadline-periods", {i: facts[i]["value"] for i in DEADLINE_PERIODS})
        if what == "check-data-url":
            return relative_url(CHECK_DATA, page_url)
        if what == "domains-table":
            return domains_table(load_domains(), lang)
        if arg not in facts:
            raise ToolDataError(f"{origin}: {{fact-source:{arg}}} names no registry entry")
        return fact_source(facts[arg], lang)

    return PLACEHOLDER.sub(replace, markdown)


def check_registry() -> None:
    """Stop the build if the registry lacks what the tools need (run once, when the build starts)."""
    facts = load_registry()
    missing = [i for i in DEADLINE_PERIODS if facts.get(i, {}).get("kind") != "period"]
    if missing:
        raise ToolDataError(f"data/facts.yml: the deadlines need the periods {', '.join(missing)}")
    load_domains()


def markdown_step(markdown: str, page) -> str:
    """The pipeline's tools step."""
    return resolve(markdown, page.lang, page.origin, page.url)


def write_check_data(site_dir: Path) -> None:
    """A site-wide step: the checker's data, once for every language."""
    target = site_dir / CHECK_DATA
    target.parent.mkdir(parents=True, exist_ok=True)
    data = check_data(load_registry(), load_domains())
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


__all__ = ["ROOT", "check_data", "load_domains", "resolve", "tool_strings"]
