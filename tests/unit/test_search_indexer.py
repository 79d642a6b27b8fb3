"""The Pagefind service of a language is started early and handed its pages later; a build
that stops writes nothing and closes the service."""

import concurrent.futures

import pytest

from search import Abandoned, Indexer


def test_pages_handed_later_are_indexed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<html lang="en"><body><main data-pagefind-body><h1>Parcel</h1><p>Missing parcel help.</p></main></body></html>'
    )
    indexer = Indexer(tmp_path / "pagefind", tmp_path)
    indexer.index(["a/index.html"])
    assert indexer.job.result(timeout=60) == 1
    assert (tmp_path / "pagefind" / "pagefind.js").exists()


def test_an_abandoned_index_writes_nothing(tmp_path):
    indexer = Indexer(tmp_path / "pagefind", tmp_path)
    indexer.index(None)
    with pytest.raises(Abandoned):
        indexer.job.result(timeout=60)
    assert not (tmp_path / "pagefind").exists()
    waiting = Indexer(tmp_path / "other", tmp_path)
    with pytest.raises(concurrent.futures.TimeoutError):
        waiting.job.result(timeout=0.5)  # nothing is written before its pages are handed over
    waiting.index(None)
    with pytest.raises(Abandoned):
        waiting.job.result(timeout=60)


def test_a_broken_bundle_is_recognised(tmp_path):
    import json

    from search import bundle_ok

    assert not bundle_ok(tmp_path)  # no entry file
    (tmp_path / "pagefind-entry.json").write_text("")
    assert not bundle_ok(tmp_path)  # empty, as CI once found it
    (tmp_path / "pagefind-entry.json").write_text(json.dumps({"languages": {"en": {}, "unknown": {}}}))
    assert not bundle_ok(tmp_path)
    (tmp_path / "pagefind-entry.json").write_text(json.dumps({"languages": {"en": {"page_count": 56}}}))
    assert bundle_ok(tmp_path)
