"""The code is linted and formatted, the English text is spelled right (make lint)."""

import subprocess
import sys

import pytest

from support import ROOT

SPELLED = ["docs/en", "hooks", "scripts", "tests", "docs/assets", "README.md", "CONTRIBUTING.md"]


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize(
    "command", [("ruff", "check", "."), ("ruff", "format", "--check", ".")], ids=["ruff-check", "ruff-format"]
)
def test_python_is_clean(command):
    result = run(*command)
    assert result.returncode == 0, result.stdout + result.stderr


def test_english_is_spelled_right():
    result = run("codespell_lib", *SPELLED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_linters_catch_their_faults(tmp_path):
    (tmp_path / "bad.py").write_text("import os\nx=1\n", encoding="utf-8")
    typo = "t" + "eh"  # spelled apart so that the spell check of this file passes
    (tmp_path / "bad.md").write_text(f"Contact {typo} seller.\n", encoding="utf-8")
    assert run("ruff", "check", "--no-cache", "bad.py", cwd=tmp_path).returncode != 0
    assert run("ruff", "format", "--check", "--no-cache", "bad.py", cwd=tmp_path).returncode != 0
    assert f"{typo} ==> the" in run("codespell_lib", "bad.md", cwd=tmp_path).stdout
