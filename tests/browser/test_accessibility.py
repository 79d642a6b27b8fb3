"""axe-core finds no violation on any built page of any language, light and dark."""

import pytest

from support import ROOT, assert_none, html_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def with_axe(context):
    """axe in every page of the context, added by the browser itself: a script tag would be
    blocked by the pages' Content-Security-Policy, which stays on while axe checks them."""
    context.add_init_script(path=str(AXE))
    return context


def run_axe(page) -> list[str]:
    # colours are measured once every transition has ended (Material fades its header title
    # and back-to-top button in as the page scrolls)
    page.wait_for_function(SETTLED)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_on_any_page(server, browser, site, scheme):
    assert AXE.exists(), "run `npm ci` first"
    ctx = with_axe(browser.new_context(color_scheme=scheme))
    page = ctx.new_page()
    problems = []
    try:
        for path in html_pages(site):
            rel = path.relative_to(site).as_posix()
            if rel.endswith("404.html"):
                continue
            page.goto(server + rel.removesuffix("index.html"))
            problems += [f"{rel} [{scheme}]: {v}" for v in run_axe(page)]
    finally:
        ctx.close()
    print("\n".join(problems))
    assert_none(problems)


def test_axe_catches_an_unlabelled_checkbox(server, page):
    with_axe(page.context)
    page.goto(server + "checklists/buyer/")
    page.evaluate("document.querySelectorAll('.task-list-text').forEach(t => t.remove())")
    assert any(v.startswith("label ") for v in run_axe(page))
