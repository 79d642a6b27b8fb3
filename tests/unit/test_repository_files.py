"""GitHub files are valid (issue forms, workflows, Dependabot) and CI runs the README's command."""

import re
import sys

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


# The first major of each action that runs on Node 24 (Node 20 left GitHub's runners in 2026).
NODE24_MAJORS = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/setup-node": 5,
    "actions/upload-artifact": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}


def workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def old_actions(flow: dict) -> list[str]:
    problems = []
    for job_id, job in flow["jobs"].items():
        for step in job.get("steps", []):
            uses = step.get("uses")
            if not uses:
                continue
            action, _, ref = uses.partition("@")
            major = int(re.match(r"v(\d+)", ref).group(1)) if re.match(r"v\d+", ref) else None
            if action not in NODE24_MAJORS or major is None or major < NODE24_MAJORS[action]:
                problems.append(f"{job_id}: {uses} (not a known Node 24 major)")
        for step in job.get("steps", []):
            version = (step.get("with") or {}).get("node-version")
            if version is not None and int(str(version).split(".")[0]) < 22:
                problems.append(f"{job_id}: Node {version} (package-lock.json asks for 22.12 or later)")
    return problems


def test_workflows_use_current_actions_and_node():
    for name in ("ci.yml", "scheduled.yml"):
        assert old_actions(workflow(name)) == [], name
    bad = {
        "jobs": {
            "t": {
                "steps": [
                    {"uses": "actions/checkout@v4"},
                    {"uses": "actions/setup-node@v6", "with": {"node-version": "20"}},
                ]
            }
        }
    }
    assert old_actions(bad) == [
        "t: actions/checkout@v4 (not a known Node 24 major)",
        "t: Node 20 (package-lock.json asks for 22.12 or later)",
    ]


def test_only_a_tested_commit_is_deployed():
    ci = workflow("ci.yml")
    steps = [s.get("run") for s in ci["jobs"]["test"]["steps"]]
    assert "make test" in steps
    assert steps.index("make test") < steps.index("make build"), "the site is built before the tests passed"
    deploy = ci["jobs"]["deploy"]
    assert set(deploy["needs"]) == {"test", "engines"} and "refs/heads/main" in deploy["if"]
    assert "make engines" in [s.get("run") for s in ci["jobs"]["engines"]["steps"]]
    assert any("actions/deploy-pages" in str(s.get("uses")) for s in deploy["steps"])
    others = [p.name for p in (ROOT / ".github" / "workflows").glob("*.yml") if p.name != "ci.yml"]
    assert not [n for n in others if "deploy-pages" in (ROOT / ".github" / "workflows" / n).read_text()], others


def test_a_weekly_workflow_reports_stale_facts_and_links_without_failing_pull_requests():
    flow = workflow("scheduled.yml")
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on` as true
    assert "schedule" in triggers and "pull_request" not in triggers and "push" not in triggers
    runs = "\n".join(str(s.get("run", "")) for s in flow["jobs"]["check"]["steps"])
    assert "hooks/facts.py stale" in runs and "scripts/check_links.py" in runs and "gh issue" in runs


def test_dependabot_watches_every_ecosystem():
    dependabot = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in dependabot["updates"]} == {"pip", "npm", "github-actions"}


def test_the_link_check_tells_refusals_from_broken_links():
    sys.path.insert(0, str(ROOT / "scripts"))
    import check_links

    assert check_links.classify(200) == check_links.classify(301) == "ok"
    assert check_links.classify(404) == check_links.classify(410) == "broken"
    assert check_links.classify(403) == check_links.classify(503) == check_links.classify(429) == "refused"
    assert check_links.classify(None, "[Errno -2] Name or service not known") == "broken"
    assert check_links.classify(None, "The read operation timed out") == "refused"
    assert len(check_links.links()) > 30


def test_ci_script_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^(make \w+)\s+# installs everything the tests need", readme, re.M).group(1)
    script = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert script[-1] == command


def test_set_up_stops_on_an_unsupported_python_or_node():
    sys.path.insert(0, str(ROOT / "scripts"))
    import check_versions as v

    assert v.verdict((3, 11, 2), (24, 1, 0)) == (0, "")
    assert v.verdict((3, 11, 2), (22, 12, 0)) == (0, "")
    code, notice = v.verdict((3, 11, 2), (20, 20, 2))
    assert code == 0 and "22.12" in notice
    assert v.verdict((3, 11, 2), (18, 19, 0))[0] == 1
    assert v.verdict((3, 10, 12), (24, 1, 0))[0] == 1
    assert "not found" in v.verdict((3, 12, 0), None)[1]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "scripts/check_versions.py" in makefile.split("python3 -m venv")[0]


def fixed_sleeps(text: str) -> list[str]:
    return re.findall(r"\.wait_for_timeout\(|\btime\.sleep\(|\basyncio\.sleep\(", text)


def test_no_test_waits_a_fixed_time():
    """Every wait is on an explicit state of the page: a fixed sleep flakes on a slow machine
    and can pass on a stale result."""
    found = [
        f"{p.relative_to(ROOT)}: {', '.join(fixed_sleeps(p.read_text(encoding='utf-8')))}"
        for p in (ROOT / "tests").rglob("*.py")
        if fixed_sleeps(p.read_text(encoding="utf-8"))
    ]
    assert found == []
    sample = "page.wait_for_" + "timeout(300)\ntime." + "sleep(1)"  # split, or this file would match
    assert fixed_sleeps(sample) == [".wait_for_" + "timeout(", "time." + "sleep("]


def test_the_list_of_languages_is_written_once():
    """mkdocs.yml's i18n block is the only list of the site's languages: hooks, scripts and the
    site and browser tests read it (_common.languages); unit-test fixtures may name their own."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from _common import languages, url_prefix

    assert languages()[0] == "en" and set(languages()) == {"en", "ru", "zh"}
    assert url_prefix("en") == "" and url_prefix("ru") == "ru/"
    literal = re.compile(r"""["']en["'],\s*["'](?:ru|zh)["'],\s*["'](?:ru|zh)["']|\{"en": "", """)
    places = [*(ROOT / "hooks").glob("*.py"), *(ROOT / "scripts").glob("*.py"), ROOT / "tests" / "support.py"]
    places += [*(ROOT / "tests" / "site").glob("*.py"), *(ROOT / "tests" / "browser").glob("*.py")]
    found = [p.relative_to(ROOT).as_posix() for p in places if literal.search(p.read_text(encoding="utf-8"))]
    assert found == []
    assert literal.search('LANGS = ("en", "ru", "zh")') and literal.search('P = {"en": "", "ru": "ru/"}')
