"""Every page exists in every language."""

import parity
from support import assert_none


def make(tmp_path, files):
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# x\n", encoding="utf-8")
    return tmp_path


def test_complete_trees_have_no_problem(tmp_path):
    docs = make(tmp_path, ["en/a.md", "ru/a.md", "zh/a.md", "en/s/b.md", "ru/s/b.md", "zh/s/b.md"])
    assert_none(parity.missing_pages(docs, ["en", "ru", "zh"]))


def test_missing_translation_is_named(tmp_path):
    docs = make(tmp_path, ["en/a.md", "ru/a.md", "zh/a.md", "en/s/b.md", "zh/s/b.md"])
    problems = parity.missing_pages(docs, ["en", "ru", "zh"])
    assert len(problems) == 1
    assert problems[0].startswith("docs/ru/s/b.md is missing")


def test_page_only_in_a_translation_is_named(tmp_path):
    docs = make(tmp_path, ["en/a.md", "ru/a.md", "zh/a.md", "zh/extra.md"])
    problems = parity.missing_pages(docs, ["en", "ru", "zh"])
    assert [p.split(" ")[0] for p in problems] == ["docs/en/extra.md", "docs/ru/extra.md"]
