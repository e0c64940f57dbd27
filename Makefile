# Two entry points: `make demo` and `make test`. Each builds .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MOCK_STAMP := $(VENV)/.mock-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: demo test lint typecheck docs unit clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(MOCK_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[mock]'
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[mock,dev]'
	touch $@ $(MOCK_STAMP)

demo: $(MOCK_STAMP)
	$(BIN)/python examples/versioning_walkthrough.py

lint: $(DEV_STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

docs: $(DEV_STAMP)
	$(BIN)/mkdocs build --strict --quiet --site-dir .site

unit: $(DEV_STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck docs unit

clean:
	rm -rf $(VENV) .site .mypy_cache .pytest_cache .ruff_cache
