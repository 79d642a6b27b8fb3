"""Every problem page, in every language, ends with what to do if its steps did not work
(only a list of related pages, {#links}, may follow it)."""

import re

import pytest

from support import LANGUAGES, ROOT, assert_none

HEADING = re.compile(r"^##\s+.*?(\{#(?P<id>[\w-]+)\})?\s*$")


def last_section(text: str) -> str | None:
    """The id of the page's last second-level heading, before a closing list of related pages."""
    ids = [m.group("id") for m in map(HEADING.match, text.split("\n")) if m]
    if ids and ids[-1] == "links":
        ids.pop()
    return ids[-1] if ids else None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_problem_pages_end_with_if_not_resolved(lang):
    pages = sorted((ROOT / "docs" / lang / "problems").glob("*.md"))
    assert len(pages) >= 23
    assert_none(
        [
            f"{p.relative_to(ROOT).as_posix()}: the last section is {last_section(p.read_text(encoding='utf-8'))!r}"
            for p in pages
            if last_section(p.read_text(encoding="utf-8")) != "if-not-resolved"
        ],
        "End the page with '## If that didn't work {#if-not-resolved}' and the next steps.",
    )


def test_the_check_catches_a_page_without_the_section():
    assert last_section("# A\n\n## Steps {#steps}\n\n## If that didn't work {#if-not-resolved}\n") == "if-not-resolved"
    assert last_section("# A\n\n## If that didn't work {#if-not-resolved}\n\n## More {#more}\n") == "more"
    assert last_section("# A\n\nNo sections.\n") is None
    assert (
        last_section("# A\n\n## If that didn't work {#if-not-resolved}\n\n## Related {#links}\n") == "if-not-resolved"
    )
    assert last_section("# A\n\n## Steps {#steps}\n\n## Related {#links}\n") == "steps"
