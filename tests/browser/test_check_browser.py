"""In Chromium, in every language: "Is this really Amazon?" (/check/) gives the right verdict for
real scam patterns — fake numbers, look-alike domains in many disguises, handles, e-mail
addresses — and for hostile input, and nothing the reader types leaves the page.

Each case is checked through the page's own contract: the form is submitted (or ?q= is given),
and the test waits for the result element whose data-query is exactly that input, so no case
can pass on the previous case's result."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from publicsuffixlist import PublicSuffixList

import facts as F
from support import LANGUAGES, PREFIX, assert_none
from tools import load_domains

REGISTRY = F.load_registry()
CONTACTS = {i: f for i, f in REGISTRY.items() if f["kind"] != "period"}


def registry_cases() -> list[tuple[str, str]]:
    """Every contact of the registry, as written there and as readers paste it."""
    cases = []
    for fact in CONTACTS.values():
        value = fact["value"]
        if fact["kind"] == "phone":
            cases += [(value, "official"), (str(fact["display"]), "official")]
            if value.startswith("+1") and len(value) == 12:
                digits = value[2:]
                cases += [
                    (f"+1 ({digits[:3]}) {digits[3:6]}-{digits[6:]}", "official"),
                    (f"{digits[:3]}.{digits[3:6]}.{digits[6:]}", "official"),
                    (f"tel:{value}", "official"),
                ]
        elif fact["kind"] == "email":
            cases += [(value, "official"), (value.upper(), "official")]
        elif fact["kind"] == "url":
            cases += [(value, "official"), (value.removeprefix("https://"), "official")]
    return cases


# Real scam patterns (numbers and names are invented; example.* and 555 numbers are reserved).
SCAM_CASES = [
    # Amazon's own domains, but not registry facts: real, yet a link proves nothing
    ("https://www.amazon.co.uk/gp/css/order-history?ref_=nav_orders", "amazon"),
    ("auto-confirm@amazon.com", "amazon"),
    ("Amazon.com <shipment-tracking@amazon.com>", "amazon"),
    ("amazon.co.jp", "amazon"),
    ("https://sellercentral.amazon.com/messaging/inbox", "amazon"),
    # look-alike domains in several forms
    ("amazon.co.uk.secure-login.example.net", "lookalike"),
    ("https://www.amazon.com-account-verify.example/signin?ref=prime", "lookalike"),
    ("amazon-refunds.example", "lookalike"),
    ("xn--mazon-3ve.com", "lookalike"),  # punycode for Cyrillic "а" + "mazon.com"
    ("\u0430mazon.com", "lookalike"),  # Cyrillic а
    ("AMAZ\u041eN.COM", "lookalike"),  # Cyrillic О in capitals
    ("amaz0n.com", "lookalike"),  # digit zero
    ("arnazon.com", "lookalike"),  # "rn" for "m"
    ("amazn-support.example", "lookalike"),  # one letter missing
    ("https://www.amazon.com@evil.example/login", "lookalike"),  # user-info trick
    ("hxxps://amazon-prime-renewal[.]example/pay", "lookalike"),  # "defanged" as in warnings
    ("https://amazon-help.blogspot.com/", "lookalike"),  # a free site under a public suffix
    ("https://\u200bamazon-gift.example/claim", "lookalike"),  # zero-width space in front
    # e-mail addresses
    ("Amazon Support <help@amazon-support.example>", "lookalike"),
    ("amazon.refunds@gmail.com", "lookalike"),
    ("support@amaz0n-billing.example", "lookalike"),
    ("billing@payments-center.example", "unknown"),
    # handles
    ("@Amaz0nHelp", "lookalike"),
    ("@\u0410mazonHelp", "lookalike"),  # Cyrillic А
    ("@ShopHelpDesk247", "unknown"),
    ("@AmazonHelp", "unknown"),  # no Amazon-owned page we store names it: not confirmed
    ("https://x.com/Amaz0n_Support", "lookalike"),
    # numbers nobody at Amazon publishes
    ("1-800-555-0199", "unknown"),
    ("+1 (206) 555-0100", "unknown"),
    ("+44 20 7946 0000", "unknown"),
    ("1-800-AMAZON1", "unknown"),  # letters on a keypad
    ("https://wa.me/447700900000", "unknown"),  # a WhatsApp "support" link
    ("192.168.10.20", "unknown"),
    ("amazon.com.co", "unknown"),  # carries the name, not on Amazon's list: not confirmed
    # nothing to check, hostile input
    ("hello world", "invalid"),
    ("12", "invalid"),
    ("<script>window.__pwned = 1</script>", "invalid"),
    ('<img src=x onerror="window.__pwned = 1">', "invalid"),
    ("javascript:window.__pwned=1", "invalid"),
    ("x" * 5000, "invalid"),
]


def open_checker(context, server, lang, query=None):
    page = context.recorder.watch(context.new_page())
    page.on(
        "dialog", lambda dialog: (context.recorder.console_errors.append(f"dialog: {dialog.message}"), dialog.dismiss())
    )
    url = f"{server}{PREFIX[lang]}check/" + (f"?q={quote(query)}" if query is not None else "")
    page.goto(url)
    return page


def submit(page, value):
    page.fill("[data-check-input]", value)
    page.press("[data-check-input]", "Enter")
    return result_for(page, value)


def result_for(page, value):
    """The result element for exactly this input (never an earlier one)."""
    locator = page.locator("[data-check-output] [data-verdict]")
    try:
        page.wait_for_function(
            "v => { const r = document.querySelector('[data-check-output] [data-verdict]'); return r && r.dataset.query === v; }",
            arg=value,
            timeout=10_000,
        )
    except Exception as exc:
        raise AssertionError(
            f"no result for {value[:80]!r}: {page.locator('[data-check-output]').inner_text()[:300]!r}"
        ) from exc
    return locator


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_verdict_in_every_language(context, server, lang):
    page = open_checker(context, server, lang)
    problems = []
    for value, expected in registry_cases() + SCAM_CASES:
        result = submit(page, value)
        verdict = result.get_attribute("data-verdict")
        if verdict != expected:
            problems.append(f"{lang}: {value[:60]!r} -> {verdict}, expected {expected}: {result.inner_text()[:300]!r}")
    assert page.evaluate("window.__pwned") is None, "hostile input ran as code"
    assert page.locator("[data-check-output] img, [data-check-output] script").count() == 0
    assert_none(problems + context.recorder.console_errors + context.recorder.external)


def test_an_official_answer_says_what_the_contact_is_for_with_source_and_date(context, server):
    page = open_checker(context, server, "en")
    fact = REGISTRY["stop-spoofing"]
    text = submit(page, fact["value"]).inner_text()
    assert fact["use"]["en"] in text, text
    assert "aws.amazon.com" in text and F.local_date(fact["checked"], "en") in text, text
    link = page.locator("[data-check-output] [data-verdict] a[href]").first
    assert link.get_attribute("href") == fact["source"]


UNDECLARED_LATIN = """() => {
  const out = [], walk = document.createTreeWalker(document.querySelector('[data-check-output]'), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (/[A-Za-z]/.test(n.data) && !n.parentElement.closest('[lang^="en"], code')) out.push(n.data);
  }
  return out;
}"""


@pytest.mark.parametrize("lang", ["ru", "zh"])
def test_english_words_in_a_result_declare_their_language(context, server, lang):
    """Страница Contact Us («Связаться с нами»), 联系我们（Contact Us）页面, amazon.com: the English
    words of a Russian or Chinese result are in lang="en", so a screen reader says them with an
    English voice (WCAG 3.1.2). What the reader typed stays one text, exactly as typed."""
    page = open_checker(context, server, lang)
    fact = REGISTRY["contact-us"]
    result = submit(page, fact["value"])
    assert result.get_attribute("data-verdict") == "official"
    assert page.evaluate(UNDECLARED_LATIN) == []
    assert "Contact Us" in result.locator('.check-result__summary span[lang="en"]').all_inner_texts()
    assert result.locator("code").inner_text() == fact["value"]
    assert_none(context.recorder.console_errors)


def test_the_domain_is_found_with_the_public_suffix_list(context, server):
    """The answer names the registrable domain, as the Public Suffix List defines it (Python's
    publicsuffixlist, the same list the build ships): not the last two labels, not a substring."""
    psl = PublicSuffixList()
    hosts = [
        "amazon-help.blogspot.com",
        "secure.amazon-help.github.io",
        "www.amazon.co.uk.evil.co.uk",
        "login.amazon.com.evil.com.au",
        "amazon.uk.com",
        "a.b.amazon-refund.example.co.jp",
        "amazon.city.kawasaki.jp",
        "amazon-shop.xn--p1ai",
    ]
    page = open_checker(context, server, "en")
    problems = []
    for host in hosts:
        expected = psl.privatesuffix(host)
        expected = ".".join(
            label.encode().decode("idna") if label.startswith("xn--") else label for label in expected.split(".")
        )
        text = submit(page, host).inner_text()
        if f"domain {expected}." not in text and f"{expected} carries" not in text:
            problems.append(f"{host}: expected the domain {expected} in {text[:300]!r}")
    for domain in load_domains():
        text = submit(page, f"https://www.{domain}/").inner_text()
        if domain not in text or page.locator("[data-verdict]").get_attribute("data-verdict") != "amazon":
            problems.append(f"{domain}: not recognised as Amazon's: {text[:200]!r}")
    assert_none(problems)


def test_a_link_to_a_result_checks_on_load_and_announces_it(context, server):
    value = "amazon.co.uk.secure-login.example.net"
    page = open_checker(context, server, "en", value)
    result = result_for(page, value)
    assert result.get_attribute("data-verdict") == "lookalike"
    assert page.locator("[data-check-output]").get_attribute("aria-live") == "polite"
    assert page.input_value("[data-check-input]") == value
    # a checked input gives a link a helper can send: the address carries it
    other = "1-800-555-0199"
    submit(page, other)
    assert f"q={quote(other, safe='')}" in page.url.replace("+", "%20") or "q=1-800-555-0199" in page.url


def test_nothing_leaves_the_page_and_nothing_is_stored(context, server):
    requests = []
    page = open_checker(context, server, "en")
    page.on("request", lambda r: requests.append(r.url))
    secret = "private-test-value@amazon-support.example"
    submit(page, secret)
    submit(page, "+1 206 555 0100")
    sent = [u for u in requests if "private-test-value" in u or "555" in u]
    assert sent == [], f"the input left the page: {sent}"
    assert [u for u in requests if not u.startswith(server)] == [], requests
    storage = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""], storage
    assert context.recorder.external == []


def test_the_page_loads_no_data_until_the_first_check(context, server):
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = open_checker(context, server, "en")
    page.wait_for_load_state("load")
    assert not [u for u in requests if "check-data" in u]
    submit(page, "amazon.com")
    assert [u for u in requests if "check-data" in u]


def test_keyboard_only(context, server):
    page = open_checker(context, server, "en")
    page.focus("[data-check-input]")
    page.keyboard.type("amaz0n.com")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('type')")
    assert focused == "submit"
    page.keyboard.press("Enter")
    assert result_for(page, "amaz0n.com").get_attribute("data-verdict") == "lookalike"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_results_and_errors_pass_axe_in_both_schemes(browser, server, scheme):
    """The verdicts' colours and the deadlines' results, warning and field errors, as shown."""
    from test_accessibility import AXE, run_axe

    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(path=str(AXE))
    problems = []
    try:
        page = context.new_page()
        for lang in LANGUAGES:
            for value in ("stop-spoofing@amazon.com", "amazon.co.uk", "amaz0n.com", "1-800-555-0199", "hello world"):
                page.goto(f"{server}{PREFIX[lang]}check/?q={quote(value)}")
                result_for(page, value)
                problems += [f"{lang} {scheme} check {value}: {v}" for v in run_axe(page)]
            page.goto(f"{server}{PREFIX[lang]}deadlines/?delivered=2027-02-30&latest=2026-01-10&statement=2026-01-01")
            page.wait_for_selector("[data-deadline-warning]:not([hidden])")
            problems += [f"{lang} {scheme} deadlines: {v}" for v in run_axe(page)]
    finally:
        context.close()
    assert_none(problems)


def test_unknown_answers_say_why(context, server):
    """Amazon's name on a domain or handle no Amazon page lists, and another registry entry's
    domain, get their own words; "rn" inside a word is not a domain seen at the start."""
    page = open_checker(context, server, "en")
    generic = submit(page, "billing@payments-center.example").locator(".check-result__summary").inner_text()
    for value in ("amazon.cn", "@AmazonHelp", "https://consumer.ftc.gov/features/scam-alerts"):
        summary = submit(page, value).locator(".check-result__summary").inner_text()
        assert summary != generic and "scammer" not in summary, (value, summary)
    assert "ftc.gov" in submit(page, "https://consumer.ftc.gov/features/scam-alerts").inner_text()
    text = submit(page, "rnamazon.com").inner_text()
    assert "appears in it" not in text and "rnamazon.com is not one of Amazon's domains" in text
