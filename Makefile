# Entry points: `make demo`, `make test` and `make bench`. Each builds .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MOCK_STAMP := $(VENV)/.mock-installed
DEV_STAMP := $(VENV)/.dev-installed
BENCH_STAMP := $(VENV)/.bench-installed

.PHONY: demo test lint typecheck docs unit bench clean

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

$(BENCH_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[bench]'
	touch $@ $(DEV_STAMP) $(MOCK_STAMP)

# Not part of `test`: minutes of load. Rewrites the table in docs/performance.md.
bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# The suite again on the oldest httpx that pyproject.toml allows (field case B08).
OLDEST_VENV := .venv-oldest
OLDEST_HTTPX := httpx==0.25.2

$(OLDEST_VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(OLDEST_VENV)
	$(OLDEST_VENV)/bin/python -m pip install -q --upgrade pip
	$(OLDEST_VENV)/bin/python -m pip install -q -e '.[mock,dev]' '$(OLDEST_HTTPX)'
	touch $@

test-oldest: $(OLDEST_VENV)/.installed
	$(OLDEST_VENV)/bin/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) $(OLDEST_VENV) .site .mypy_cache .pytest_cache .ruff_cache
