"""hooks/csp.py: the policy names the hash of each inline script that runs, and nothing looser."""

import base64
import hashlib

import pytest

import csp


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = (
    '<html><head><meta charset="utf-8"><script>var a=1;</script>'
    '<script type="application/json" id="d">{"x":1}</script>'
    '<script src="x.js"></script><script type="module">import "./m.js";</script></head>'
    "<body><script>var a=1;</script></body></html>"
)


def test_only_scripts_that_run_are_hashed_once_each():
    assert csp.inline_hashes(PAGE) == [sha("var a=1;"), sha('import "./m.js";')]


def test_the_policy_comes_first_and_allows_no_inline_script_by_default():
    out = csp.add_policy(PAGE)
    head = out.split("<script", 1)[0]
    assert 'http-equiv="Content-Security-Policy"' in head
    assert "'unsafe-inline'" not in out.split("script-src", 1)[1].split(";", 1)[0]
    assert sha("var a=1;") in out and "'wasm-unsafe-eval'" in out and "default-src 'self'" in out


def test_extra_hashes_for_the_root_404_page():
    out = csp.add_policy(PAGE, [sha("other")])
    assert sha("other") in out


def test_a_page_is_never_given_two_policies_or_one_in_the_wrong_place():
    with pytest.raises(ValueError):
        csp.add_policy(csp.add_policy(PAGE))
    with pytest.raises(ValueError):
        csp.add_policy("<html><head><script>x</script></head></html>")
