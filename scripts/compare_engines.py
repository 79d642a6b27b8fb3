"""Build the site with MkDocs and with ProperDocs (the maintained fork of MkDocs 1.6) and compare
every file of the output. Only the generator tag may differ; anything else is printed and fails.

    python scripts/compare_engines.py        # (make engines) exit 0 when the outputs match

Run by CI (.github/workflows/ci.yml, job `engines`) and by tests/site/test_engines.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(engine: str, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=900,
    )


def differences(one: Path, other: Path) -> list[str]:
    """Files present in only one output, or whose bytes differ beyond the generator tag."""
    files_one = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    files_other = {p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file()}
    out = [f"only in {one.name}: {name}" for name in sorted(files_one - files_other)]
    out += [f"only in {other.name}: {name}" for name in sorted(files_other - files_one)]
    for name in sorted(files_one & files_other):
        a, b = (one / name).read_bytes(), (other / name).read_bytes()
        if a != b and GENERATOR.sub(b"", a) != GENERATOR.sub(b"", b):
            out.append(f"differs: {name}")
    return out


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for engine in ("mkdocs", "properdocs"):
            target = Path(tmp) / engine
            result = build(engine, target)
            if result.returncode != 0:
                print(f"{engine} build failed:\n{result.stdout}\n{result.stderr}")
                return 1
            results[engine] = target
        found = differences(results["mkdocs"], results["properdocs"])
        print("\n".join(found) if found else "MkDocs and ProperDocs built the same site (generator tag aside).")
        return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
