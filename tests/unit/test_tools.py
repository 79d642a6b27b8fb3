"""hooks/tools.py: the data of the checker and the deadlines, all taken from the registry and from
maintained libraries (the Public Suffix List, Unicode's confusables), and the tools' strings."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
import yaml

import facts as F
import tools as T
from _common import languages

LANGUAGES = languages()


def test_amazons_domains_come_with_source_evidence_and_date():
    domains = T.load_domains()
    assert {"amazon.com", "amazon.co.uk", "amazon.de", "amazon.co.jp", "amazon.com.be"} <= set(domains)
    for domain, entry in domains.items():
        assert entry["source"].startswith("https://") and entry["evidence"], domain
        assert isinstance(entry["checked"], dt.date)


@pytest.mark.parametrize(
    "entry, message",
    [
        (
            {"Amazon.COM": {"source": "https://a.example", "evidence": "x", "checked": dt.date(2026, 1, 1)}},
            "lower case",
        ),
        ({"amazon.com": {"source": "https://a.example", "checked": dt.date(2026, 1, 1)}}, "'evidence' is missing"),
        ({"amazon.com": {"source": "http://a.example", "evidence": "x", "checked": dt.date(2026, 1, 1)}}, "https"),
        ({"amazon.com": {"source": "https://a.example", "evidence": "x", "checked": "soon"}}, "not a date"),
    ],
)
def test_a_bad_domain_entry_stops_the_build(tmp_path, entry, message):
    path = tmp_path / "facts.yml"
    path.write_text(yaml.safe_dump({"facts": {}, "domains": entry}), encoding="utf-8")
    with pytest.raises(T.ToolDataError, match=message):
        T.load_domains(path)


def test_the_public_suffix_list_is_complete_and_in_punycode():
    rules = set(T.public_suffix_rules())
    assert len(rules) > 9000
    assert {"com", "co.uk", "*.ck", "!www.ck", "blogspot.com", "s3.amazonaws.com"} <= rules
    assert "xn--p1ai" in rules  # .рф
    assert all(rule.isascii() for rule in rules)


def test_confusables_come_from_unicode_data():
    single, sequences = T.confusables()
    assert single["\u0430"] == ["a", "CYRILLIC"]  # Cyrillic а
    assert single["\u03bf"][0] == "o"  # Greek omicron
    assert single["0"] == ["o", "DIGIT"]
    assert sequences["rn"] == "m"
    assert len(single) > 1000
    assert all(len(target) == 1 and target.isascii() for target, _ in single.values())


def test_check_data_has_every_contact_and_no_period():
    facts = F.load_registry()
    data = T.check_data(facts, T.load_domains())
    ids = {c["id"] for c in data["contacts"]}
    assert ids == {i for i, f in facts.items() if f["kind"] != "period"}
    spoofing = next(c for c in data["contacts"] if c["id"] == "stop-spoofing")
    assert (
        set(spoofing["use"]) == set(LANGUAGES) and spoofing["checked"] == facts["stop-spoofing"]["checked"].isoformat()
    )
    json.dumps(data)  # serialisable as it is written


def test_every_phone_email_and_handle_says_what_it_is_for():
    for fact_id, fact in F.load_registry().items():
        if fact["kind"] in ("phone", "email", "handle"):
            assert isinstance(fact.get("use"), dict) and set(fact["use"]) >= set(LANGUAGES), fact_id


@pytest.mark.parametrize("tool", ["check", "deadlines", "sources"])
def test_every_tool_string_exists_in_every_language(tool):
    data = yaml.safe_load(T.TOOL_STRINGS.read_text(encoding="utf-8"))
    english = set(data[tool]["en"])
    for lang in LANGUAGES:
        assert set(data[tool].get(lang, {})) == english, f"{tool}.{lang}"
        for key, value in data[tool][lang].items():
            braces = sorted(re.findall(r"\{\w+\}", str(data[tool]["en"][key])))
            assert sorted(re.findall(r"\{\w+\}", str(value))) == braces, f"{tool}.{lang}.{key}"


def test_a_missing_tool_string_is_named(monkeypatch):
    monkeypatch.setattr(T, "_tool_strings", lambda mtime: {"check": {"en": {"a": "A", "b": "B"}, "ru": {"a": "А"}}})
    with pytest.raises(T.ToolDataError, match=r"check\.ru lacks b"):
        T.tool_strings("check", "ru")


def test_placeholders_are_resolved_from_the_registry():
    facts = F.load_registry()
    page = "{deadline-periods}\n{fact-source:return-window}\n{check-data-url}\n{tool-strings:deadlines}"
    out = T.resolve(page, "ru", "docs/ru/deadlines.md", "ru/deadlines/")
    periods = json.loads(out.split("</script>")[0].split(">", 1)[1])
    assert periods == {i: facts[i]["value"] for i in T.DEADLINE_PERIODS}
    assert f'href="{facts["return-window"]["source"]}"' in out
    assert f'datetime="{facts["return-window"]["checked"].isoformat()}"' in out
    assert "../../assets/check-data.json" in out
    assert 'id="deadlines-strings"' in out


def test_an_unknown_fact_source_is_named():
    with pytest.raises(T.ToolDataError, match="no-such-fact"):
        T.resolve("{fact-source:no-such-fact}", "en", "docs/en/x.md", "x/")


def test_inline_json_cannot_close_its_script_element():
    block = T.json_block("x", {"a": "</script><script>alert(1)</script>"})
    assert block.count("</script>") == 1
