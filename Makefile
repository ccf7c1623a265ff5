# exportsite: `make run` serves the demo, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
MANAGE := $(BIN)/python manage.py
LANGS := zh_Hans es fr de ar ru pt

.DEFAULT_GOAL := help
.PHONY: help run serve setup test lint format messages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"

# Installs exactly the versions pinned in requirements/*.txt (compiled from pyproject.toml).
$(VENV)/.installed-base: requirements/base.txt | $(BIN)/uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements/base.txt
	@touch $@

$(VENV)/.installed-test: requirements/test.txt | $(BIN)/uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements/test.txt
	@touch $@ $(VENV)/.installed-base

setup: $(VENV)/.installed-base ## Install, compile translations, migrate, seed the demo, create the admin
	mkdir -p var
	$(MANAGE) compile_translations
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) ensure_admin

run: setup serve ## Set everything up and serve the demo at http://127.0.0.1:8000

# The worker of the "leads" task queue sends every email the site queues (lead,
# moderation, invitation, reminder; printed to this console in dev) and stops with
# the server.
serve: ## Serve the site (and the email worker) without re-running setup
	@$(MANAGE) db_worker --backend leads --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT; \
	$(MANAGE) runserver 127.0.0.1:8000

test: $(VENV)/.installed-test ## Run the whole test suite (PostgreSQL: DATABASE_URL, or a throwaway cluster)
	$(MANAGE) compile_translations >/dev/null
	@if [ -n "$$DATABASE_URL" ]; then \
		$(BIN)/pytest $(PYTEST_ARGS); \
	else \
		scripts/throwaway-postgres $(BIN)/pytest $(PYTEST_ARGS); \
	fi

lint: $(VENV)/.installed-test ## Check code style (ruff)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test ## Fix code style (ruff)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(VENV)/.installed-base ## Regenerate locale/*.po from the code (needs gettext) and compile them
	$(MANAGE) makemessages $(addprefix -l ,$(LANGS)) --no-obsolete --ignore=.venv --ignore=var --ignore=tests
	$(MANAGE) compile_translations

clean: ## Remove the virtualenv and local data (var/)
	rm -rf $(VENV) var
