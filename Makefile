# Two commands matter: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench screenshot sysdeps sysdeps-run clean soak schema-objects

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

sysdeps:
	bash packaging/linux/system-deps.sh test

sysdeps-run:
	bash packaging/linux/system-deps.sh run

# compileall: the planner starts from cached bytecode even where PYTHONDONTWRITEBYTECODE is set
# (it checks timestamps, so it costs little when nothing changed).
run: sysdeps-run $(STAMP)
	$(BIN)/python -m compileall -q planner ui resources >/dev/null
	$(BIN)/planner $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check planner ui tests
	$(BIN)/ruff format --check planner ui tests
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format planner ui tests
	$(BIN)/ruff check --fix planner ui tests

# After adding a migration: the list of what the migrations make, kept for opening plans quickly.
schema-objects: $(STAMP)
	$(BIN)/python -c "from planner.storage import schema_check; schema_check.write_schema_objects()"
	$(BIN)/ruff format planner/storage/schema_objects.py

test: sysdeps $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

# The stateful window walk at length (tests/ui/window_walk.py): SOAK_SEEDS seeds of SOAK_STEPS
# steps each. `make test` walks a few short seeds; this walks thousands of steps.
SOAK_SEEDS ?= 20
SOAK_STEPS ?= 300
soak: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.ui.window_walk --seeds $(SOAK_SEEDS) --steps $(SOAK_STEPS)

bench: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.run_benchmarks
	$(BIN)/python -m tests.benchmarks.readme_tables

screenshot: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.blue_sheet_screenshot
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.forecast_screenshot
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.laptop_screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.hostile_screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.people_screenshot
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.search_screenshot
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.agenda_screenshot

# The demo plan's review pack in every format (build/sample-pack/), and the README's pictures of
# its pages (resources/screenshots/pack-*.png, rendered by pdftoppm from the PDF).
.PHONY: sample-pack
sample-pack: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.sample_pack

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache

# The standalone Linux program (PyInstaller, one folder) and its tarball: packaging/README.md.
.PHONY: package package-test install-desktop uninstall-desktop icons sysdeps-package
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' planner/__init__.py)
TARBALL = dist/opportunity-planner-$(VERSION)-linux-$(shell uname -m).tar.gz

sysdeps-package:
	bash packaging/linux/system-deps.sh package

package: sysdeps-package $(STAMP)
	$(BIN)/python -c 'import PyInstaller' 2>/dev/null || $(BIN)/pip install --quiet 'pyinstaller>=6,<7'
	bash packaging/linux/build.sh $(BIN)/python

# Slow (starts the built program several times), so not part of `make test`.
package-test:
	test -f $(TARBALL) || $(MAKE) package
	bash packaging/linux/smoke_test.sh $(TARBALL)

install-desktop:
	test -x build/stage/opportunity-planner-$(VERSION)/install.sh || $(MAKE) package
	bash build/stage/opportunity-planner-$(VERSION)/install.sh

uninstall-desktop:
	bash packaging/linux/install.sh --uninstall

# Re-render the PNG, ICO and ICNS icons after editing resources/icons/opportunity-planner.svg.
icons: $(STAMP)
	$(BIN)/python packaging/render_icons.py
