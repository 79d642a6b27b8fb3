"""Every built page carries its Content-Security-Policy before any script, and the policy allows
exactly the inline scripts the page runs (hashes computed here independently, with BeautifulSoup)."""

from __future__ import annotations

import base64
import hashlib

from bs4 import BeautifulSoup

from support import assert_none, check_every_page


def policy_problems(name: str, html: str) -> list[str]:
    doc = BeautifulSoup(html, "html.parser")
    metas = doc.select('meta[http-equiv="Content-Security-Policy"]')
    if len(metas) != 1:
        return [f"{name}: {len(metas)} Content-Security-Policy meta tags"]
    policy = dict((part.strip().split(" ", 1) + [""])[:2] for part in metas[0]["content"].split(";") if part.strip())
    problems = []
    scripts = policy.get("script-src", "").split()
    if "'unsafe-inline'" in scripts or "'unsafe-eval'" in scripts or "*" in scripts:
        problems.append(f"{name}: script-src allows {scripts}")
    if policy.get("default-src") != "'self'":
        problems.append(f"{name}: default-src is {policy.get('default-src')!r}")
    first_script = doc.find("script")
    if first_script is not None and first_script.sourceline < metas[0].sourceline:
        problems.append(f"{name}: a script comes before the policy")
    for script in doc.find_all("script"):
        if script.get("src") or script.get("type") not in (None, "text/javascript", "module"):
            continue
        digest = base64.b64encode(hashlib.sha256((script.string or "").encode()).digest()).decode()
        if f"'sha256-{digest}'" not in scripts:
            problems.append(f"{name}: inline script {(script.string or '')[:40]!r} is not allowed by the policy")
    return problems


def test_every_page_has_a_policy_that_allows_its_own_scripts_only(site):
    assert_none(check_every_page(site, policy_problems))


def test_a_page_whose_script_is_not_in_its_policy_is_caught(site):
    html = (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert policy_problems("zh/index.html", html) == []
    injected = html.replace("</body>", "<script>alert(1)</script></body>")
    assert any("alert(1)" in p for p in policy_problems("zh/index.html", injected))
    loose = html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    assert any("unsafe-inline" in p for p in policy_problems("zh/index.html", loose))
