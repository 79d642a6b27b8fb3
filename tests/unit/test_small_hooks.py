"""Checklist labels, the 404 dispatcher, translation fingerprints, interface strings."""

import pytest
import yaml
from mkdocs.exceptions import PluginError

import checklists
import not_found
import translations
from _common import STRINGS_FILE

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


def test_fingerprint_ignores_front_matter_and_trailing_spaces():
    a = "---\ndescription: a\n---\n# T\n\nText  \n"
    b = "---\ndescription: b\n---\n# T\n\nText\n"
    assert translations.fingerprint(a) == translations.fingerprint(b)
    assert translations.fingerprint(a) != translations.fingerprint(a + "More\n")


def test_status_and_stamp(tmp_path):
    for lang, text in {
        "en": "# One\n",
        "ru": "---\ndescription: x\n---\n# Один\n",
        "zh": "---\nuntranslated: true\n---\n# One\n",
    }.items():
        (tmp_path / lang).mkdir()
        (tmp_path / lang / "a.md").write_text(text, encoding="utf-8")
    assert translations.page_status("a.md", "ru", tmp_path) == "outdated"
    assert translations.page_status("a.md", "zh", tmp_path) == "untranslated"
    translations.stamp(tmp_path / "ru" / "a.md", tmp_path)
    assert translations.page_status("a.md", "ru", tmp_path) == "current"
    assert "description: x" in (tmp_path / "ru" / "a.md").read_text(encoding="utf-8")
    (tmp_path / "en" / "a.md").write_text("# One, changed\n", encoding="utf-8")
    assert translations.page_status("a.md", "ru", tmp_path) == "outdated"


def test_every_language_has_every_interface_string():
    data = yaml.safe_load(STRINGS_FILE.read_text(encoding="utf-8"))
    for lang in ("ru", "zh"):
        assert sorted(set(data["en"]) - set(data[lang])) == [], f"hooks/strings.yml: '{lang}' lacks these keys"
