"""Nothing in the suite depends on today's date: the unit and built-site tests pass with every
Python clock a year ahead (the build included). Browser tests fix the page's clock themselves
(tests/browser/test_deadlines_browser.py). Runs last: it repeats the build."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIFT = Path(__file__).with_name("shift")
DAYS = 365


def shifted_env() -> dict:
    path = os.pathsep.join(filter(None, [str(SHIFT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path, "GUIDE_CLOCK_SHIFT_DAYS": str(DAYS), "NO_MKDOCS_2_WARNING": "1"}


def test_the_clock_really_moves():
    out = subprocess.run(
        [sys.executable, "-c", "import datetime, time; print(datetime.date.today(), int(time.time()))"],
        env=shifted_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert dt.date.fromisoformat(out[0]) >= dt.date.today() + dt.timedelta(days=DAYS - 1)


def test_unit_and_site_tests_pass_a_year_ahead(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/unit",
            "tests/site",
            "-q",
            "-x",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "run"),
        ],
        cwd=ROOT,
        env=shifted_env(),
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
