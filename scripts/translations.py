"""Translation status on the command line (a translator runs it on purpose):

    python scripts/translations.py status            # list outdated, missing and untranslated pages
    python scripts/translations.py stamp ru/faq.md   # mark a translation as up to date

The rules are in hooks/translations.py; pages are read with MkDocs' own front-matter parser.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from mkdocs_hooks import read_page  # noqa: E402
from translations import DOCS, TRANSLATIONS, all_pages, page_status, stamp  # noqa: E402


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "status":
        stale = 0
        for rel in all_pages():
            for lang in TRANSLATIONS:
                status = page_status(rel, lang, read_page)
                if status != "current":
                    stale += 1
                    print(f"{status:12} docs/{lang}/{rel}")
        print(f"{stale} translation(s) need work" if stale else "All translations are current.")
        return 0
    if len(argv) >= 2 and argv[0] == "stamp":
        for name in argv[1:]:
            targets = [DOCS / name] if (DOCS / name).exists() else [DOCS / t / name for t in TRANSLATIONS]
            for target in targets:
                if not target.exists():
                    print(f"no such page: {target.relative_to(ROOT)}", file=sys.stderr)
                    return 2
                stamp(target, read_page)
                print(f"stamped {target.relative_to(ROOT)}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
