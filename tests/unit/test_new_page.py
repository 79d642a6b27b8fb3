"""`make new-page` creates every language, adds the nav entry, and an untranslated page fails."""

import subprocess
import sys

import new_page
from support import ROOT

CONFIG = "site_name: x\nnav:\n  - Get started:\n      - index.md\n  - Problems:\n      - problems/a.md\n      - problems/b.md\n  - More:\n      - about.md\n"


def test_nav_entry_goes_after_its_folder():
    out = new_page.add_to_nav(CONFIG, "problems/late-refund.md")
    assert "      - problems/b.md\n      - problems/late-refund.md\n  - More:" in out


def test_nav_entry_without_folder_goes_last():
    assert new_page.add_to_nav(CONFIG, "faq.md").endswith("      - about.md\n      - faq.md\n")


def test_translations_are_marked_untranslated():
    assert "untranslated: true" in new_page.page_text("ru", "X")
    assert "untranslated" not in new_page.page_text("en", "X")


def test_translating_only_english_fails_naming_both_translations(tmp_path):
    """On a copy of the project: create a page, write only English, run the marker test."""
    import shutil

    copy = tmp_path / "p"
    for name in ("docs", "scripts", "hooks", "tests", "data"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    for name in ("mkdocs.yml", "pytest.ini"):
        shutil.copy2(ROOT / name, copy / name)
    run = subprocess.run(
        [sys.executable, "scripts/new_page.py", "problems/late-refund"], cwd=copy, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "      - problems/late-refund.md" in (copy / "mkdocs.yml").read_text(encoding="utf-8")
    english = copy / "docs" / "en" / "problems" / "late-refund.md"
    english.write_text(
        '---\ndescription: "When a refund is late."\n---\n\n# Late refund\n\nWait five days.\n', encoding="utf-8"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "tests/site/test_quality.py::test_no_page_is_marked_untranslated",
            "-p",
            "no:cacheprovider",
        ],
        cwd=copy,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "docs/ru/problems/late-refund.md" in result.stdout and "docs/zh/problems/late-refund.md" in result.stdout
