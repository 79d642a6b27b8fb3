"""Quality gates on the sources and the built site: allowed link hosts, valid HTML,
translation structure, no untranslated page, every page described."""

import json
import shutil
import subprocess

import pytest
import yaml

from checks import bad_external_links
from mkdocs_hooks import read_page
from support import LANGUAGES, ROOT, assert_none, check_every_page

ALLOWED = set(yaml.safe_load((ROOT / "data" / "allowed-hosts.yml").read_text(encoding="utf-8"))["hosts"])
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_external_links_go_to_allowed_hosts_over_https(site):
    assert_none(check_every_page(site, bad_external_links, ALLOWED))


@pytest.mark.parametrize(
    "href",
    [
        "https://www.amaz0n.com/help",
        "https://amazon-support.net/",
        "http://www.amazon.com/",
        "https://www.amazon.com.help-desk.io/",
    ],
)
def test_look_alike_or_plain_http_link_is_caught(href):
    problems = bad_external_links("zh/start/index.html", f'<p><a href="{href}">Amazon</a></p>', ALLOWED)
    assert len(problems) == 1 and problems[0].startswith("zh/start/index.html: ")


def vnu_errors(paths) -> list[str]:
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML checker"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{m['url'].rsplit('/site', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]


def test_every_page_is_valid_html(site):
    assert VNU.exists(), "run `npm ci` first"
    assert_none(vnu_errors([site]))


def test_html_checker_catches_an_error(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body><label tabindex="">x</label></body></html>'
    )
    errors = vnu_errors([bad])
    assert len(errors) == 1 and "tabindex" in errors[0]


def test_translations_have_the_structure_of_english():
    from translation_structure import check

    assert_none(check())


def test_structure_drift_is_named():
    from translation_structure import differences

    english = "# T\n\n## A {#a}\n\n!!! warning\n    x\n\n- [ ] one\n- [ ] two\n\n{fact:us-phone} [x](b.md)\n"
    drifted = "# Т\n\n### А {#a}\n\n!!! tip\n    х\n\n- [ ] один\n\n{fact:contact-us} [х](c.md)\n"
    found = differences(english, drifted)
    assert [d.split(":")[0] for d in found] == ["headings", "admonitions", "checklist items", "facts", "internal links"]
    assert "missing ['us-phone']; extra ['contact-us']" in found[3]


def front_matter(path):
    return read_page(path)[1]  # MkDocs' own front-matter parser


def test_no_page_is_marked_untranslated():
    marked = [
        str(p.relative_to(ROOT))
        for lang in LANGUAGES
        for p in (ROOT / "docs" / lang).rglob("*.md")
        if front_matter(p).get("untranslated")
    ]
    assert_none(marked, "translate these pages, then remove `untranslated: true` from their front matter")


def test_every_page_has_a_description_and_one_title():
    problems = []
    for lang in LANGUAGES:
        for path in sorted((ROOT / "docs" / lang).rglob("*.md")):
            meta = front_matter(path)
            text = path.read_text(encoding="utf-8")
            if not str(meta.get("description", "")).strip():
                problems.append(f"{path.relative_to(ROOT)}: no description in the front matter")
            elif len(str(meta["description"])) > 200:
                problems.append(f"{path.relative_to(ROOT)}: description longer than 200 characters")
            outside_code = [line for line in text.split("\n") if not line.startswith(("    ", "\t"))]
            if len([line for line in outside_code if line.startswith("# ")]) != 1:
                problems.append(f"{path.relative_to(ROOT)}: needs exactly one '# Title' line")
    assert_none(problems)
