"""Start a headless Chromium through Playwright: its own browser if installed, else the system's.

Used by the diagram hook (build time) and by the browser tests. `playwright install` cannot
download browsers on every machine (CI here has no internet but the package registries), so
we fall back to a system Chromium: $CHROMIUM_PATH, then chromium, chromium-browser, google-chrome.
"""

from __future__ import annotations

import os
import shutil

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class BrowserUnavailable(RuntimeError):
    pass


def system_chromium() -> str | None:
    candidates = [os.environ.get("CHROMIUM_PATH")]
    candidates += [shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome", "chrome")]
    return next((c for c in candidates if c and os.path.exists(c)), None)


def launch(playwright, **options):
    """Launch Chromium headless; raise BrowserUnavailable with a clear message if none can start."""
    errors = []
    try:
        return playwright.chromium.launch(args=ARGS, **options)
    except Exception as exc:  # Playwright's own browser is not installed
        errors.append(f"Playwright's Chromium: {str(exc).splitlines()[0]}")
    exe = system_chromium()
    if exe:
        try:
            return playwright.chromium.launch(executable_path=exe, args=ARGS, **options)
        except Exception as exc:
            errors.append(f"{exe}: {str(exc).splitlines()[0]}")
    raise BrowserUnavailable(
        "No Chromium could be started. Run `python -m playwright install chromium`, or install the "
        "system package (Debian/Ubuntu: `apt-get install chromium fonts-noto-cjk`), or set CHROMIUM_PATH.\n  "
        + "\n  ".join(errors)
    )


class BuildBrowser:
    """One headless Chromium and one tab for a build step (diagrams, PDFs): started once, reused
    for every page, closed at the end. Playwright is imported here: a build that needs no browser
    never loads it."""

    def __init__(self):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self._browser = launch(self._pw)
        except Exception:
            self._pw.stop()
            raise
        self._page = self._browser.new_page()

    def close(self) -> None:
        try:
            self._browser.close()
        finally:
            self._pw.stop()
