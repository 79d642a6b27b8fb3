"""The wrong and stale claims found by the December 2026 fact-check stay out of every language,
and the corrections stay in (../shared/FACTS.md, "Audit of December 2026")."""

import re

import pytest

import facts as F
from support import LANGUAGES, ROOT, assert_none

DOCS = ROOT / "docs"


def pages(lang: str):
    for path in sorted((DOCS / lang).rglob("*.md")):
        yield path.relative_to(DOCS).as_posix(), path.read_text(encoding="utf-8")


def text_of(lang: str, rel: str) -> str:
    return (DOCS / lang / rel).read_text(encoding="utf-8")


# Wrong forms, per language: each pattern names a claim the audit found wrong or stale.
WRONG = {
    "en": {
        "a dispute letter must reach the issuer, not just be sent": r"\bsend\w*\b[^.\n]{0,80}\{period:us-card-dispute-window",
        "third-party sellers follow Amazon's return policy": r"\bown return polic",
        "unsourced 33% figure": r"33\s?%",
        "A-to-z covers items sold AND fulfilled by third-party sellers": r"protection for items you buy from third-party sellers",
    },
    "ru": {
        "a dispute letter must reach the issuer, not just be sent": r"отправ\w*[^.\n]{0,80}\{period:us-card-dispute-window",
        "third-party sellers follow Amazon's return policy": r"(собственн|сво)\w* правил\w* возврата",
        "unsourced 33% figure": r"33\s?%",
    },
    "zh": {
        "a dispute letter must reach the issuer, not just be sent": r"\{period:us-card-dispute-window\}\s*内\s*(寄出|发出|发送)",
        "third-party sellers follow Amazon's return policy": r"(自己|自行)\w{0,4}的?退货政策",
        "unsourced 33% figure": r"33\s?%",
    },
}


def wrong_claims(lang: str, documents) -> list[str]:
    found = []
    for rel, text in documents:
        for line_no, line in enumerate(text.split("\n"), start=1):
            for claim, pattern in WRONG[lang].items():
                if re.search(pattern, line, re.IGNORECASE):
                    found.append(f"docs/{rel}:{line_no}: {claim}: {line.strip()[:120]}")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_wrong_claim_returns(lang):
    assert_none(wrong_claims(lang, pages(lang)))


@pytest.mark.parametrize(
    "lang, line",
    [
        ("en", "Send the letter within {period:us-card-dispute-window} of the statement."),
        ("en", "Third-party sellers may set their own return policy."),
        ("ru", "Отправьте письмо в течение {period:us-card-dispute-window:gen}."),
        ("ru", "У продавцов свои правила возврата."),
        ("zh", "请在 {period:us-card-dispute-window}内寄出信件。"),
        ("zh", "请在 {period:us-card-dispute-window}内发出"),
        ("zh", "第三方卖家可以自行制定退货政策。"),
        ("en", "Amazon reported a 33% rise."),
    ],
)
def test_wrong_claims_are_caught(lang, line):
    assert wrong_claims(lang, [(f"{lang}/x.md", f"# X\n\n{line}\n")])


# Corrections that must stay, per page: (page, what it says, a pattern per language).
DISPUTE_PAGES = [
    "escalation/escalation-path.md",
    "escalation/chargeback.md",
    "resolved.md",
    "problems/missing-parcel.md",
    "problems/returns-and-refunds.md",
    "problems/unrecognised-charge.md",
]
KEPT = [
    *[
        (
            page,
            "the bank's deadline can pass while A-to-z is pending",
            {lang: r"\{period:us-card-dispute-window" for lang in LANGUAGES},
        )
        for page in DISPUTE_PAGES
    ],
    (
        "escalation/a-to-z-guarantee.md",
        "Prime-delivered marketplace orders go to customer service",
        {lang: r"Prime" for lang in LANGUAGES},
    ),
    (
        "checklists/seller.md",
        "sellers answer within 24 hours, weekends included",
        {lang: r"\{period:seller-reply-duty" for lang in LANGUAGES},
    ),
    (
        "safety/spot-a-scam.md",
        "the delivery-code exception",
        {"en": r"driver", "ru": r"курьер|водител", "zh": r"司机|快递员|配送员|送货员"},
    ),
    (
        "problems/wrong-order-details.md",
        "refusing delivery can cost A-to-z protection",
        {"en": r"refus", "ru": r"отказ", "zh": r"拒收"},
    ),
    (
        "problems/returns-and-refunds.md",
        "tracked shipping for returns to third-party sellers",
        {"en": r"track", "ru": r"отслежива|трек", "zh": r"跟踪|追踪|单号"},
    ),
]


@pytest.mark.parametrize("page, what, patterns", KEPT, ids=[f"{p}: {w}" for p, w, _ in KEPT])
def test_corrections_stay(page, what, patterns):
    missing = [
        f"docs/{lang}/{page}: {what}" for lang in LANGUAGES if not re.search(patterns[lang], text_of(lang, page))
    ]
    assert_none(missing)


def test_registry_holds_the_corrected_ftc_address_and_no_unsourced_entry():
    facts = F.load_registry()
    assert facts["ftc-credit-card-disputes"]["value"].endswith("/using-credit-cards-and-disputing-charges")
    assert not {"cs-reply", "amazonhelp"} & set(facts)
    assert facts["us-card-dispute-window"]["value"] == 60 and "reaches" in facts["us-card-dispute-window"]["evidence"]
