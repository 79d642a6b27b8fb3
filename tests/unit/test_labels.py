"""Interface labels from one glossary: rendering per language, errors, and labels typed by hand."""

import pytest

import labels as L
from _common import BuildError as PluginError
from support import ROOT, assert_none

GOOD = {
    "labels": {
        "your-orders": {"en": "Your Orders", "ru": "Ваши заказы", "zh": "您的订单", "zh_confirmed": False},
        "sold-by": {"en": "Sold by", "ru": "Продавец", "zh": "销售商", "zh_confirmed": True},
    }
}


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("en", "Open **Your Orders**."),
        ("ru", 'Open <strong lang="en">Your Orders</strong> («Ваши заказы»).'),
        ("zh", 'Open **您的订单**（<span lang="en">Your Orders</span>）.'),
    ],
)
def test_a_label_follows_the_page_language_convention(lang, expected):
    """On Russian and Chinese pages the English label declares its language: a screen reader says
    it with an English voice (WCAG 3.1.2)."""
    labels = L.validate(GOOD)
    assert L.resolve("Open {label:your-orders}.", labels, "x", lang) == expected


def test_inside_a_template_the_label_is_plain_english():
    labels = L.validate(GOOD)
    out = L.resolve("```template\nGo to {label:your-orders}\n```", labels, "x", "zh")
    assert "Go to Your Orders" in out


def test_a_renamed_label_changes_everywhere():
    changed = {"labels": {**GOOD["labels"], "your-orders": {**GOOD["labels"]["your-orders"], "en": "Orders"}}}
    labels = L.validate(changed)
    assert L.resolve("{label:your-orders}", labels, "x", "ru") == '<strong lang="en">Orders</strong> («Ваши заказы»)'


def test_an_ampersand_in_a_label_is_escaped_inside_html():
    amp = {"labels": {"help": {"en": "Help & Contact Us", "ru": "Помощь", "zh": "帮助", "zh_confirmed": False}}}
    labels = L.validate(amp)
    assert L.resolve("{label:help}", labels, "x", "ru") == '<strong lang="en">Help &amp; Contact Us</strong> («Помощь»)'
    assert L.resolve("{label:help}", labels, "x", "en") == "**Help & Contact Us**"


def test_unknown_label_names_file_and_line():
    labels = L.validate(GOOD)
    with pytest.raises(PluginError) as err:
        L.resolve("one\n{label:your-order}", labels, "docs/ru/a.md", "ru", offset=3)
    assert "docs/ru/a.md:5: unknown label 'your-order'" in str(err.value)


def test_malformed_reference_names_file_and_line():
    with pytest.raises(PluginError, match=r"docs/zh/a.md:1: '\{label: sold-by\}' is not a label reference"):
        L.resolve("{label: sold-by}", L.validate(GOOD), "docs/zh/a.md", "zh")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"zh": ""}, "label 'sold-by': field 'zh' is missing"),
        ({"zh_confirmed": "yes"}, "label 'sold-by'.zh_confirmed: write true or false"),
    ],
)
def test_glossary_errors_name_label_and_field(change, message):
    data = {"labels": {**GOOD["labels"], "sold-by": {**GOOD["labels"]["sold-by"], **change}}}
    with pytest.raises(PluginError, match=message):
        L.validate(data)


@pytest.mark.parametrize(
    "lang, line",
    [
        ("ru", "Откройте **Your Orders** («Ваши заказы»)."),
        ("ru", "Откройте **Your Orders**."),
        ("zh", "打开**您的订单**（Your Orders）。"),
        ("zh", "打开**Your Orders**（您的订单）。"),
        ("en", "Open **Sold by**."),
        ("zh", "打开[您的订单](https://www.amazon.com/x)（Your Orders）。"),
    ],
)
def test_a_label_typed_by_hand_is_found_with_file_and_line(lang, line):
    found = L.typed_labels(f"# T\n\n{line}\n", L.validate(GOOD), f"docs/{lang}/a.md", lang)
    assert len(found) == 1 and found[0].startswith(f"docs/{lang}/a.md:3: ")


@pytest.mark.parametrize(
    "lang, line",
    [
        ("ru", "**Сначала продавец.** Напишите ему."),
        ("en", "**Amazon asks you to wait.** Ask for a supervisor."),
        ("zh", "**注意：**不要透露验证码。"),
        ("ru", "```template\nOpen **Your Orders**\n```"),
        ("ru", "Код `**Your Orders**` в тексте."),
    ],
)
def test_emphasis_code_and_templates_are_not_labels(lang, line):
    assert L.typed_labels(line, L.validate(GOOD), "x", lang) == []


def test_no_page_types_a_label():
    """Every interface label on every page comes from data/ui-labels.yml (python hooks/labels.py lint)."""
    assert_none(L.check_pages(ROOT / "docs", L.load_glossary()))


def test_labels_table_marks_unconfirmed_chinese_labels():
    table = L.labels_table(L.validate(GOOD), "zh")
    assert '| <span lang="en">Your Orders</span> | <span lang="ru">Ваши заказы</span> | 您的订单 (尚未核实) |' in table
    assert '| <span lang="en">Sold by</span> | <span lang="ru">Продавец</span> | 销售商 |' in table
    english = L.labels_table(L.validate(GOOD), "en")  # each column declares its language, but the page's
    assert '| Sold by | <span lang="ru">Продавец</span> | <span lang="zh-Hans">销售商</span> |' in english
