"""In Chromium, in every language and several time zones: "Your deadlines" (/deadlines/) computes
each date from the registry's periods — month ends, leap days and daylight-saving changes
included — rejects impossible and future dates by the field, and its .ics file is a valid
calendar (parsed with the `icalendar` library).

The browser's clock is fixed in every test (Playwright's clock), so no result depends on the day
the suite runs; the expected dates are computed here with Python's own date arithmetic."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import icalendar
import pytest

import facts as F
from support import LANGUAGES, PREFIX, assert_none

PERIODS = {i: f["value"] for i, f in F.load_registry().items() if f["kind"] == "period"}
RULES = {  # result id: (input field, registry period)
    "return-by": ("delivered", "return-window"),
    "a-to-z-from": ("latest", "a-to-z-after-latest"),
    "a-to-z-until": ("latest", "a-to-z-filing-limit"),
    "dispute-reach-by": ("statement", "us-card-dispute-window"),
    "appeal-by": ("decision", "a-to-z-appeal-limit"),
}
ZONES = ["Pacific/Kiritimati", "America/Los_Angeles", "Asia/Shanghai", "Europe/Moscow"]
NOW = dt.datetime(2029, 6, 15, 12, 0, tzinfo=dt.UTC)  # after every date used below

# Month ends, leap days (2028 is a leap year, 2027 is not) and daylight-saving changes
# (the US in March and November 2027, Europe in March and October 2027).
DATE_SETS = [
    {"delivered": "2027-01-31", "latest": "2028-02-26", "statement": "2027-12-31", "decision": "2028-02-29"},
    {"delivered": "2028-01-30", "latest": "2027-02-28", "statement": "2028-01-01", "decision": "2027-01-31"},
    {"delivered": "2027-03-01", "latest": "2027-10-15", "statement": "2027-03-13", "decision": "2027-10-30"},
    {"delivered": "2028-12-31", "latest": "2027-11-06", "statement": "2028-02-29", "decision": "2028-12-15"},
]


def expected(dates: dict[str, str]) -> dict[str, str]:
    out = {}
    for rule, (field, period) in RULES.items():
        if field in dates:
            out[rule] = (dt.date.fromisoformat(dates[field]) + dt.timedelta(days=PERIODS[period])).isoformat()
    return out


def open_page(browser, server, lang, zone, params, now=NOW):
    context = browser.new_context(
        timezone_id=zone, locale={"en": "en-US", "ru": "ru-RU", "zh": "zh-CN"}[lang], accept_downloads=True
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.clock.set_fixed_time(now)
    page.goto(f"{server}{PREFIX[lang]}deadlines/?{urlencode(params)}")
    page.wait_for_selector("[data-deadlines][data-state=done]", state="attached")
    return context, page, errors


def shown(page) -> dict[str, str]:
    """The results on screen: {id: datetime} for every visible result."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('[data-deadline]')]
            .filter(el => !el.hidden)
            .map(el => [el.dataset.deadline, el.querySelector('time').getAttribute('datetime')]))"""
    )


def errors_shown(page) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('[data-error-for]')]
            .filter(el => !el.hidden).map(el => [el.dataset.errorFor, el.textContent]))"""
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_deadline_across_time_zones(browser, server, lang):
    problems = []
    for zone in ZONES:
        for dates in DATE_SETS:
            context, page, errors = open_page(browser, server, lang, zone, dates)
            got, want = shown(page), expected(dates)
            if got != want:
                problems.append(f"{lang} {zone} {dates}: got {got}, expected {want}")
            texts = page.locator("[data-deadline]:not([hidden]) .deadline__date time").all_inner_texts()
            if any(not t.strip() for t in texts):
                problems.append(f"{lang} {zone}: a date without its text")
            problems += errors
            context.close()
    assert_none(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dates_show_in_the_readers_language(browser, server, lang):
    context, page, _ = open_page(browser, server, lang, "Europe/Moscow", {"delivered": "2028-01-30"})
    text = page.locator('[data-deadline="return-by"] .deadline__date time').inner_text()
    context.close()
    want = {"en": "February 29, 2028", "ru": "29 февраля 2028", "zh": "2028年2月29日"}[lang]
    assert want in text, text


def test_today_is_the_readers_own_date(browser, server):
    """At 02:00 UTC on 1 January 2027 it is still 31 December in Los Angeles and already the
    afternoon of 1 January on Kiritimati: a statement dated 1 January is in the future only in
    Los Angeles."""
    moment = dt.datetime(2027, 1, 1, 2, 0, tzinfo=dt.UTC)
    params = {"statement": "2027-01-01"}
    context, page, _ = open_page(browser, server, "en", "America/Los_Angeles", params, now=moment)
    assert "statement" in errors_shown(page) and "dispute-reach-by" not in shown(page)
    context.close()
    context, page, _ = open_page(browser, server, "en", "Pacific/Kiritimati", params, now=moment)
    assert errors_shown(page) == {} and shown(page) == {"dispute-reach-by": "2027-03-02"}
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bad_input_gets_a_message_by_its_field_and_no_result(browser, server, lang):
    params = {"delivered": "2027-02-29", "latest": "soon", "statement": "2031-01-01", "decision": "2028-02-29"}
    context, page, errors = open_page(browser, server, lang, "Asia/Shanghai", params)
    messages = errors_shown(page)
    assert set(messages) == {"delivered", "latest", "statement"}, messages
    assert messages["delivered"] == messages["latest"] != messages["statement"]
    assert shown(page) == {"appeal-by": "2028-03-30"}
    for field in messages:
        box = page.locator(f'[name="{field}"]')
        assert box.get_attribute("aria-invalid") == "true"
        assert page.locator(f'[data-error-for="{field}"]').get_attribute("id") in box.get_attribute("aria-describedby")
    assert errors == []
    context.close()


def test_the_bank_warning_shows_only_when_the_bank_deadline_comes_first(browser, server):
    context, page, _ = open_page(
        browser, server, "en", "Europe/Moscow", {"latest": "2028-01-10", "statement": "2028-01-01"}
    )
    assert page.locator("[data-deadline-warning]").is_visible()
    page.fill('[name="statement"]', "2028-03-01")  # the bank's date is now after A-to-z closes
    page.wait_for_function(
        "() => document.querySelector('[data-deadline=\"dispute-reach-by\"] time').getAttribute('datetime') === '2028-04-30'"
    )
    assert not page.locator("[data-deadline-warning]").is_visible()
    context.close()


def test_typing_a_date_updates_the_results_and_the_address(browser, server):
    context, page, _ = open_page(browser, server, "en", "America/Los_Angeles", {})
    assert shown(page) == {} and page.locator("[data-deadlines-none]").is_visible()
    assert not page.locator("[data-deadlines-ics]").is_visible()
    page.fill('[name="delivered"]', "2027-01-31")
    page.wait_for_function("() => !document.querySelector('[data-deadline=\"return-by\"]').hidden")
    assert shown(page) == {"return-by": "2027-03-02"}
    assert "delivered=2027-01-31" in page.url
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calendar_file(browser, server, lang, tmp_path):
    dates = DATE_SETS[0]
    context, page, _ = open_page(browser, server, lang, "America/Los_Angeles", dates)
    titles = dict(
        page.evaluate(
            """() => [...document.querySelectorAll('[data-deadline]')].filter(el => !el.hidden)
                .map(el => [el.dataset.deadline, el.querySelector('.deadline__title').textContent.trim()])"""
        )
    )
    with page.expect_download() as download:
        page.click("[data-deadlines-ics]")
    path = tmp_path / "deadlines.ics"
    download.value.save_as(path)
    context.close()
    raw = path.read_bytes()
    assert download.value.suggested_filename.endswith(".ics")
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines), "a line is not folded at 75 octets"
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    want = expected(dates)
    got = {}
    for event in events:
        start = event.decoded("DTSTART")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime), "not an all-day event"
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        summary = str(event["SUMMARY"])
        rule = next(r for r, t in titles.items() if t == summary)
        got[rule] = start.isoformat()
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        trigger = alarms[0].decoded("TRIGGER")
        assert trigger == (dt.timedelta(hours=9) if rule == "a-to-z-from" else -dt.timedelta(days=3)), (rule, trigger)
        assert str(event["DESCRIPTION"]).strip() and str(event["UID"]).strip()
    assert got == want
