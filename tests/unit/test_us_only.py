"""US-only rules say so wherever they appear, in every language: a section (a heading and its text)
that names the FTC, the Fair Credit Billing Act or the US card-dispute window also says "US"
(США, 美国)."""

import re

import pytest

from support import LANGUAGES, ROOT, assert_none

US_RULE = re.compile(
    r"\{(?:fact|fact-url):ftc-[a-z-]+\}|\{period:us-card-dispute-window(?::\w+)?\}|\bFTC\b|Fair Credit Billing|FCBA"
)
SAYS_US = {
    "en": re.compile(r"\bUS\b|\bU\.S\.|United States|American"),
    "ru": re.compile(r"США|американск|Соединённых Штат"),
    "zh": re.compile(r"美国"),
}


def sections(text: str):
    """The page cut at its headings, with the line each part starts on; front matter and fences skipped."""
    lines = text.split("\n")
    first = 0
    if lines and lines[0].strip() == "---":
        first = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0) + 1
    start, block, in_fence = first + 1, [], False
    for number, line in enumerate(lines[first:], start=first + 1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if line.startswith("#") and block:
            yield start, "\n".join(block)
            start, block = number, []
        block.append(line)
    if block:
        yield start, "\n".join(block)


def unmarked(text: str, lang: str, origin: str) -> list[str]:
    return [
        f"{origin}:{start}: names a US-only rule without saying it is for the US: {block.strip()[:90]}"
        for start, block in sections(text)
        if US_RULE.search(block) and not SAYS_US[lang].search(block)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_us_only_rules_say_us(lang):
    problems = []
    for page in sorted((ROOT / "docs" / lang).rglob("*.md")):
        if page.name == "sources.md":
            continue  # the registry table states each fact's region in its own column
        problems += unmarked(page.read_text(encoding="utf-8"), lang, page.relative_to(ROOT).as_posix())
    assert_none(problems)


def test_the_check_catches_an_unmarked_rule():
    assert unmarked("Report it to [the FTC]({fact-url:ftc-report-fraud}).", "en", "x")
    assert not unmarked("In the US, report it to [the FTC]({fact-url:ftc-report-fraud}).", "en", "x")
    assert unmarked("Письмо должно дойти в течение {period:us-card-dispute-window:gen}.", "ru", "x")
    assert not unmarked("В США письмо должно дойти в течение {period:us-card-dispute-window:gen}.", "ru", "x")
