# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint typecheck unit bench docs eval clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## make run: install, then show the state of the Mine Ban Convention today.
run: $(BIN)/.installed
	$(BIN)/treatywatch overview apmbc

## make test: install with dev tools, then lint, type-check and run every test.
test: $(BIN)/.installed lint typecheck unit

lint: $(BIN)/.installed
	$(BIN)/ruff check treatywatch tests bench
	$(BIN)/ruff format --check treatywatch tests bench

typecheck: $(BIN)/.installed
	$(BIN)/mypy

unit: $(BIN)/.installed
	$(BIN)/pytest -q

## make eval: score the news reader on the annotated set in tests/eval.
eval: $(BIN)/.installed
	$(BIN)/python -m treatywatch.reading.evaluate tests/eval --errors

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py

docs: $(BIN)/.installed
	$(BIN)/python -m treatywatch.docgen > docs/cli.md
	$(BIN)/python -m treatywatch.docgen coverage > docs/coverage.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
