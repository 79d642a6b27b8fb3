"""The search step: one Pagefind bundle per language, made from the written pages, checked."""

import json

import pytest

from _common import BuildError
from search import bundle_ok, index_site, words_file, write_words


def page(lang: str, title: str) -> str:
    return (
        f'<html lang="{lang}"><body><main data-pagefind-body><h1>{title}</h1>'
        f"<p>{title} help and more words.</p></main></body></html>"
    )


def test_each_language_gets_its_own_bundle_of_its_own_pages(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page("en", "Parcel"))
    (tmp_path / "ru" / "a").mkdir(parents=True)
    (tmp_path / "ru" / "a" / "index.html").write_text(page("ru", "Посылка"))
    index_site(tmp_path, {"en": ["a/index.html"], "ru": ["ru/a/index.html"]}, {"en": "", "ru": "ru/"})
    for root, lang in (("", "en"), ("ru/", "ru")):
        entry = json.loads((tmp_path / root / "pagefind" / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [lang]
        assert entry["languages"][lang]["page_count"] == 1
        assert bundle_ok(tmp_path / root / "pagefind")


def test_a_page_that_is_not_indexed_stops_the_build(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page("en", "Parcel"))
    with pytest.raises(BuildError, match="covers 1 pages, but 2 were built"):
        index_site(tmp_path, {"en": ["a/index.html", "b/index.html"]}, {"en": ""})


def test_a_failing_pagefind_stops_the_build_with_its_message(tmp_path):
    (tmp_path / "ru" / "a").mkdir(parents=True)
    (tmp_path / "ru" / "a" / "index.html").write_text(page("ru", "Посылка"))
    with pytest.raises(BuildError, match=r"could not build the en search index \(exit 1\): .*not able to build"):
        index_site(tmp_path, {"en": ["missing/index.html"], "ru": ["ru/a/index.html"]}, {"en": "", "ru": "ru/"})
    assert bundle_ok(tmp_path / "ru" / "pagefind")  # the other process ended before the build stopped


def test_a_broken_bundle_is_recognised(tmp_path):
    assert not bundle_ok(tmp_path)  # no entry file
    (tmp_path / "pagefind-entry.json").write_text("")
    assert not bundle_ok(tmp_path)  # empty, as CI once found it
    (tmp_path / "pagefind-entry.json").write_text(json.dumps({"languages": {"en": {}, "unknown": {}}}))
    assert not bundle_ok(tmp_path)
    (tmp_path / "pagefind-entry.json").write_text(json.dumps({"languages": {"en": {"page_count": 56}}}))
    assert bundle_ok(tmp_path)
    (tmp_path / "pagefind-ui.css").write_text("")  # as the overlapped indexing once left it
    assert not bundle_ok(tmp_path)


def test_the_words_file_puts_longer_words_first(tmp_path):
    assert words_file({"被盗", "账户", "账户被盗"}) == "账户被盗\n被盗\n账户\n"
    (tmp_path / "zh").mkdir()
    write_words(tmp_path, {"zh": {"账户"}}, {"zh": "zh/"})
    assert (tmp_path / "zh" / "search-words.txt").read_text(encoding="utf-8") == "账户\n"
