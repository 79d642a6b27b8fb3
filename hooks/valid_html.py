"""Repair the few spots where Material 9.8.2's templates produce invalid HTML (Nu checker).

- `autocomplete="off"` on the drawer and search toggle checkboxes (base.html, no block to
  override): `autocomplete` is not allowed on checkboxes;
- `tabindex=""` on section labels of the navigation (nav-item.html): not a valid integer.
Each repair is a plain string rewrite of exactly that markup. If a page has Material's toggles
but not in the markup this repair expects (Material changed its template), the build stops,
naming the page: the repair would silently do nothing otherwise.
"""

from __future__ import annotations

import re

from _common import BuildError

TOGGLE_TAG = re.compile(r'<input class="md-toggle"[^>]*>')
TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def repair(html: str, origin: str = "page") -> str:
    toggles = len(TOGGLE_TAG.findall(html))
    html, repaired = TOGGLE.subn(r"\1", html)
    if repaired != toggles:
        raise BuildError(
            f"{origin}: {toggles - repaired} of {toggles} of Material's toggles do not have the markup "
            'hooks/valid_html.py repairs (<input class="md-toggle" … type="checkbox" … autocomplete="off">); '
            "Material changed base.html: check the page with the Nu HTML checker and update or remove the repair"
        )
    return html.replace(' tabindex=""', "")


def output_step(html: str, page) -> str:
    """The pipeline's HTML repair step (whole page; the 404 page too)."""
    return repair(html, page.origin)
