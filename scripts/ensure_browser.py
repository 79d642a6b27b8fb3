"""Make sure a Chromium can be started for the diagram renderer and the browser tests.

Order: Playwright's own browser; the system's Chromium; `playwright install chromium`;
on Debian/Ubuntu as root, `apt-get install chromium`. Chinese screenshots also need CJK fonts
(fonts-noto-cjk), installed the same way when missing. Exits non-zero with a clear message
when no browser can be had: the browser tests are never skipped silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from _browser import BrowserUnavailable, launch  # noqa: E402


def can_launch() -> str | None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        try:
            browser = launch(pw)
        except BrowserUnavailable as exc:
            print(str(exc).splitlines()[0])
            return None
        version = browser.version
        browser.close()
        return version


def apt_install(*packages: str) -> bool:
    if not (shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0):
        return False
    print(f"Installing {' '.join(packages)} with apt-get …", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    return subprocess.run(["apt-get", "install", "-y", "-qq", *packages], env=env).returncode == 0


def has_cjk_font() -> bool:
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    return bool(out.strip())


def main() -> int:
    version = can_launch()
    if not version:
        print("Trying `playwright install chromium` …", flush=True)
        try:
            subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], timeout=300)
        except subprocess.TimeoutExpired:
            print("playwright install timed out")
        version = can_launch()
    if not version and apt_install("chromium", "fonts-noto-cjk"):
        version = can_launch()
    if not version:
        print(
            "\nNo browser for the tests. Install one and run `make test` again:\n"
            "  python -m playwright install --with-deps chromium     (any OS with internet)\n"
            "  sudo apt-get install chromium fonts-noto-cjk           (Debian/Ubuntu)\n"
            "or point CHROMIUM_PATH at a Chromium or Chrome executable.",
            file=sys.stderr,
        )
        return 1
    if not has_cjk_font():
        apt_install("fonts-noto-cjk")
    print(f"Browser ready: Chromium {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
