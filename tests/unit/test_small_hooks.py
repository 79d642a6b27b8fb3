"""Checklist labels, the 404 dispatcher, translation fingerprints, interface strings."""

import pytest
import yaml

import checklists
import not_found
import translations
from _common import STRINGS_FILE
from _common import BuildError as PluginError
from mkdocs_hooks import read_page

TASKS = (
    '<ul class="task-list">\n<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
    '<span class="task-list-indicator"></span></label> Order <strong>number</strong></li>\n</ul>'
)


def test_checkbox_text_moves_into_its_label():
    out = checklists.label_checkboxes(TASKS)
    assert '<span class="task-list-text">Order <strong>number</strong></span></label></li>' in out


def test_each_item_has_an_id_from_its_text_not_its_place():
    two = TASKS.replace("</ul>", TASKS.split("\n")[1] + "\n</ul>")  # the same item twice
    out = checklists.label_checkboxes(two)
    first = checklists.item_id("Order <strong>number</strong>")
    assert f'data-item="{first}"' in out and f'data-item="{first}-2"' in out
    assert checklists.item_id("Order  <em>number</em>") == first  # markup and spacing do not count
    assert checklists.item_id("Order date") != first


def test_task_items_the_hook_does_not_recognise_stop_the_build():
    changed = TASKS.replace('<span class="task-list-indicator"></span>', "")
    with pytest.raises(PluginError, match="docs/en/checklists/x.md: 1 of 1 task-list items"):
        checklists.label_checkboxes(changed, "docs/en/checklists/x.md")


def test_404_dispatch_goes_into_head():
    page = "<!doctype html><html lang=en><head><title>x</title></head><body></body></html>"
    out = not_found.with_dispatch(page, "/guide/", ["ru", "zh"])
    assert out.index("<script>") < out.index("<title>")
    assert '"/guide/"' in out and '["ru", "zh"]' in out


def test_fingerprint_ignores_front_matter_and_trailing_spaces(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("---\ndescription: a\n---\n# T\n\nText  \n", encoding="utf-8")
    b.write_text("---\ndescription: b\n---\n# T\n\nText\n", encoding="utf-8")
    body_a, body_b = read_page(a)[0], read_page(b)[0]  # front matter split by MkDocs' parser
    assert translations.fingerprint(body_a) == translations.fingerprint(body_b)
    assert translations.fingerprint(body_a) != translations.fingerprint(body_a + "More\n")


def test_status_and_stamp(tmp_path):
    for lang, text in {
        "en": "# One\n",
        "ru": "---\ndescription: x\n---\n# Один\n",
        "zh": "---\nuntranslated: true\n---\n# One\n",
    }.items():
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "a.md").write_text(text, encoding="utf-8")
    assert translations.page_status("a.md", "ru", read_page, tmp_path) == "outdated"
    assert translations.page_status("a.md", "zh", read_page, tmp_path) == "untranslated"
    translations.stamp(tmp_path / "ru" / "a.md", read_page, tmp_path)
    assert translations.page_status("a.md", "ru", read_page, tmp_path) == "current"
    assert "description: x" in (tmp_path / "ru" / "a.md").read_text(encoding="utf-8")
    (tmp_path / "en" / "a.md").write_text("# One, changed\n", encoding="utf-8")
    assert translations.page_status("a.md", "ru", read_page, tmp_path) == "outdated"


def test_status_table_columns_follow_the_languages_and_declare_them(tmp_path):
    """Each column's name is the language's own, in mkdocs.yml's order, the same order as its
    statuses; the table once named Русский a column that held the Chinese statuses."""
    for lang, text in {"en": "# One\n", "ru": "# Один\n", "zh": "---\nuntranslated: true\n---\n# One\n"}.items():
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "a.md").write_text(text, encoding="utf-8")
    header, _, row = translations.status_table("en", read_page, tmp_path).splitlines()
    names = {"ru": '<span lang="ru">Русский</span>', "zh": '<span lang="zh-Hans">简体中文</span>'}
    assert header == "| Page | English | " + " | ".join(names[t] for t in translations.TRANSLATIONS) + " |"
    cells = [c.strip() for c in row.split("|")[2:-1]]
    expected = {"ru": "outdated", "zh": "untranslated"}
    assert cells[1:] == [expected[t] for t in translations.TRANSLATIONS]


def test_every_language_has_every_interface_string():
    data = yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))
    for lang in ("ru", "zh"):
        assert sorted(set(data["en"]) - set(data[lang])) == [], f"hooks/strings.yml: '{lang}' lacks these keys"


def test_the_notices_step_marks_an_outdated_translation(tmp_path, monkeypatch):
    import pipeline

    (tmp_path / "en").mkdir()
    (tmp_path / "ru").mkdir()
    (tmp_path / "en" / "a.md").write_text("# One\n\nNew text\n", encoding="utf-8")
    (tmp_path / "ru" / "a.md").write_text("---\ntranslation_of: 000000000000\n---\n# Один\n", encoding="utf-8")
    monkeypatch.setattr(translations, "DOCS", tmp_path)
    monkeypatch.setattr(translations.page_status, "__defaults__", (tmp_path,))
    page = pipeline.Page("docs/ru/a.md", "ru/a.md", "ru", "ru/a/", 3, {}, read_page)
    out = translations.markdown_step("# Один\n\nТекст\n", page)
    assert out.startswith("# Один\n\n!!! warning") and 'href="../../a/"' in out
    translations.stamp(tmp_path / "ru" / "a.md", read_page, tmp_path)
    assert translations.markdown_step("# Один\n\nТекст\n", page) == "# Один\n\nТекст\n"
    english = pipeline.Page("docs/en/a.md", "en/a.md", "en", "a/", 0, {}, read_page)
    assert translations.markdown_step("# One\n", english) == "# One\n"
