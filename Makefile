# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck unit bench docs eval model browser postgres clean

CHROMIUM ?= /usr/bin/chromium

## The browser tests drive Debian's chromium; install it when missing (needs root, as in CI).
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "chromium is missing: run 'sudo apt-get install chromium' (Debian) and retry"; exit 1; \
	  fi; }

## The store's tests start a real PostgreSQL server; install it when missing (root, as in CI).
postgres:
	@command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	  else \
	    echo "PostgreSQL is missing: run 'sudo apt-get install postgresql' (Debian) and retry"; exit 1; \
	  fi; }

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## make run: install, then serve the web app on the bundled record (embedded, read-only).
run: $(BIN)/.installed
	$(BIN)/treatywatch serve --host 127.0.0.1 --port 8000

## make test: install with dev tools, then lint, type-check and run every test.
test: $(BIN)/.installed lint typecheck unit

lint: $(BIN)/.installed
	$(BIN)/ruff check treatywatch tests bench model
	$(BIN)/ruff format --check treatywatch tests bench model

typecheck: $(BIN)/.installed
	$(BIN)/mypy

unit: $(BIN)/.installed browser postgres
	$(BIN)/pytest -q

## make eval: score the news reader on the annotated set in tests/eval.
eval: $(BIN)/.installed
	$(BIN)/python -m treatywatch.reading.evaluate tests/eval tests/realnews --errors --sealed

## make model: train the reader's tagger and parser on UD English EWT (../shared/reference),
## reproducibly (model/config.cfg, fixed seed), into treatywatch/reading/parser/.
model: $(BIN)/.installed
	OMP_NUM_THREADS=1 $(BIN)/python model/train.py

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py
	$(BIN)/python bench/reader.py
	$(BIN)/python bench/exports.py
	$(BIN)/python bench/overlay.py
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/web.py

docs: $(BIN)/.installed
	$(BIN)/python -m treatywatch.docgen > docs/cli.md
	$(BIN)/python -m treatywatch.docgen coverage > docs/coverage.md
	$(BIN)/python -m treatywatch.docgen exports > docs/exports.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
