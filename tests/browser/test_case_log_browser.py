"""The case log in Chromium, every language: it prints on one A4 and one Letter page with every
contact row, typed text in the fields and lines where nothing was typed; its fields take typing;
nothing is stored until the reader ticks "keep", what they kept comes back, and "delete" removes
it; a keyboard reaches every field and control; each contact is a stacked card on a phone; axe
finds nothing in light and dark."""

import io
import json

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from test_accessibility import AXE, run_axe

from support import LANGUAGES, PREFIX, assert_none, layout_box

KEY = "case-log"
FIELDS = "[data-case-log] input[id]:not([type=checkbox]), [data-case-log] textarea[id]"
# Long text as each language writes it; a field is filled to its maxlength with it.
SAMPLE = {
    "en": "Agent promised a full refund to my card, WWW 114-4567890-1234567. ",
    "ru": "Сотрудник обещал вернуть деньги на карту полностью, ЖЩШ 114-4567890-1234567. ",
    "zh": "客服承诺五个工作日内全额退款到原卡，并发邮件确认，订单号一一四。",
}


def open_log(page, server, lang):
    page.goto(f"{server}{PREFIX[lang]}case-log/")
    expect(page.locator("[data-case-log].case-log--ready")).to_have_count(1)


def stored_keys(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage)")


def add_every_contact(page):
    add = page.locator("[data-case-log-add]")
    while add.is_enabled():
        before = page.locator("[data-case-log-contact]:visible").count()
        add.click()
        expect(page.locator("[data-case-log-contact]:visible")).to_have_count(before + 1)
    assert page.locator("[data-case-log-contact]:visible").count() == 8


def fill_everything(page, lang) -> dict[str, str]:
    """Every field of every row, to its maxlength: the longest sheet a reader can type."""
    values = {}
    for field in page.locator(FIELDS).all():
        kind = field.get_attribute("type")
        if kind == "date":
            value = "2026-11-20"
        elif kind == "datetime-local":
            value = "2026-11-20T15:05"
        else:
            size = int(field.get_attribute("maxlength"))
            value = (SAMPLE[lang] * 20)[:size]
        field.fill(value)
        values[field.get_attribute("id")] = value
    return values


def pdf_pages(page, size: str) -> int:
    return len(PdfReader(io.BytesIO(page.pdf(format=size))).pages)


# --- print --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_full_case_log_prints_on_one_a4_and_one_letter_page(server, context, page, output_dir, lang):
    open_log(page, server, lang)
    add_every_contact(page)
    values = fill_everything(page, lang)
    page.emulate_media(media="print")
    assert pdf_pages(page, "A4") == 1, f"{lang}: the full case log spills onto a second A4 page"
    assert pdf_pages(page, "Letter") == 1, f"{lang}: the full case log spills onto a second Letter page"

    # What was typed prints in full, in the field's place; the field itself does not print.
    for field in page.locator(FIELDS).all():
        twin = field.locator("xpath=following-sibling::span[@class='case-log__value']")
        assert field.is_hidden() and twin.is_visible()
        printed = twin.inner_text()
        value = values[field.get_attribute("id")]
        if field.get_attribute("type") in ("date", "datetime-local"):
            assert "2026" in printed and "20" in printed.replace("2026", ""), printed
        else:
            assert printed == value, f"{lang}: '{value}' printed as '{printed}'"
        assert twin.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), f"{lang}: '{value}' runs out of its cell"
    assert page.locator("[data-case-log-contact]:visible").count() == 8
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-print-tools]", ".case-log__privacy"):
        assert page.locator(hidden).first.is_hidden(), f"{hidden} prints"
    assert page.locator("[data-case-log-add]").is_hidden()
    assert page.locator("#fill-in").is_hidden(), "the advice below the sheet prints"
    assert page.locator(".print-footer time").is_visible()
    assert_none(context.recorder.external)
    assert_none(context.recorder.console_errors)
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.screenshot(path=str(output_dir / f"case-log-print-full-{lang}.png"), full_page=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_empty_case_log_prints_lines_to_write_on(server, page, output_dir, lang):
    open_log(page, server, lang)
    page.emulate_media(media="print")
    assert pdf_pages(page, "A4") == 1 and pdf_pages(page, "Letter") == 1
    rows = page.locator("[data-case-log-contact]")
    assert rows.count() == 8 and all(rows.nth(n).is_visible() for n in range(8)), "every row of the sheet prints"
    twins = page.locator(".case-log__value")
    assert twins.count() == page.locator(FIELDS).count() == 5 + 8 * 7
    for n in range(twins.count()):
        line = twins.nth(n).evaluate(
            """el => {
              const box = el.getBoundingClientRect();
              const ruled = [el, el.parentElement].some(e => {
                const s = getComputedStyle(e);
                return parseFloat(s.borderBottomWidth) >= 0.5 && s.borderBottomColor === 'rgb(0, 0, 0)'
                  && s.borderBottomStyle === 'solid';
              });
              return {height: box.height, ruled};
            }"""
        )
        assert line["ruled"] and line["height"] >= 14, f"{lang}: an empty field prints no line to write on: {line}"
    page.set_viewport_size({"width": 794, "height": 1123})
    page.screenshot(path=str(output_dir / f"case-log-print-{lang}.png"), full_page=True)


def test_one_page_check_catches_a_sheet_too_long(server, page):
    open_log(page, server, "en")
    page.evaluate(
        "const l = document.querySelector('[data-case-log-contacts]');"
        "for (let i = 0; i < 8; i++) l.append(l.lastElementChild.cloneNode(true));"
    )
    page.emulate_media(media="print")
    assert pdf_pages(page, "A4") > 1


# --- typing and storage ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_stored_until_kept_and_delete_removes_it(server, context, page, lang):
    open_log(page, server, lang)
    keep = page.locator("[data-case-log-keep]")
    assert not keep.is_checked()
    for field in page.locator(FIELDS).all():  # a real field with one visible label (hidden rows aside)
        if field.is_visible():
            label = field.evaluate(
                "el => el.labels.length === 1 && el.labels[0].checkVisibility() && el.labels[0].innerText"
            )
            assert label and label.strip(), f"{lang}: #{field.get_attribute('id')} has no visible label"
    order = page.locator("#cl-order")
    order.press_sequentially("114-4567890-1234567")
    page.locator("#cl-happened").fill(SAMPLE[lang])
    page.locator("[data-case-log-add]").click()
    page.locator("#cl-2-agent").fill("Priya")
    page.locator("#cl-2-due").fill("2026-11-27")
    assert order.input_value() == "114-4567890-1234567"
    assert stored_keys(page) == [], "something was stored before the reader chose to keep it"

    page.reload()
    expect(page.locator("[data-case-log].case-log--ready")).to_have_count(1)
    assert page.locator("#cl-order").input_value() == "" and stored_keys(page) == []

    # Keep: the values are stored, and come back after a reload.
    page.locator("#cl-order").fill("114-4567890-1234567")
    page.locator("[data-case-log-add]").click()
    page.locator("#cl-2-agent").fill("Priya")
    keep.check()
    expect(page.locator("[data-case-log-status]")).not_to_be_empty()
    page.locator("#cl-2-promise").fill(SAMPLE[lang][:40])
    assert stored_keys(page) == [KEY]
    kept = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert kept["fields"]["cl-2-promise"] == SAMPLE[lang][:40] and kept["rows"] == 2
    page.reload()
    expect(page.locator("[data-case-log].case-log--ready")).to_have_count(1)
    assert keep.is_checked()
    assert page.locator("#cl-order").input_value() == "114-4567890-1234567"
    assert page.locator("#cl-2-agent").input_value() == "Priya"
    assert page.locator("#cl-2-promise").input_value() == SAMPLE[lang][:40]
    assert page.locator("[data-case-log-contact]:visible").count() == 2

    # Untick: the stored copy goes, what is on the page stays.
    keep.uncheck()
    assert stored_keys(page) == [] and page.locator("#cl-order").input_value() == "114-4567890-1234567"
    keep.check()
    assert stored_keys(page) == [KEY]

    # Delete: the fields are emptied and the key is gone, also after a reload.
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("[data-case-log-delete]").click()
    expect(page.locator("#cl-order")).to_have_value("")
    assert all(f.input_value() == "" for f in page.locator(FIELDS).all())
    assert stored_keys(page) == [] and not keep.is_checked()
    page.reload()
    expect(page.locator("[data-case-log].case-log--ready")).to_have_count(1)
    assert page.locator("#cl-order").input_value() == "" and stored_keys(page) == []
    assert_none(context.recorder.external)
    assert_none(context.recorder.console_errors)


def test_typed_text_is_never_read_as_html(server, page):
    open_log(page, server, "en")
    page.locator("#cl-item").fill("<img src=x onerror=alert(1)><b>bold</b>")
    page.locator("[data-case-log-keep]").check()
    page.reload()
    expect(page.locator("#cl-item")).to_have_value("<img src=x onerror=alert(1)><b>bold</b>")
    twin = page.locator("#cl-item + .case-log__value")
    assert twin.evaluate("el => el.children.length") == 0
    assert twin.text_content() == "<img src=x onerror=alert(1)><b>bold</b>"


# --- keyboard, phone, accessibility ------------------------------------------------------------------


def focus_path(page, limit=200) -> list[str]:
    """Press Tab from the print button until focus leaves the case log: the controls reached, in order."""
    page.locator("[data-print]").focus()
    reached: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => { const el = document.activeElement;
                 if (!el.closest('[data-case-log]')) return null;
                 return el.id || Object.keys(el.dataset)[0]; }"""
        )
        if where is None and reached:
            return reached
        if where and (not reached or reached[-1] != where):
            reached.append(where)
    raise AssertionError(f"focus never left the case log: {reached}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyboard_reaches_every_field_and_control(server, page, lang):
    open_log(page, server, lang)
    row = ["when", "channel", "agent", "case", "promise", "due", "next"]
    order = ["cl-order", "cl-ordered", "cl-item", "cl-happened", "cl-want"]
    expected = ["cl-keep", "caseLogDelete", *order, *[f"cl-1-{f}" for f in row], "caseLogAdd"]
    assert focus_path(page) == expected

    # Enter on "Add a contact" shows the next card and moves into it.
    page.locator("[data-case-log-add]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#cl-2-when")).to_be_focused()
    page.keyboard.type("x")  # a date field takes digits only: nothing is typed, nothing breaks
    assert focus_path(page)[-8:] == [*[f"cl-2-{f}" for f in row], "caseLogAdd"]

    # Space ticks "keep"; Enter on "delete" (confirmed) removes everything.
    page.locator("#cl-order").focus()
    page.keyboard.type("114-4567890-1234567")
    page.locator("[data-print]").focus()
    for _ in range(10):  # past the PDF link, the edit button and the title's permalink
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "cl-keep":
            break
    expect(page.locator("#cl-keep")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("#cl-keep")).to_be_checked()
    assert stored_keys(page) == [KEY]
    page.keyboard.press("Tab")
    page.once("dialog", lambda dialog: dialog.accept())
    page.keyboard.press("Enter")
    expect(page.locator("#cl-order")).to_have_value("")
    assert stored_keys(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_contacts_are_stacked_cards_on_a_phone(server, browser, lang):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = ctx.new_page()
        open_log(page, server, lang)
        page.locator("[data-case-log-add]").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
        for card in page.locator("[data-case-log-contact]:visible").all():
            boxes = []
            for field in card.locator("input, textarea").all():
                label = card.locator(f"label[for='{field.get_attribute('id')}']")
                assert label.is_visible(), f"{lang}: a field has no visible label"
                field_box, label_box = layout_box(field), layout_box(label)
                assert label_box["y"] + label_box["height"] <= field_box["y"] + 1, "the label is not above its field"
                assert field_box["height"] >= 40, f"{lang}: a field is too small to tap: {field_box}"
                boxes.append(field_box)
            xs = {round(b["x"]) for b in boxes}
            widths = {round(b["width"]) for b in boxes}
            assert len(xs) == 1 and len(widths) == 1, f"{lang}: a card's fields are not stacked: {boxes}"
            assert boxes[0]["x"] >= 0 and boxes[0]["x"] + boxes[0]["width"] <= 390
            assert all(a["y"] < b["y"] for a, b in zip(boxes, boxes[1:], strict=False))
    finally:
        ctx.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_axe_violation_with_every_contact_shown(server, browser, lang, scheme):
    assert AXE.exists(), "run `npm ci` first"
    # axe comes with the context (add_init_script): a script tag would be blocked by the pages'
    # Content-Security-Policy (hooks/csp.py), which stays on while axe checks them.
    ctx = browser.new_context(color_scheme=scheme)
    ctx.add_init_script(path=str(AXE))
    try:
        page = ctx.new_page()
        open_log(page, server, lang)
        add_every_contact(page)
        page.locator("#cl-order").fill("114-4567890-1234567")
        page.locator("[data-case-log-keep]").check()
        expect(page.locator("[data-case-log-status]")).not_to_be_empty()
        # Material's back-to-top button fades in when the page scrolls up: check it once settled
        page.wait_for_function(
            "() => { const t = document.querySelector('.md-top');"
            " return !t || t.hidden || getComputedStyle(t).opacity === '1'; }"
        )
        assert_none([f"{lang}/case-log [{scheme}]: {v}" for v in run_axe(page)])
    finally:
        ctx.close()
