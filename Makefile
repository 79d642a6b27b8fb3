# The README's commands. Each target is a few lines; logic lives in Python (scripts/, hooks/).
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# The engine: mkdocs, or properdocs (the maintained fork of MkDocs 1.6): make build ENGINE=properdocs
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test browser lint translations stamp new-page bench engines clean

$(STAMP): requirements.txt package.json package-lock.json
	python3 scripts/check_versions.py
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)

serve: install        ## live-reloading site at http://127.0.0.1:8000/
	SITE_URL=http://127.0.0.1:8000/ $(PY) -m $(ENGINE) serve --dev-addr 127.0.0.1:8000

build: install        ## the site in site/, as deployed
	$(PY) -m $(ENGINE) build --strict

browser: install      ## a Chromium for diagrams and browser tests (Playwright's, else the system's)
	$(PY) scripts/ensure_browser.py

test: browser         ## everything: unit, built site, browser, quality gates
	$(PY) -m pytest

lint: install         ## ruff (lint and format), English spelling, translation structure, typed periods and labels
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m codespell_lib docs/en hooks scripts tests docs/assets README.md CONTRIBUTING.md
	$(PY) scripts/translation_structure.py
	$(PY) hooks/facts.py lint
	$(PY) hooks/labels.py lint

translations: install ## list outdated, missing and untranslated pages
	$(PY) scripts/translations.py status

stamp: install        ## mark a translation as current: make stamp PAGE=ru/problems/missing-parcel.md
	$(PY) scripts/translations.py stamp $(PAGE)

new-page: install     ## create a page in every language: make new-page PAGE=problems/late-refund
	$(PY) scripts/new_page.py $(PAGE)

bench: browser        ## build cost, page weight and Lighthouse scores -> bench/latest.md
	$(PY) scripts/bench.py

engines: browser      ## build with MkDocs and with ProperDocs; fail on any difference
	$(PY) scripts/compare_engines.py

clean:
	rm -rf site .cache .pytest_cache test-output
