"""GitHub files are valid (issue forms, workflows, Dependabot) and CI runs the README's command."""

import re

import pytest
import yaml

from support import ROOT

FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
ELEMENT_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def form_problems(name: str, form: dict) -> list[str]:
    """Problems GitHub would reject an issue form for (the rules of its form schema)."""
    problems = [f"{name}: '{key}' is required" for key in ("name", "description", "body") if not form.get(key)]
    ids = set()
    for n, element in enumerate(form.get("body") or [], start=1):
        kind = element.get("type")
        attributes = element.get("attributes") or {}
        where = f"{name}: body item {n}"
        if kind not in ELEMENT_TYPES:
            problems.append(f"{where}: type '{kind}' is not one of {sorted(ELEMENT_TYPES)}")
            continue
        if kind == "markdown":
            if not attributes.get("value"):
                problems.append(f"{where}: markdown needs attributes.value")
            continue
        if not attributes.get("label"):
            problems.append(f"{where}: attributes.label is required")
        element_id = element.get("id")
        if element_id is not None:
            if not re.fullmatch(r"[A-Za-z0-9_-]+", str(element_id)):
                problems.append(f"{where}: id '{element_id}' may use only letters, digits, - and _")
            if element_id in ids:
                problems.append(f"{where}: id '{element_id}' is used twice")
            ids.add(element_id)
        if kind in ("dropdown", "checkboxes") and not attributes.get("options"):
            problems.append(f"{where}: {kind} needs attributes.options")
        unknown = set(element) - {"type", "id", "attributes", "validations"}
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
    return problems


def test_there_are_issue_forms_for_facts_translations_and_topics():
    assert {p.name for p in FORMS} >= {"wrong-fact.yml", "translation.yml", "missing-topic.yml", "config.yml"}


@pytest.mark.parametrize("path", [p for p in FORMS if p.name != "config.yml"], ids=lambda p: p.name)
def test_issue_form_is_valid(path):
    assert form_problems(path.name, yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_form_check_catches_a_broken_form():
    broken = {"name": "x", "description": "y", "body": [{"type": "input", "id": "a b"}, {"type": "select"}]}
    assert form_problems("f.yml", broken) == [
        "f.yml: body item 1: attributes.label is required",
        "f.yml: body item 1: id 'a b' may use only letters, digits, - and _",
        "f.yml: body item 2: type 'select' is not one of ['checkboxes', 'dropdown', 'input', 'markdown', 'textarea']",
    ]


def test_workflows_and_dependabot():
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    steps = [s.get("run") for s in ci["jobs"]["test"]["steps"]]
    assert "make test" in steps
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert any("actions/deploy-pages" in str(s.get("uses")) for s in pages["jobs"]["deploy"]["steps"])
    dependabot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in dependabot["updates"]} == {"pip", "npm", "github-actions"}


def test_ci_script_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^(make \w+)\s+# installs everything the tests need", readme, re.M).group(1)
    script = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert script[-1] == command
