"""Check every external link of the guide (the registry's addresses and sources, and links typed
in pages): run weekly by .github/workflows/scheduled.yml, never by the tests (no network there).

    python scripts/check_links.py

Prints one line per link that needs a person. Exit 0: all links answered. Exit 1: a link is
broken (not found, gone, no such host). Exit 2: only hosts that refuse automated clients
(403, 429, 503 …; Amazon often does): a person should open those links in a browser.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\]\((https://[^)\s]+)\)|href=\"(https://[^\"]+)\"")
REFUSING = {401, 403, 405, 429, 500, 502, 503, 999}  # answers that say "not to a robot", not "gone"
AGENT = "reaching-amazon-support-guide link check (weekly; https://github.com/amazon-support-guide/guide)"


def links() -> list[str]:
    data = yaml.safe_load((ROOT / "data" / "facts.yml").read_text(encoding="utf-8"))
    found = set()
    for fact in data["facts"].values():
        found.add(fact["source"])
        if fact["kind"] == "url":
            found.add(fact["value"])
    found.update(entry["source"] for entry in (data.get("domains") or {}).values())
    for page in (ROOT / "docs").rglob("*.md"):
        for m in LINK.finditer(page.read_text(encoding="utf-8")):
            found.add(m.group(1) or m.group(2))
    return sorted(found)


def classify(status: int | None, error: str | None = None) -> str:
    """'ok', 'refused' (a person should look) or 'broken'."""
    if status is not None and status < 400:
        return "ok"
    if status in REFUSING:
        return "refused"
    if status is None and error and re.search(r"timed out|reset|refused|EOF|SSL", error, re.I):
        return "refused"
    return "broken"


def fetch(url: str) -> tuple[int | None, str | None]:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, None
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue  # some servers answer HEAD differently: try GET
            return exc.code, None
        except Exception as exc:  # DNS, TLS, timeouts
            if method == "HEAD":
                continue
            return None, str(exc)
    return None, "no answer"


def main() -> int:
    results = {"broken": [], "refused": []}
    for url in links():
        status, error = fetch(url)
        verdict = classify(status, error)
        if verdict != "ok":
            results[verdict].append(f"{verdict}: {url} ({status or error})")
    for line in results["broken"] + results["refused"]:
        print(line)
    if not (results["broken"] or results["refused"]):
        print(f"All {len(links())} external links answered.")
    return 1 if results["broken"] else 2 if results["refused"] else 0


if __name__ == "__main__":
    sys.exit(main())
