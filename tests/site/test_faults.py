"""Fault injection: each checker is run on a copy of the project with one fault put in, and
must fail with a message that names the file. Faults that stop the build are checked on the
build's own error; the others on one extra build that carries them all."""

import re

import pytest

import facts as F
from checks import allowed_contacts, bad_external_links, external_asset_refs, unlisted_contacts
from support import build_site, copy_project


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: '{old}' not found"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


NO_GIT = {"LAST_UPDATED_DATES": "false"}  # the copy is not a git checkout


def failed_build(project) -> str:
    result = build_site(project, project / "site", NO_GIT)
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr


def test_missing_translation_stops_the_build(project):
    (project / "docs" / "ru" / "problems" / "missing-parcel.md").unlink()
    assert "docs/ru/problems/missing-parcel.md is missing" in failed_build(project)


def test_typed_period_stops_the_build(project):
    page = project / "docs" / "ru" / "problems" / "missing-parcel.md"
    append(page, "Подождите 48 часов.")
    line = page.read_text(encoding="utf-8").split("\n").index("Подождите 48 часов.") + 1
    out = failed_build(project)
    assert f"docs/ru/problems/missing-parcel.md:{line}: '48 часов' is a policy period" in out, out[-2000:]


def test_fact_without_evidence_stops_the_build(project):
    registry = project / "data" / "facts.yml"
    text = registry.read_text(encoding="utf-8")
    start = text.index("  us-card-dispute-window:")
    evidence = text.index("    evidence:", start)
    registry.write_text(text[:evidence] + text[text.index("\n", evidence) + 1 :], encoding="utf-8")
    assert "data/facts.yml: fact 'us-card-dispute-window': field 'evidence' is missing" in failed_build(project)


def test_broken_link_stops_the_build(project):
    append(project / "docs" / "ru" / "start.md", "[нет такой страницы](no-such-page.md)")
    out = failed_build(project)
    assert re.search(r"ru/start\.md.*no-such-page\.md", out), out[-2000:]


def test_broken_anchor_stops_the_build(project):
    append(project / "docs" / "zh" / "start.md", "[锚点](problems/missing-parcel.md#no-such-anchor)")
    out = failed_build(project)
    assert re.search(r"zh/start\.md.*no-such-anchor", out), out[-2000:]


def test_unknown_fact_stops_the_build(project):
    page = project / "docs" / "ru" / "channels" / "phone.md"
    append(page, "Позвоните: {fact:us-phone-2}")
    line = page.read_text(encoding="utf-8").split("\n").index("Позвоните: {fact:us-phone-2}") + 1
    out = failed_build(project)
    assert f"docs/ru/channels/phone.md:{line}: unknown fact 'us-phone-2'" in out, out[-2000:]


def test_diagram_syntax_error_stops_the_build(project):
    page = project / "docs" / "zh" / "problems" / "missing-parcel.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    start = lines.index("```mermaid")
    lines.insert(start + 2, "  broken -->")
    page.write_text("\n".join(lines), encoding="utf-8")
    out = failed_build(project)
    assert f"docs/zh/problems/missing-parcel.md:{start + 3}: diagram syntax error" in out, out[-2000:]


def test_malformed_registry_entry_stops_the_build(project):
    edit(
        project / "data" / "facts.yml",
        "    source: https://www.amazon.com/gp/help/customer/display.html?nodeId=537802\n",
        "",
    )
    assert "data/facts.yml: fact 'third-party-sellers': field 'source' is missing" in failed_build(project)


def test_structural_drift_is_named(project):
    from translation_structure import check

    edit(project / "docs" / "zh" / "escalation" / "chargeback.md", "\n## ", "\n### ")
    problems = check(project / "docs")
    assert len(problems) == 1
    assert problems[0].startswith(
        "docs/zh/escalation/chargeback.md differs from docs/en/escalation/chargeback.md: headings"
    )


def test_faults_in_a_successful_build_are_caught(project):
    # a typed phone number, a look-alike link, an external script in an override, an English
    # change; and a phone number changed in the registry, which must change on every page
    edit(
        project / "data" / "facts.yml",
        'value: "+18882804331"\n    display: "1-888-280-4331"',
        'value: "+18005550100"\n    display: "1-800-555-0100"',
    )
    edit(project / "data" / "facts.yml", "number at 1-888-280-4331 for", "number at 1-800-555-0100 for")
    append(project / "docs" / "zh" / "channels" / "phone.md", "也可以拨打 1-206-922-0880。")
    append(project / "docs" / "en" / "start.md", "[Amazon help desk](https://amazon-support.help/)")
    edit(
        project / "overrides" / "main.html",
        "{% block extrahead %}",
        '{% block extrahead %}<script src="https://cdn.example.com/x.js"></script>',
    )
    append(project / "docs" / "en" / "resolved.md", "One more sentence in English.")
    result = build_site(project, project / "site", NO_GIT)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"

    registry = F.load_registry(project / "data" / "facts.yml")
    for lang in ("", "ru/", "zh/"):
        page = (site / lang / "channels" / "phone" / "index.html").read_text(encoding="utf-8")
        assert '<a href="tel:+18005550100">1-800-555-0100</a>' in page
    old_number = [p for p in site.rglob("*.html") if re.search(r"280-4331|8882804331", p.read_text(encoding="utf-8"))]
    assert old_number == []

    phone = site / "zh" / "channels" / "phone" / "index.html"
    assert unlisted_contacts(
        "zh/channels/phone/index.html", phone.read_text(encoding="utf-8"), allowed_contacts(registry)
    ) == ["zh/channels/phone/index.html: phone number '1-206-922-0880' is not in data/facts.yml"]
    start = site / "start" / "index.html"
    assert bad_external_links(
        "start/index.html", start.read_text(encoding="utf-8"), {"www.amazon.com", "github.com"}
    ) == [
        "start/index.html: link to 'amazon-support.help' (https://amazon-support.help/) is not an allowed host (data/allowed-hosts.yml)"
    ]
    external = external_asset_refs(site)
    assert "index.html: <script src='https://cdn.example.com/x.js'> loads from another host" in external
    assert "ru/start/index.html: <script src='https://cdn.example.com/x.js'> loads from another host" in external

    notice = "Перевод может быть устаревшим"
    assert notice in (site / "ru" / "resolved" / "index.html").read_text(encoding="utf-8")
    assert notice not in (site / "ru" / "about" / "index.html").read_text(encoding="utf-8")
    assert "此译文可能已过时" in (site / "zh" / "resolved" / "index.html").read_text(encoding="utf-8")
