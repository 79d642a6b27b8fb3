"""Russian typography by the build (hooks/typography.py)."""

import pytest

from typography import NBSP, russian_typography


@pytest.mark.parametrize(
    "before, after",
    [
        ("<p>Верните товар за 30 дней.</p>", f"<p>Верните товар за 30{NBSP}дней.</p>"),
        ("<p>С марта 2022 года</p>", f"<p>С марта 2022{NBSP}года</p>"),
        ("<p>Скидка 5 %</p>", f"<p>Скидка 5{NBSP}%</p>"),
        ("<p>Заказ № 5</p>", f"<p>Заказ №{NBSP}5</p>"),
        ("<p>Это — мошенники</p>", f"<p>Это{NBSP}— мошенники</p>"),
        ("<li><strong>Amazon</strong> — магазин</li>", f"<li><strong>Amazon</strong>{NBSP}— магазин</li>"),
    ],
)
def test_running_text_gets_non_breaking_spaces(before, after):
    assert russian_typography(before) == after


@pytest.mark.parametrize(
    "html",
    [
        "<pre class='tpl__text'><code>Please reply within 30 дней — thanks</code></pre>",
        "<p><code>30 дней</code></p>",
        '<p title="30 дней — подсказка">x</p>',
        '<a href="#" data-x="№ 5" title="5 %">x</a>',
        "<!-- 30 дней — в комментарии -->",
        "<svg><text>30 дней</text></svg>",
        "<script>var a = '30 дней';</script>",
        "<p>Order 30 days</p>",
    ],
)
def test_code_attributes_and_other_text_stay_as_they_are(html):
    assert russian_typography(html) == html


def test_text_after_a_skipped_block_is_typeset_again():
    html = "<pre><code>1 день</code></pre><p>через 3 дня</p>"
    assert russian_typography(html) == f"<pre><code>1 день</code></pre><p>через 3{NBSP}дня</p>"


def test_it_is_idempotent():
    once = russian_typography("<p>За 30 дней — или раньше.</p>")
    assert russian_typography(once) == once
