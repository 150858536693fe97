# careforce: `make demo` runs the main job on bundled demo data; `make test` runs every check.
PYTHON ?= python3
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv
UV := .tools/bin/uv
UV_VERSION := 0.13.8
VENV := .venv/.synced
DEMO_OUT ?= demo-output

.PHONY: setup demo test lint typecheck contracts unit integration e2e benchmarks clean

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV): $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	@touch $(VENV)

setup: $(VENV)

demo: setup
	.venv/bin/careforce demo run --out $(DEMO_OUT)

lint: setup
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/ruff format --check src tests benchmarks

typecheck: setup
	.venv/bin/mypy

contracts: setup
	.venv/bin/lint-imports

test: lint typecheck contracts
	.venv/bin/pytest -q

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

clean:
	rm -rf .venv .tools $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis
