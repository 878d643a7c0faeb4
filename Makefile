VENV := .venv
PY := $(VENV)/bin/python

.PHONY: setup test check lint site docs clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,site]'
	touch $@

setup: $(VENV)/.installed

lint: setup
	$(VENV)/bin/ruff check build_dossier tests
	$(VENV)/bin/mypy

test: setup lint
	$(PY) -m pytest -q

check: setup
	$(PY) -m build_dossier check

site: setup
	$(PY) -m build_dossier build

docs: setup
	$(PY) -m build_dossier build --no-site

clean:
	rm -rf $(VENV) site
