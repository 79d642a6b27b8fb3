"""The facts registry: validation, references, rendering, staleness."""

import datetime as dt

import pytest

import facts as F
import html_lang
from _common import BuildError as PluginError
from support import assert_none

GOOD = {
    "facts": {
        "us-phone": {
            "kind": "phone",
            "value": "+18882804331",
            "display": "1-888-280-4331",
            "region": "US",
            "source": "https://www.amazon.com/x",
            "evidence": "call 1-888-280-4331",
            "checked": dt.date(2026, 11, 1),
        },
        "contact-us": {
            "kind": "url",
            "value": "https://www.amazon.com/contact",
            "region": "US",
            "source": "https://www.amazon.com/contact",
            "evidence": "Contact Us",
            "checked": "2026-11-01",
        },
        "sender": {
            "kind": "email",
            "value": "sender@amazon.com",
            "region": "US",
            "mailto": False,
            "source": "https://www.amazon.com/x",
            "evidence": "messages from sender@amazon.com",
            "checked": "2026-11-01",
        },
        "help": {
            "kind": "handle",
            "value": "@AmazonHelp",
            "url": "https://x.com/AmazonHelp",
            "region": "X",
            "source": "https://x.com/AmazonHelp",
            "evidence": "Amazon Help",
            "checked": "2026-11-01",
        },
        "return-window": {
            "kind": "period",
            "value": 30,
            "unit": "day",
            "region": "US",
            "source": "https://www.amazon.com/returns",
            "evidence": "within 30 days of delivery",
            "checked": "2026-11-01",
        },
        "reply-duty": {
            "kind": "period",
            "value": 24,
            "unit": "hour",
            "region": "US",
            "source": "https://sellercentral.amazon.com/x",
            "evidence": "within 24 hours",
            "checked": "2026-11-01",
        },
        "posting": {
            "kind": "period",
            "value": 5,
            "unit": "business-day",
            "region": "US",
            "source": "https://sellercentral.amazon.com/y",
            "evidence": "three to five business days",
            "checked": "2026-11-01",
        },
        "appeal": {
            "kind": "period",
            "value": 30,
            "unit": "day",
            "region": "UK",
            "source": "https://www.amazon.co.uk/x",
            "evidence": "within 30 calendar days",
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
        ({"contact-us": {"evidence": None}}, "fact 'contact-us': field 'evidence' is missing"),
        (
            {"contact-us": {"evidence": " ".join(["word"] * 26)}},
            "fact 'contact-us'.evidence: 26 words; quote at most 25 words",
        ),
        ({"return-window": {"value": 0}}, "fact 'return-window'.value: '0' is not a positive whole number"),
        ({"return-window": {"value": -3}}, "fact 'return-window'.value: '-3' is not a positive whole number"),
        ({"return-window": {"value": 2.5}}, "fact 'return-window'.value: '2.5' is not a positive whole number"),
        ({"return-window": {"value": "30"}}, "fact 'return-window'.value: '30' is not a positive whole number"),
        (
            {"return-window": {"unit": "week"}},
            "fact 'return-window'.unit: 'week' is not one of day, business-day, hour",
        ),
        ({"return-window": {"source": "http://x"}}, "fact 'return-window'.source"),
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


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "Return within 30 days; answer within 24 hours"),
        ("ru", "Return within 30\u00a0дней; answer within 24\u00a0часа"),
        ("zh", "Return within 30 天; answer within 24 小时"),
    ],
)
def test_periods_render_in_the_page_language(lang, expected):
    facts = F.validate_registry(GOOD)
    text = "Return within {period:return-window}; answer within {period:reply-duty}"
    assert F.resolve(text, facts, "x", lang) == expected


@pytest.mark.parametrize(
    "number, unit, nominative, genitive",
    [
        (1, "day", "1\u00a0день", "1\u00a0дня"),
        (3, "day", "3\u00a0дня", "3\u00a0дней"),
        (5, "day", "5\u00a0дней", "5\u00a0дней"),
        (21, "day", "21\u00a0день", "21\u00a0дня"),
        (24, "hour", "24\u00a0часа", "24\u00a0часов"),
        (48, "hour", "48\u00a0часов", "48\u00a0часов"),
        (2, "business-day", "2\u00a0рабочих дня", "2\u00a0рабочих дней"),
        (21, "business-day", "21\u00a0рабочий день", "21\u00a0рабочего дня"),
    ],
)
def test_russian_plural_forms_follow_cldr(number, unit, nominative, genitive):
    period = {"kind": "period", "value": number, "unit": unit}
    assert F.period_text(period, "ru") == nominative
    assert F.period_text(period, "ru", "gen") == genitive


def test_english_form_inside_a_message_on_a_translated_page():
    facts = F.validate_registry(GOOD)
    text = "```template\nPlease reply within {period:reply-duty:en}.\n```"
    assert "Please reply within 24 hours." in F.resolve(text, facts, "x", "ru")
    assert "Please reply within 24 hours." in F.resolve(text, facts, "x", "zh")


def test_english_singular_and_plural():
    assert F.period_text({"kind": "period", "value": 1, "unit": "day"}, "en") == "1 day"
    assert F.period_text({"kind": "period", "value": 3, "unit": "hour"}, "en") == "3 hours"


def test_a_changed_period_changes_everywhere():
    changed = F.validate_registry(registry(**{"return-window": {"value": 14}}))
    for lang, words in (("en", "14 days"), ("ru", "14\u00a0дней"), ("zh", "14 天")):
        assert F.resolve("{period:return-window}", changed, "x", lang) == words


def test_unknown_period_names_file_and_line():
    facts = F.validate_registry(GOOD)
    with pytest.raises(PluginError) as err:
        F.resolve("one\ntwo\nwithin {period:return-windw}", facts, "docs/ru/a.md", "ru", offset=3)
    assert "docs/ru/a.md:6: unknown period 'return-windw'" in str(err.value)
    with pytest.raises(PluginError) as err:
        F.resolve("{period:contact-us}", facts, "docs/en/a.md")
    assert "docs/en/a.md:1: unknown period 'contact-us'" in str(err.value)


def test_unknown_period_form_names_file_and_line():
    facts = F.validate_registry(GOOD)
    with pytest.raises(PluginError) as err:
        F.resolve("{period:return-window:dat}", facts, "docs/ru/a.md", "ru")
    assert "docs/ru/a.md:1: '{period:return-window:dat}': unknown form 'dat'" in str(err.value)


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "Return it within 30 days."),
        ("en", "A 30-day window."),
        ("en", "Wait 24 hours."),
        ("ru", "Верните его в течение 30 дней."),
        ("ru", "Ответ в течение 24\u00a0часов."),
        ("zh", "在 30 天内退货。"),
        ("zh", "请在24小时内回复。"),
        ("en", "Refunds post in 5 business days."),
        ("ru", "Деньги придут через 5 рабочих дней."),
        ("zh", "5 个工作日内到账。"),
    ],
)
def test_typed_period_is_found_with_file_and_line(lang, line):
    facts = F.validate_registry(GOOD)
    found = F.typed_periods(f"# Title\n\n{line}\n", facts, f"docs/{lang}/a.md", lang, offset=4)
    assert len(found) == 1, found
    assert found[0].startswith(f"docs/{lang}/a.md:7: ")
    assert "{period:" in found[0]


def test_typed_period_names_every_matching_id():
    facts = F.validate_registry(GOOD)
    (found,) = F.typed_periods("within 30 days", facts, "docs/en/a.md", "en")
    assert "{period:return-window} or {period:appeal}" in found


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "Wait 14 days or 2 hours."),
        ("en", "About 1.30 days"),
        ("ru", "Через 14 дней."),
        ("zh", "等 7 天。"),
        ("zh", "2024 年 6 月 30 日"),
        ("zh", "6月30日"),
    ],
)
def test_unregistered_numbers_are_not_periods(lang, line):
    facts = F.validate_registry(GOOD)
    assert F.typed_periods(line, facts, "x", lang) == []


def test_front_matter_cannot_hold_a_reference(tmp_path):
    page = tmp_path / "docs" / "en" / "a.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ndescription: Return within {period:return-window}.\n---\n\n# A\n", encoding="utf-8")
    (found,) = F.check_pages(tmp_path / "docs", F.validate_registry(GOOD))
    assert found.startswith("docs/en/a.md:2: the front matter is not rendered")


def test_english_message_with_a_translated_period_is_found(tmp_path):
    page = tmp_path / "docs" / "ru" / "a.md"
    page.parent.mkdir(parents=True)
    page.write_text(
        "# A\n\nPlease reply within {period:reply-duty}.\nВ течение {period:reply-duty:gen}.\n", encoding="utf-8"
    )
    (found,) = F.check_pages(tmp_path / "docs", F.validate_registry(GOOD))
    assert found.startswith("docs/ru/a.md:3: 'within {period:reply-duty}' is English text")
    assert "{period:reply-duty:en}" in found


def test_no_page_types_a_registered_period():
    """Every policy period on every page comes from the registry (python hooks/facts.py lint)."""
    assert_none(F.check_pages(F.ROOT / "docs", F.load_registry()), "Write {period:ID} instead.")


def test_registry_evidence_is_real():
    """No entry keeps a placeholder instead of the words of its source."""
    placeholders = [
        i for i, f in F.load_registry().items() if str(f["evidence"]).strip().upper() in {"PENDING", "TODO", "X"}
    ]
    assert placeholders == []


def test_facts_table_lists_every_fact_with_source_and_date():
    facts = F.validate_registry(GOOD)
    table = F.facts_table(facts, "ru")
    assert table.splitlines()[0].startswith("| Что это |")
    for fact_id in facts:
        assert f"`{fact_id}`" in table
    assert "20.11.2026" not in table and '<time datetime="2026-11-01">01.11.2026</time>' in table
    assert "“within 30 days of delivery”" in table and "30\u00a0дней" in table


def test_facts_table_speaks_the_page_language():
    data = registry(
        **{
            "contact-us": {
                "name": {"en": "Contact Us page", "ru": "Страница Contact Us"},
                "region": {"en": "US", "zh": "美国"},
            }
        }
    )
    facts = F.validate_registry(data)
    ru, zh, en = F.facts_table(facts, "ru"), F.facts_table(facts, "zh"), F.facts_table(facts, "en")
    # English words in another language's table are English text (WCAG 3.1.2); the English page marks nothing
    assert 'Страница <span lang="en">Contact Us</span><br>`contact-us`' in ru
    assert '<span lang="en">Contact Us page</span><br>`contact-us`' in zh
    assert "| 美国 |" in zh and '| <span lang="en">US</span> |' in ru
    assert "| Contact Us page<br>`contact-us` | " in en and "| US |" in en
    assert ">2026年11月1日</time>" in zh and ">Nov 1, 2026</time>" in en


@pytest.mark.parametrize(
    "text, marked",
    [
        ("Страница Contact Us («Связаться с нами»)", 'Страница <span lang="en">Contact Us</span> («Связаться с нами»)'),
        ("联系我们（Contact Us）页面", '联系我们（<span lang="en">Contact Us</span>）页面'),
        ("Подписка Subscribe & Save", 'Подписка <span lang="en">Subscribe & Save</span>'),
        ("amazon.de: от Amazon ли", '<span lang="en">amazon.de</span>: от <span lang="en">Amazon</span> ли'),
        ("Гарантия A-to-z, 2026 год", 'Гарантия <span lang="en">A-to-z</span>, 2026 год'),
        ("没有英文", "没有英文"),
    ],
)
def test_english_words_in_a_russian_or_chinese_field_are_marked(text, marked):
    assert html_lang.mark_english(text, "ru") == marked
    assert html_lang.mark_english(text, "en") == text


def test_a_quotation_in_another_language_than_the_pages_says_which():
    facts = F.validate_registry(registry(**{"us-phone": {"evidence": "撥打165反詐騙專線", "evidence_lang": "zh-Hant"}}))
    assert '<span lang="zh-Hant">“撥打165反詐騙專線”</span>' in F.facts_table(facts, "zh")
    assert '<span lang="en">“within 30 days of delivery”</span>' in F.facts_table(facts, "zh")
    english = F.facts_table(facts, "en")  # English evidence on an English page: nothing to declare
    assert "| “within 30 days of delivery” |" in english and '<span lang="zh-Hant">' in english
    with pytest.raises(PluginError, match=r"fact 'us-phone'.evidence_lang: not a language tag"):
        F.validate_registry(registry(**{"us-phone": {"evidence_lang": "Chinese"}}))


def test_a_translated_text_needs_its_english():
    with pytest.raises(PluginError) as err:
        F.validate_registry(registry(**{"contact-us": {"region": {"ru": "США"}}}))
    assert "fact 'contact-us'.region: give at least the English text" in str(err.value)


def test_staleness_is_announced_thirty_days_ahead_and_never_fails_a_build():
    facts = F.validate_registry(registry(**{"contact-us": {"checked": "2026-01-01"}}))
    # 180 days after 2026-01-01 is 2026-06-30
    assert F.expiring(facts, dt.date(2026, 5, 30), 180) == []
    assert F.expiring(facts, dt.date(2026, 5, 31), 180) == [
        "contact-us: checked 2026-01-01, expires 2026-06-30 — re-check https://www.amazon.com/contact"
    ]
    assert "expired 2026-06-30" in F.expiring(facts, dt.date(2026, 7, 1), 180)[0]
    # printed outside MkDocs' loggers, so that --strict does not count it as a warning
    from mkdocs_hooks import STALENESS

    assert not STALENESS.name.startswith("mkdocs")
