# make demo: set up .venv and clean the bundled example pages into demo-output/.
# make test: set up .venv with every extra and run the whole suite (lint, types, tests).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: demo test lint browser bench clean-venv

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.base: $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.all: $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install --quiet -e ".[all]"
	touch $@ $(VENV)/.base

demo: $(VENV)/.base
	rm -rf demo-output
	$(VENV)/bin/cleanpage clean examples/pages -o demo-output --format json
	@echo "cleaned pages are in demo-output/"

lint: $(VENV)/.all
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

# Headless Chromium renders the review report in its test; best effort outside CI (the test skips without it).
browser:
	-bash scripts/ensure-chromium.sh

test: $(VENV)/.all lint browser
	$(PY) -m pytest -q

bench: $(VENV)/.all
	$(PY) benchmarks/bench_text.py
	$(PY) benchmarks/bench_html.py
	$(PY) benchmarks/bench_repair.py

clean-venv:
	rm -rf $(VENV)
