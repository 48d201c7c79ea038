# Medvirk. `make run` for the demo, `make test` for the suite (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=
# The suite runs on every core, on tables made straight from the models (CI applies the
# migrations themselves on PostgreSQL, and checks that none is missing).
PYTEST_FLAGS ?= -n auto --no-migrations
HOST ?= 127.0.0.1:8000

# Old pips read PIP_CONSTRAINT for build environments too; new ones read PIP_BUILD_CONSTRAINT.
export PIP_CONSTRAINT := $(CURDIR)/constraints/build.txt
export PIP_BUILD_CONSTRAINT := $(CURDIR)/constraints/build.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test bench lint format messages install install-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml constraints/build.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints/build.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The demo: SQLite under var/, tasks run in-process, two-step login not demanded.
run: export DJANGO_DEBUG := true
run: export MEDVIRK_REQUIRE_MFA := false
run: export REDIS_URL :=
run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo "Medvirk is served at http://$(HOST)/ (log in with a demo login above)"
	$(BIN)/python manage.py runserver $(HOST)

# Without ARGS: everything but the browser tests, then the browser tests, each on every core.
# Apart because a browser test's live server shares the in-memory database with the test
# thread: a page still loading must never meet a database test on the same worker.
test: install-test
ifeq ($(strip $(ARGS)),)
	$(BIN)/python -m pytest $(PYTEST_FLAGS) -m "not e2e"
	$(BIN)/python -m pytest $(PYTEST_FLAGS) -m e2e
else
	$(BIN)/python -m pytest $(PYTEST_FLAGS) $(ARGS)
endif

bench: install-test
	@if ls benchmarks/bench_*.py >/dev/null 2>&1; then \
		for b in benchmarks/bench_*.py; do DJANGO_SETTINGS_MODULE=config.settings_test $(BIN)/python $$b || exit 1; done; \
	fi

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Needs GNU gettext; the compiled .mo files are committed so that run and test do not.
messages: install
	$(BIN)/python manage.py makemessages --no-obsolete --no-location -l nb -l nn -l en -i ".venv/*" -i "tests/*"
	$(BIN)/python manage.py compilemessages

clean:
	rm -rf $(VENV) var
