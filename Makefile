# Two commands matter: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench screenshot sysdeps sysdeps-run clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

sysdeps:
	bash packaging/linux/system-deps.sh test

sysdeps-run:
	bash packaging/linux/system-deps.sh run

run: sysdeps-run $(STAMP)
	$(BIN)/planner $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check planner ui tests
	$(BIN)/ruff format --check planner ui tests
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format planner ui tests
	$(BIN)/ruff check --fix planner ui tests

test: sysdeps $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

bench: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run_benchmarks

screenshot: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.screenshots

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
