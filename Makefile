# The two commands of the README: `make run` (serve the demo portal) and `make test` (the whole
# suite). Everything else they need is installed on first use and reused afterwards:
#   .venv/            Python dependencies (re-installed when pyproject.toml changes)
#   node_modules/     GOV.UK Frontend and Sass (re-installed when package*.json change)
#   themes/*/static/theme/build/   compiled theme CSS and GOV.UK assets (rebuilt when Sass changes)
# System packages (gettext, ClamAV, chromium, postgresql) are apt-get installed only when missing,
# waiting for the package manager's lock (scripts/apt-ensure.sh).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000

# Stamp files record what has been installed or built, so that make only redoes stale steps.
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
NODE_STAMP := node_modules/.installed
THEME_STAMP := themes/govuk/static/theme/build/.built
THEME_SOURCES := $(wildcard themes/*/scss/*.scss) themes/build.sh
# Directories that are not project code: kept out of makemessages and compilemessages, which
# otherwise walk the whole tree (and would recompile every catalogue inside .venv/).
I18N_IGNORE := --ignore=.venv --ignore=node_modules --ignore=var

.PHONY: help run test loadtest lint format messages compilemessages bench clean clean-db deps test-deps system-deps test-system-deps

help:
	@echo "make run        serve the demo portal on http://$(HOST):$(PORT)/ with the task worker"
	@echo "make test       the whole suite: lint, SQLite (with browser tests), PostgreSQL,"
	@echo "                reduced plugin lists, production deploy check, scale-out stack"
	@echo "make lint       ruff check and ruff format --check"
	@echo "make format     ruff format and ruff check --fix"
	@echo "make messages   update locale/cy/LC_MESSAGES/django.po from the code and templates"
	@echo "make bench      run every bench/*.py"
	@echo "make loadtest   200 simulated users against the production stack of scripts/scaleout.sh"
	@echo "make clean      remove builds and caches under var/ (keeps the database and media)"
	@echo "make clean-db   also remove the SQLite database, uploaded media and the email outbox"

# ---------------------------------------------------------------------------------------------
# Dependencies

# python3 -m venv needs Debian's python3-venv (for ensurepip); when the first try fails, install
# it (an empty path tells apt-ensure.sh to install unconditionally) and try again.
$(PY):
	@echo "==> Creating $(VENV)"
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); scripts/apt-ensure.sh "=python3-venv"; \
	  $(PYTHON) -m venv $(VENV); }
	$(PIP) install --quiet --upgrade pip

# The code runs from the checkout (pyproject.toml has packages = []), so only the pinned
# dependencies are installed; scripts/requirements.py says why not `pip install .`.
$(RUN_STAMP): pyproject.toml | $(PY)
	@echo "==> Installing Python dependencies"
	$(PY) scripts/requirements.py > $(VENV)/requirements.txt
	$(PIP) install --quiet -r $(VENV)/requirements.txt
	touch $@

# The test extra is a superset, so it also satisfies `make run`.
$(TEST_STAMP): pyproject.toml | $(PY)
	@echo "==> Installing Python dependencies with the test extra"
	$(PY) scripts/requirements.py test > $(VENV)/requirements-test.txt
	$(PIP) install --quiet -r $(VENV)/requirements-test.txt
	touch $@ $(RUN_STAMP)

$(NODE_STAMP): package.json $(wildcard package-lock.json)
	@echo "==> Installing npm dependencies"
	@command -v npm >/dev/null || { echo "Node.js and npm are needed (Node 20 or later)." >&2; exit 1; }
	if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	touch $@

$(THEME_STAMP): $(NODE_STAMP) $(THEME_SOURCES)
	@echo "==> Building themes"
	themes/build.sh
	touch $@

# compilemessages is quick and skips catalogues whose .mo is up to date, so it always runs.
compilemessages: | $(PY)
	@scripts/apt-ensure.sh /usr/bin/msgfmt=gettext
	$(PY) site/manage.py compilemessages $(I18N_IGNORE) --verbosity 0

deps: $(RUN_STAMP) $(THEME_STAMP) compilemessages
test-deps: $(TEST_STAMP) $(THEME_STAMP) compilemessages test-system-deps

# Browser tests use the system Chromium; the PostgreSQL and scale-out passes start their own
# servers (PostgreSQL; Redis for the scale-out pass).
test-system-deps:
	@scripts/apt-ensure.sh /usr/bin/chromium=chromium /usr/bin/msgfmt=gettext \
	  "/usr/lib/postgresql/*/bin/initdb=postgresql" /usr/bin/redis-server=redis-server

# ---------------------------------------------------------------------------------------------
# The two commands

run: deps
	HOST=$(HOST) PORT=$(PORT) scripts/run.sh

test: test-deps
	scripts/test.sh

# ---------------------------------------------------------------------------------------------
# Everything else

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(TEST_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Run from the repository root so that site/, plugins/ and themes/ are all scanned (the test
# and benchmark code is not product UI); every string lands in locale/ (the first of LOCALE_PATHS).
messages: $(RUN_STAMP)
	@scripts/apt-ensure.sh /usr/bin/msgfmt=gettext
	$(PY) site/manage.py makemessages -l cy $(I18N_IGNORE) --ignore=tests --ignore=bench --no-obsolete
	@echo "Updated locale/cy/LC_MESSAGES/django.po"

# PostgreSQL, Redis, S3 (moto), clamd, two web servers and two task clusters on this machine;
# LOADTEST_USERS and LOADTEST_SECONDS change the defaults (200 users, 120 seconds).
loadtest: test-deps
	scripts/scaleout.sh loadtest

bench: $(TEST_STAMP) $(THEME_STAMP) compilemessages
	@shopt -s nullglob; files=(bench/*.py); \
	if [ $${#files[@]} -eq 0 ]; then echo "No benchmarks in bench/."; exit 0; fi; \
	for f in "$${files[@]}"; do echo "==> $$f"; $(PY) "$$f"; done

clean:
	rm -rf var/cache var/static var/pg.* themes/*/static/theme/build test-results .ruff_cache
	find . -path ./.venv -prune -o -path ./node_modules -prune -o -name __pycache__ -type d -print0 \
	  | xargs -0 rm -rf
	find locale -name '*.mo' -delete

clean-db: clean
	rm -rf var/portal.sqlite3* var/media var/outbox
