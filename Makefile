# careforce: `make demo` runs the main job on bundled demo data; `make test` runs every check.
PYTHON ?= python3
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
UV := .tools/bin/uv
UV_VERSION := 0.13.8
VENV := .venv/.synced
DEMO_OUT ?= demo-output
NPM ?= npm
NODE_MODULES := node_modules/.package-lock.json
WEB_ASSETS := src/careforce/web/assets/versions.json
WEB_FRONTEND := src/careforce/web/shared/frontend
CHROMIUM := /usr/bin/chromium

.PHONY: setup demo test lint typecheck contracts unit integration e2e benchmarks clean web web-test

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV): $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $(VENV)

# Front-end assets: GOV.UK Frontend, Vega and axe-core pinned by package-lock.json, built locally.
$(NODE_MODULES): package.json package-lock.json
	$(NPM) ci --no-audit --no-fund --ignore-scripts

$(WEB_ASSETS): $(NODE_MODULES) $(WEB_FRONTEND)/build.mjs $(WEB_FRONTEND)/careforce.scss $(WEB_FRONTEND)/_images.scss
	$(NPM) run build

# The browser tests drive Debian's Chromium (never a browser downloaded by Playwright).
$(CHROMIUM):
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium

setup: $(VENV) $(WEB_ASSETS) $(CHROMIUM)

demo: setup
	.venv/bin/careforce demo run --out $(DEMO_OUT)
	.venv/bin/careforce web serve --demo

lint: setup
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/ruff format --check src tests benchmarks

typecheck: setup
	.venv/bin/mypy

contracts: setup
	.venv/bin/lint-imports

# Every test on SQLite, then the database tests again on a PostgreSQL server the tests start.
# The PostgreSQL pass leaves out the browser sweeps marked `markup` (accessibility and layout of
# every page at each width): markup does not depend on the database engine, and every journey
# that writes to the database still runs on PostgreSQL.
PG_SELECTION := -m "not markup"
# Both passes run in two worker processes (pytest-xdist); tests run in the order pytest-django
# gives them (a test module marked with an xdist_group runs whole on one worker, so that its
# module-wide fixtures, such as a whole demo run, are built once).
TEST_WORKERS ?= 2
PARALLEL := -n $(TEST_WORKERS) --dist loadgroup
test: lint typecheck contracts
	.venv/bin/pytest -q $(PARALLEL)
	CAREFORCE_TEST_DATABASE=postgresql .venv/bin/pytest -q $(PARALLEL) $(PG_SELECTION)

unit: setup
	.venv/bin/pytest -q -m unit

integration: setup
	.venv/bin/pytest -q -m integration

e2e: setup
	.venv/bin/pytest -q -m e2e

benchmarks: setup
	.venv/bin/python benchmarks/ingest_ascwds.py
	.venv/bin/python benchmarks/projections.py
	.venv/bin/python benchmarks/demo_data.py
	.venv/bin/python benchmarks/indicators.py
	.venv/bin/python benchmarks/web_load.py
	.venv/bin/python benchmarks/labour.py
	.venv/bin/python benchmarks/appendix.py

web: setup
	.venv/bin/careforce web serve --demo

web-test: setup
	.venv/bin/pytest -q tests/integration/careforce/web tests/e2e/careforce/web
	CAREFORCE_TEST_DATABASE=postgresql .venv/bin/pytest -q $(PG_SELECTION) tests/integration/careforce/web tests/e2e/careforce/web

clean:
	rm -rf .venv .tools $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis \
		.import_linter_cache node_modules src/careforce/web/assets careforce-demo
