# `make run` and `make test` set everything up on a fresh machine (a virtualenv in .venv).
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: run chat test lint catalogs bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Run the bot: on Telegram when TELEGRAM_BOT_TOKEN is set, otherwise in this terminal.
run: $(STAMP) catalogs
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then exec $(BIN)/confbot run; else exec $(BIN)/confbot chat; fi

chat: $(STAMP) catalogs
	$(BIN)/confbot chat

## Compile the gettext catalogs (locales/*/LC_MESSAGES/confbot.po -> .mo).
catalogs: $(STAMP)
	$(BIN)/pybabel compile --domain confbot --directory locales --statistics 2>&1 | grep -v '^$$' || true

## Extract new strings and merge them into every catalog (then translate the Spanish one).
extract: $(STAMP)
	$(BIN)/pybabel extract --mapping babel.cfg --no-location --sort-output \
	  --project confbot --output-file locales/confbot.pot bot
	$(BIN)/pybabel update --domain confbot --input-file locales/confbot.pot \
	  --output-dir locales --no-fuzzy-matching --ignore-obsolete

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy

## Lint, type-check and run every test (three workers on two cores: most of the suite's time is
## spent waiting on sockets and paced sends, not computing; see README "Tests"). Bytecode is
## cached even where PYTHONDONTWRITEBYTECODE is set: every worker and every bot process the tests
## start would otherwise compile the bot and rewrite the tests' asserts again.
test: lint
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -n 3 --dist worksteal

bench: $(STAMP) catalogs
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
