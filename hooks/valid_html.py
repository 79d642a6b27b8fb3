"""Repair the few spots where Material 9.8.2's templates produce invalid HTML (Nu checker).

- `autocomplete="off"` on the drawer and search toggle checkboxes (base.html, no block to
  override): `autocomplete` is not allowed on checkboxes;
- `tabindex=""` on section labels of the navigation (nav-item.html): not a valid integer.
Each repair is a plain string rewrite of exactly that markup.
"""

from __future__ import annotations

import re

TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def repair(html: str) -> str:
    html = TOGGLE.sub(r"\1", html)
    return html.replace(' tabindex=""', "")


def on_post_page(output, page, config):
    return repair(output)


def on_post_template(output_content, template_name, config):
    return repair(output_content) if template_name.endswith(".html") else output_content
