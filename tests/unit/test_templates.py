"""Message templates become fields plus a text block whose text is exactly the template."""

import html
import re

import pytest

import templates as T
from _common import BuildError as PluginError

TEXT = "Hello,\n\nOrder [Order number] arrived on [Date] <broken> & wet.\nOrder [Order number] again."


def text_of(rendered: str) -> str:
    code = re.search(r"<code>(.*)</code>", rendered, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", code))


def test_placeholders_in_order_without_duplicates():
    assert T.placeholders(TEXT) == ["Order number", "Date"]


def test_text_block_is_exactly_the_template():
    rendered = T.render_template(TEXT, 1, "en")
    assert text_of(rendered) == TEXT


def test_one_field_per_distinct_placeholder_with_a_label():
    rendered = T.render_template(TEXT, 3, "ru")
    assert rendered.count("<input ") == 2
    assert '<label for="tpl3-f1">Order number</label>' in rendered
    assert rendered.count('data-field="tpl3-f1"') == 3  # the input and two spans
    assert "Заполните поля" in rendered


def test_rendered_block_has_no_blank_line():
    assert "\n" not in T.render_template(TEXT, 1, "en")


def test_markdown_fences_are_replaced_and_others_kept():
    md = "Intro\n\n```template\nHi [Name]\n```\n\n```python\nx = [1]\n```\n"
    out = T.transform(md, "docs/en/t.md", "en")
    assert "data-template" in out and "```python\nx = [1]\n```" in out


def test_empty_template_names_file_and_line():
    with pytest.raises(PluginError, match=r"docs/zh/templates.md:3: this template is empty"):
        T.transform("a\n\n```template\n\n```\n", "docs/zh/templates.md", "zh")


TWO = "Hello, order [Номер заказа] came on [Дата].\n---\nЗдравствуйте, заказ [Номер заказа] пришёл [Дата]."


def test_a_template_with_a_translation_shows_both_texts_with_shared_fields():
    rendered = T.render_template(TWO, 2, "ru")
    codes = re.findall(r"<code>(.*?)</code>", rendered, re.S)
    assert [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in codes] == [
        "Hello, order [Номер заказа] came on [Дата].",
        "Здравствуйте, заказ [Номер заказа] пришёл [Дата].",
    ]
    assert rendered.count("<input ") == 2
    assert rendered.count('data-field="tpl2-f1"') == 3  # one input fills both texts
    assert '<pre class="tpl__text" lang="en">' in rendered
    english, russian = re.findall(r"<pre.*?</pre>", rendered)
    assert english.count('lang="ru">[') == 2  # a field's name in the English text is Russian
    assert " lang=" not in russian.removeprefix("<pre")
    assert 'data-copy="0"' in rendered and 'data-copy="1"' in rendered
    assert "Скопировать английский текст" in rendered and "Скопировать русский текст" in rendered


def test_chinese_field_names_in_the_english_text_declare_the_page_language():
    rendered = T.render_template("Order [订单号].\n---\n订单[订单号]。", 1, "zh")
    english, chinese = re.findall(r"<pre.*?</pre>", rendered)
    assert re.findall(r'<span class="tpl__ph"[^>]*>', english)[0].endswith(' lang="zh-Hans">')
    assert 'lang="zh-Hans"' not in chinese
    single = T.render_template("订单[订单号]。", 1, "zh")  # one text, in the page's language
    assert " lang=" not in single


def test_a_translation_with_other_fields_names_file_and_line():
    md = "x\n\n```template\nHi [Name]\n---\nПривет [Имя]\n```\n"
    with pytest.raises(PluginError, match=r"docs/ru/t.md:3: the text to send and its translation must have the same"):
        T.transform(md, "docs/ru/t.md", "ru")


def test_a_separator_without_a_translation_names_file_and_line():
    with pytest.raises(PluginError, match=r"docs/zh/t.md:1: a template with `---` needs a text on each side"):
        T.transform("```template\nHi [Name]\n---\n```\n", "docs/zh/t.md", "zh")
