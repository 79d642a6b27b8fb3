"""Stop the set-up early, with a clear message, on a Python or Node.js the guide does not support.

Supported: Python 3.11+; Node.js 22.12+ (what mermaid and lighthouse declare in package-lock.json;
CI uses Node 24). Node.js 20.19+ also passes every test (measured on this project's development
machine, 2026-12-01), so it is accepted with a notice; anything older stops here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

PYTHON = (3, 11)
NODE_DECLARED = (22, 12)
NODE_TESTED = (20, 19)


def parse(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.strip().lstrip("v").split(".")[:3])


def verdict(python: tuple[int, ...], node: tuple[int, ...] | None) -> tuple[int, str]:
    """(exit code, message): 0 and "" when all is well; 0 and a notice; 1 and the reason."""
    if python[:2] < PYTHON:
        return 1, f"Python {'.'.join(map(str, python))} is too old: the guide needs Python 3.11 or later."
    if node is None:
        return 1, "Node.js was not found: install Node.js 22.12 or later (with npm), then run the command again."
    shown = ".".join(map(str, node))
    if node >= NODE_DECLARED:
        return 0, ""
    if node >= NODE_TESTED:
        return 0, f"Note: Node.js {shown} passes the tests, but the front-end tools declare 22.12 or later; CI uses 24."
    return 1, f"Node.js {shown} is too old: install Node.js 22.12 or later (20.19 is the oldest that passes the tests)."


def main() -> int:
    node = shutil.which("node")
    node_version = parse(subprocess.run([node, "--version"], capture_output=True, text=True).stdout) if node else None
    code, message = verdict(sys.version_info[:3], node_version)
    if message:
        print(message, file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
