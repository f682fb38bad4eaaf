# Patron: `make demo` to see it work, `make test` to check it.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= sqlite:///patron.db

.PHONY: demo test lint bench fuzz clean

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
	$(BIN)/patron simulate --trigger "Israel attacks Hamas" --date 2023-10-07 --as-of 2023-10-06 --runs 5000 --db $(DB)
	@$(BIN)/patron users list --db $(DB) | grep -q '^demo-analyst\s' || $(BIN)/patron users add demo-analyst --role analyst --no-token --db $(DB)
	@token=$$($(BIN)/patron users token demo-analyst --label "make demo" --db $(DB) 2>/dev/null) && \
		echo "demo analyst token: $$token" && \
		echo "log in: open http://127.0.0.1:8000/login and paste the token (Ctrl-C stops the server)"
	$(BIN)/patron serve --host 127.0.0.1 --port 8000 --db $(DB)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

# Every reader and importer on 100,000 generated inputs each (hours on 2 cores: about
# 10 min for a CSV importer, an hour or more for GDELT, whose every input starts DuckDB;
# figures in bench/RESULTS.md). `make test` runs the same tests on 100 inputs each.
fuzz: $(VENV)/.installed-test
	$(BIN)/python -m pytest tests/readers/test_fuzz.py tests/importers/test_fuzz.py \
		--hypothesis-profile=fuzz --hypothesis-show-statistics -p no:cacheprovider

bench: $(VENV)/.installed-test
	$(BIN)/pip install -q -e ".[test,bench]"
	$(BIN)/python bench/who_backs.py
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/gdelt_import.py
	$(BIN)/python bench/starter_init.py
	$(BIN)/python bench/extract_long.py
	$(BIN)/python bench/large_text.py
	$(BIN)/python bench/simulate.py
	$(BIN)/python bench/api_load.py

clean:
	rm -rf $(VENV) patron.db patron.db-wal patron.db-shm
