# Two commands for a fresh machine: `make run` (install, migrate, seed, serve on :5000) and `make test`.
VENV ?= .venv
PYTHON ?= python3
FLASK := FLASK_APP=wsgi $(VENV)/bin/flask
PYTEST := $(VENV)/bin/python -m pytest -q -p no:cacheprovider

.PHONY: run setup install translations chromium test lint test-sqlite test-postgres bench

# The development server, with the search follower beside it (stopped with it).
run: setup
	$(FLASK) search follow >/dev/null & follower=$$!; trap 'kill $$follower' EXIT INT TERM; \
	  $(FLASK) run --host 127.0.0.1 --port 5000

setup: install
	$(FLASK) db upgrade
	$(FLASK) seed --demo
	$(FLASK) search reindex

install: $(VENV)/.installed

# What the app needs to run (requirements.txt) and what only the tests use (requirements-test.txt).
$(VENV)/.installed: requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements.txt -r requirements-test.txt
	touch $@

# After editing a .po file: the compiled .mo beside it is committed (tests/test_catalogues.py checks).
translations: $(VENV)/.installed
	$(VENV)/bin/pybabel -q compile -d directory/translations

# Browser tests drive Debian's chromium (with a Thai font for readable screenshots); Playwright
# never downloads a browser of its own.
chromium:
	@command -v chromium >/dev/null && [ -d /usr/share/fonts/truetype/tlwg ] || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-thai-tlwg; }

test: install chromium lint test-sqlite test-postgres

# Style and import order as pyproject.toml sets them; a second, not a minute.
lint:
	$(VENV)/bin/ruff check .

# TEST_DATABASE_URL is unset here, or the "SQLite" run would go to the PostgreSQL server it names.
test-sqlite:
	@echo "== on SQLite"
	env -u TEST_DATABASE_URL $(PYTEST) tests

# Runs again on PostgreSQL when TEST_DATABASE_URL names a server (each run makes its own database).
# The browser tests (the page in chromium, the same on either database) run once, on SQLite, to keep CI
# under its 30 minutes; every database behaviour they rely on has its own test in both runs.
test-postgres:
	@if [ -n "$$TEST_DATABASE_URL" ]; then echo "== again on PostgreSQL"; $(PYTEST) -m "not browser" tests; fi

bench: install
	$(VENV)/bin/python bench/import_bench.py
