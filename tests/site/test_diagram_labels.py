"""No diagram label is cut inside a word, in any language: Russian and English lines break at
spaces, Chinese lines at word boundaries (jieba, as the search index cuts them)."""

import re

import rjieba

from support import LANGUAGES, assert_none, html_pages

TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)
ROW = re.compile(r'<tspan class="text-outer-tspan')
WORD = re.compile(r'class="text-inner-tspan"[^>]*>(.*?)</tspan>', re.S)
HAN = re.compile(r"[\u3400-\u9fff]")


STEP = re.compile(r'<li id="d\d+-s\d+"><strong>(.*?)</strong>', re.S)
TAG = re.compile(r"<[^>]+>")


def label_rows(html: str) -> list[tuple[list[str], str]]:
    """Each node label of each diagram: its rendered lines and its full text (from the text version)."""
    labels = []
    for figure in re.findall(r'<figure class="diagram".*?</figure>', html, re.S):
        full = {re.sub(r"\s", "", t): t for t in (TAG.sub("", x).strip() for x in STEP.findall(figure))}
        for text in TEXT.findall(figure):
            rows = ["".join(WORD.findall(row)).strip() for row in ROW.split(text)[1:]]
            label = full.get(re.sub(r"\s", "", "".join(rows)))
            if len(rows) > 1 and label:
                labels.append((rows, label))
    return labels


def cut_words(rows: list[str], label: str) -> list[str]:
    """Each line break that falls inside a word (or leaves a lone punctuation mark), as before|after."""
    flat = re.sub(r"\s", "", label)
    spaces = set()  # positions in `flat` where the label has a space before that character
    at = 0
    for char in label:
        if char.isspace():
            spaces.add(at)
        else:
            at += 1
    boundaries, at = set(), 0
    for word in rjieba.cut(flat, False):
        at += len(word)
        boundaries.add(at)
    cuts, position = [], 0
    for before, after in zip(rows, rows[1:], strict=False):
        position += len(re.sub(r"\s", "", before))
        if re.fullmatch(r"[?!.,:;»)）？！。，、]+", re.sub(r"\s", "", after)):
            cuts.append(f"{before}|{after}")
        elif position in spaces:
            continue
        elif HAN.search(flat[position - 1]) and HAN.search(flat[position]):
            if position not in boundaries:
                cuts.append(f"{before}|{after}")
        elif not re.match(r"[-–—/]", flat[position - 1]):
            cuts.append(f"{before}|{after}")
    return cuts


def test_no_diagram_label_is_cut_inside_a_word(site):
    problems = []
    for lang in LANGUAGES:
        root = site if lang == "en" else site / lang
        for page in html_pages(root):
            name = page.relative_to(site).as_posix()
            if lang == "en" and name.split("/")[0] in LANGUAGES:
                continue
            for rows, label in label_rows(page.read_text(encoding="utf-8")):
                problems += [f"{name}: {cut}" for cut in cut_words(rows, label)]
    assert_none(problems)


def test_the_check_finds_a_cut_word():
    label = "В отслеживании статус «Доставлено»?"
    assert cut_words(["В", "отслеживани", "и статус", "«Доставлено»", "?"], label) == [
        "отслеживани|и статус",
        "«Доставлено»|?",
    ]
    assert cut_words(["В отслеживании", "статус «Доставлено»?"], label) == []
    assert cut_words(["包裹", "被偷了吗"], "包裹被偷了吗") == []
    assert cut_words(["包", "裹被偷了吗"], "包裹被偷了吗") == ["包|裹被偷了吗"]
    assert cut_words(["Contact", "Us"], "Contact Us") == []
