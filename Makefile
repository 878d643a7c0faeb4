VENV := .venv
PY := $(VENV)/bin/python

.PHONY: setup test check lint site clean

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

site: setup check
	@echo "The site build is not written yet: 'check' validated sources/ only."

clean:
	rm -rf $(VENV) site
