"""Does each piece of performance work in the build pay for itself? Paired builds, in one run.

    python scripts/perf_pairs.py [--rounds 5] [--before GIT-REF] [--only TEXT]

Each round builds the site once per variant, in an order that rotates from round to round, and
twice as it is (two "as it is" builds: their difference is the round's noise). A variant turns
one piece of performance work off:

- no-cache MODULE.FUNCTION: one of the functools caches keyed by a file's mtime is unwrapped, so
  that file (the registry, the glossary, the interface or tool strings, a source page, a file
  digest) is read and parsed again at every use;
- no-diagram-cache: .cache/diagrams is emptied first, so every diagram is rendered in Chromium;
- no-pdf-cache: .cache/pdfs is emptied first, so every PDF is printed;
- before (with --before REF): the build of that commit, in a worktree (for example the commit
  before the pipeline, which indexed search while the next language was being built).

A variant's cost is its build time minus the "as it is" build of the same round. The report says
whether the median cost exceeds the largest difference between the two "as it is" builds of any
round (the noise); work that does not is not worth its code. Exit status 0; the figures are for
a person (and the issue note).
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHES = {  # module -> functools-cached functions keyed by a file's mtime
    "facts": ["_load"],
    "labels": ["_load"],
    "_common": ["_all_strings"],
    "tools": ["_registry_file", "_tool_strings"],
    "pdfs": ["_file_digest"],
    "mkdocs_hooks": ["_read_page"],
}
BOOTSTRAP = """
import sys, importlib
sys.path.insert(0, {hooks!r})
CACHES = {caches!r}
def unwrap(module):
    key = module.__name__.split("/")[-1].removesuffix(".py")  # a hook's name is its path in mkdocs.yml
    for name in CACHES.get(key, []):
        setattr(module, name, getattr(module, name).__wrapped__)
for name in CACHES:
    if name != "mkdocs_hooks":
        unwrap(importlib.import_module(name))
from mkdocs.config import config_options
load = config_options.Hooks._load_hook
def patched(self, name, path):
    module = load(self, name, path)
    unwrap(module)
    return module
config_options.Hooks._load_hook = patched
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-q", "-d", {site!r}]
cli()
"""


def build(project: Path, site: Path, caches: dict[str, list[str]] | None = None) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if caches:
        code = BOOTSTRAP.format(hooks=str(project / "hooks"), caches=caches, site=str(site))
        command = [sys.executable, "-c", code]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{done.stderr[-2000:]}")
    return elapsed


def build_without(caches: dict[str, list[str]], site: Path) -> float:
    return build(ROOT, site, caches)


def build_emptied(cache: str, site: Path) -> float:
    """A build after .cache/<cache> is emptied (the diagrams rendered, the PDFs printed again)."""
    shutil.rmtree(ROOT / ".cache" / cache, ignore_errors=True)
    return build(ROOT, site)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--before", help="a git ref to compare with (built in a worktree)")
    parser.add_argument("--only", help="measure only the variants whose name contains this text")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="perf-pairs-"))
    saved = work / "saved-cache"
    shutil.copytree(ROOT / ".cache", saved, dirs_exist_ok=True)  # every variant starts warm
    variants = {
        "as it is": lambda site: build(ROOT, site),
        "as it is (again)": lambda site: build(ROOT, site),
        **{
            f"no-cache {module}.{name}": functools.partial(build_without, {module: [name]})
            for module, names in CACHES.items()
            for name in names
        },
        "no-diagram-cache": functools.partial(build_emptied, "diagrams"),
        "no-pdf-cache": functools.partial(build_emptied, "pdfs"),
    }
    if args.before:
        tree = work / "before"
        subprocess.run(["git", "worktree", "add", "-q", "--detach", str(tree), args.before], cwd=ROOT, check=True)
        (tree / "node_modules").symlink_to(ROOT / "node_modules")
        shutil.copytree(saved, tree / ".cache", dirs_exist_ok=True)
        variants[f"before ({args.before})"] = lambda site: build(tree, site)
    if args.only:
        variants = {k: v for k, v in variants.items() if k.startswith("as it is") or args.only in k}
    times: dict[str, list[float]] = {name: [] for name in variants}
    try:
        names = list(variants)
        for n in range(args.rounds):
            order = names[n % len(names) :] + names[: n % len(names)]
            for name in order:
                shutil.copytree(saved, ROOT / ".cache", dirs_exist_ok=True)  # warm again
                times[name].append(variants[name](work / f"site-{n}"))
                shutil.rmtree(work / f"site-{n}", ignore_errors=True)
            print(f"round {n + 1}: " + ", ".join(f"{k} {v[-1]:.2f}s" for k, v in times.items()), flush=True)
    finally:
        shutil.copytree(saved, ROOT / ".cache", dirs_exist_ok=True)
        if args.before:
            subprocess.run(["git", "worktree", "remove", "--force", str(work / "before")], cwd=ROOT, check=False)
        shutil.rmtree(work, ignore_errors=True)
    base = times["as it is"]
    noise = max(abs(a - b) for a, b in zip(base, times["as it is (again)"], strict=True))
    print(f"\nBuild wall time, {args.rounds} rounds; noise (largest as-it-is pair difference): {noise:.2f} s")
    print("| Variant | Median (s) | Cost vs as it is, per round (s) | Median cost (s) | Beyond the noise |")
    print("|---|---|---|---|---|")
    for name, values in times.items():
        costs = [v - b for v, b in zip(values, base, strict=True)]
        median = statistics.median(costs)
        verdict = "–" if name == "as it is" else ("yes" if abs(median) > noise else "no")
        print(
            f"| {name} | {statistics.median(values):.2f} | {', '.join(f'{c:+.2f}' for c in costs)} "
            f"| {median:+.2f} | {verdict} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
