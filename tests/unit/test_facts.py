"""The facts registry: validation, references, rendering, staleness."""

import datetime as dt

import pytest
from mkdocs.exceptions import PluginError

import facts as F
from support import assert_none

GOOD = {
    "facts": {
        "us-phone": {
            "kind": "phone",
            "value": "+18882804331",
            "display": "1-888-280-4331",
            "region": "US",
            "source": "https://www.amazon.com/x",
            "checked": dt.date(2026, 11, 1),
        },
        "contact-us": {
            "kind": "url",
            "value": "https://www.amazon.com/contact",
            "region": "US",
            "source": "https://www.amazon.com/contact",
            "checked": "2026-11-01",
        },
        "sender": {
            "kind": "email",
            "value": "sender@amazon.com",
            "region": "US",
            "mailto": False,
            "source": "https://www.amazon.com/x",
            "checked": "2026-11-01",
        },
        "help": {
            "kind": "handle",
            "value": "@AmazonHelp",
            "url": "https://x.com/AmazonHelp",
            "region": "X",
            "source": "https://x.com/AmazonHelp",
            "checked": "2026-11-01",
        },
    }
}


def registry(**changes):
    data = {"facts": {k: dict(v) for k, v in GOOD["facts"].items()}}
    for fact_id, fields in changes.items():
        data["facts"].setdefault(fact_id, {}).update(fields)
        for key, value in fields.items():
            if value is None:
                del data["facts"][fact_id][key]
    return data


def test_real_registry_is_valid():
    facts = F.load_registry()
    assert "us-phone" in facts and "contact-us" in facts


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"contact-us": {"source": None}}, "fact 'contact-us': field 'source' is missing"),
        ({"contact-us": {"checked": None}}, "fact 'contact-us': field 'checked' is missing"),
        ({"contact-us": {"checked": "01/11/2026"}}, "fact 'contact-us'.checked: '01/11/2026' is not a date"),
        (
            {"contact-us": {"value": "http://www.amazon.com/contact"}},
            "fact 'contact-us'.value: 'http://www.amazon.com/contact' must be an https:// URL",
        ),
        ({"contact-us": {"source": "http://www.amazon.com/"}}, "fact 'contact-us'.source"),
        ({"us-phone": {"value": "1-888-280-4331"}}, "fact 'us-phone'.value: write phone numbers as +"),
        (
            {"us-phone": {"display": "1-888-280-4364"}},
            "fact 'us-phone'.display: '1-888-280-4364' is not the same number",
        ),
        ({"help": {"url": None}}, "fact 'help'.url"),
        ({"contact-us": {"kind": "fax"}}, "fact 'contact-us'.kind: 'fax' is not one of"),
    ],
)
def test_registry_errors_name_entry_and_field(changes, message):
    with pytest.raises(PluginError) as err:
        F.validate_registry(registry(**changes), "data/facts.yml")
    assert message in str(err.value)
    assert str(err.value).startswith("data/facts.yml: ")


def test_references_render_by_kind():
    facts = F.validate_registry(GOOD)
    out = F.resolve(
        "Call {fact:us-phone}, open {fact:contact-us}, X {fact:help}, from {fact:sender}.", facts, "docs/en/a.md"
    )
    assert "[1-888-280-4331](tel:+18882804331)" in out
    assert "[www.amazon.com/contact](https://www.amazon.com/contact)" in out
    assert "[@AmazonHelp](https://x.com/AmazonHelp)" in out
    assert "from sender@amazon.com." in out and "mailto:sender@amazon.com" not in out


def test_fact_url_is_a_bare_link_target():
    facts = F.validate_registry(GOOD)
    assert (
        F.resolve("[Contact Us]({fact-url:contact-us})", facts, "x") == "[Contact Us](https://www.amazon.com/contact)"
    )
    assert F.resolve("[call]({fact-url:us-phone})", facts, "x") == "[call](tel:+18882804331)"


def test_unknown_fact_names_file_and_line():
    facts = F.validate_registry(GOOD)
    with pytest.raises(PluginError) as err:
        F.resolve("line one\nline two {fact:us-fone}\n", facts, "docs/ru/channels/phone.md")
    assert "docs/ru/channels/phone.md:2: unknown fact 'us-fone'" in str(err.value)


def test_malformed_reference_names_file_and_line():
    facts = F.validate_registry(GOOD)
    with pytest.raises(PluginError) as err:
        F.resolve("\n\n{fact: us-phone}", facts, "docs/zh/a.md")
    assert "docs/zh/a.md:3:" in str(err.value)


def test_inside_a_fence_a_fact_is_plain_text():
    facts = F.validate_registry(GOOD)
    out = F.resolve("```template\nCall {fact:us-phone}\n```", facts, "x")
    assert "Call 1-888-280-4331" in out and "tel:" not in out


def test_syntax_does_not_collide_with_mermaid_or_placeholders():
    facts = F.validate_registry(GOOD)
    text = '```mermaid\nflowchart TD\n  a{"Urgent?"} --> b{{"Hexagon"}}\n```\nHello [Order number] {: .note}'
    assert F.resolve(text, facts, "x") == text


def test_facts_table_lists_every_fact_with_source_and_date():
    facts = F.validate_registry(GOOD)
    table = F.facts_table(facts, "ru")
    assert table.splitlines()[0].startswith("| Что это |")
    for fact_id in facts:
        assert f"`{fact_id}`" in table
    assert "2026-11-01" in table


def stale(facts, today, max_age):
    return [f"{i} (checked {f['checked']})" for i, f in facts.items() if (today - f["checked"]).days > max_age]


def test_stale_check_catches_an_old_date():
    facts = F.validate_registry(registry(**{"contact-us": {"checked": "2025-01-01"}}))
    assert stale(facts, dt.date(2026, 11, 22), 180) == ["contact-us (checked 2025-01-01)"]


def test_no_fact_is_stale():
    """Every fact was checked within max_age_days (data/facts.yml). Re-check the source, then update `checked`."""
    facts = F.load_registry()
    assert_none(
        stale(facts, dt.date.today(), F.max_age_days()),
        "Re-check each source page, then update `checked` in data/facts.yml.",
    )
