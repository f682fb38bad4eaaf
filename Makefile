# Patron: `make demo` to see it work, `make test` to check it.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= sqlite:///patron.db

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/patron init --db $(DB)
	$(BIN)/patron ingest examples/documents --db $(DB)
	$(BIN)/patron who-backs Hamas --db $(DB)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

bench: $(VENV)/.installed-test
	$(BIN)/pip install -q -e ".[test,bench]"
	$(BIN)/python bench/who_backs.py
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/gdelt_import.py
	$(BIN)/python bench/starter_init.py
	$(BIN)/python bench/extract_long.py

clean:
	rm -rf $(VENV) patron.db patron.db-wal patron.db-shm
