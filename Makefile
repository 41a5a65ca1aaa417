# Two commands on a fresh machine with Python 3.11: `make run` (dashboard) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint analyze bench clean

# The dashboard server allocates with glibc's malloc (two arenas), not Python's own allocator: after
# heavy sessions close, the memory thread (ui/memory.py) can then hand back the pages they used;
# Python's allocator keeps an arena while one object in it lives (README, "Limits of a shared server").
SERVER_ENV := PYTHONMALLOC=malloc MALLOC_ARENA_MAX=2

run: $(VENV)/.runtime
	env $(SERVER_ENV) $(BIN)/streamlit run app.py

test: lint
	$(BIN)/python -m pytest

# ruff and mypy are configured in pyproject.toml; `make test` runs them first.
lint: $(VENV)/.dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy

analyze: $(VENV)/.runtime
	$(BIN)/python -m framing analyze data

bench: $(VENV)/.runtime
	$(BIN)/python bench/speed.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

clean:
	rm -rf $(VENV) test-output .pytest_cache .hypothesis
