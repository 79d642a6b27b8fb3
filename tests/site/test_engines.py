"""The site does not depend on MkDocs itself: ProperDocs, the maintained fork of MkDocs 1.6,
builds the same files byte for byte (the generator tag aside)."""

from __future__ import annotations

from compare_engines import build, differences


def test_properdocs_builds_the_same_site(site, tmp_path):
    result = build("properdocs", tmp_path / "properdocs")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert differences(site, tmp_path / "properdocs") == []


def test_a_difference_is_caught(tmp_path):
    one, other = tmp_path / "one", tmp_path / "other"
    for folder, generator, body in ((one, "mkdocs-1.6.1", "a"), (other, "properdocs-1.6.7", "a")):
        (folder / "x").mkdir(parents=True)
        (folder / "x" / "index.html").write_bytes(
            f'<meta name="generator" content="{generator}"><p>{body}</p>'.encode()
        )
    assert differences(one, other) == []
    (other / "x" / "index.html").write_bytes(b'<meta name="generator" content="z"><p>b</p>')
    (other / "extra.txt").write_text("x")
    assert differences(one, other) == ["only in other: extra.txt", "differs: x/index.html"]
