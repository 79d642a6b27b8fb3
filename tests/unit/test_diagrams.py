"""Mermaid flowcharts: strict parsing, errors with file and line, a generated text version."""

import pytest

import diagrams as D
from _common import BuildError as PluginError

CHART = """flowchart TD
  start["Parcel not here"] --> late{"Past the latest date?"}
  late -->|"No"| wait["Wait"]
  late -->|"Yes"| seller["Contact the seller"] --> done(["Resolved"])
"""


def test_parse_nodes_edges_and_labels():
    chart = D.parse_flowchart(CHART)
    assert list(chart.labels) == ["start", "late", "wait", "seller", "done"]
    assert chart.labels["late"] == "Past the latest date?"
    assert ("late", "wait", "No") in chart.edges and ("seller", "done", "") in chart.edges
    assert chart.decisions == {"late"}


def test_text_version_has_every_label_and_choice():
    chart = D.parse_flowchart(CHART)
    text = D.text_version(chart, 1, "en")
    for label in chart.labels.values():
        assert label in text
    assert 'No → <a href="#d1-s3">go to step 3</a>: Wait' in text


@pytest.mark.parametrize(
    "source, line",
    [
        ('flowchart TD\n  a["A"] --> \n', 2),
        ("flowchart XY\n  a --> b\n", 1),
        ('flowchart TD\n  a["A"] --> b["B"]\n  b["Other"] --> c\n', 3),
        ('flowchart TD\n  a["A"] --> b["B"\n', 2),
    ],
)
def test_syntax_errors_report_the_line(source, line):
    with pytest.raises(D.DiagramError, match=rf"^line {line}: "):
        D.parse_flowchart(source)


def test_build_error_names_file_and_line_in_the_page():
    md = '# Title\n\nText\n\n```mermaid\nflowchart TD\n  a["A"] -->\n```\n'
    with pytest.raises(PluginError, match=r"docs/ru/x.md:7: diagram syntax error"):
        D.transform(md, "docs/ru/x.md", "ru", "ru/x/")
