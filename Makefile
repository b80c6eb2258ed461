# policykg — everything a fresh machine needs goes through this file.
#   make demo   install, ingest the bundled sample corpus, serve on http://127.0.0.1:8000
#   make test   install what the tests need (Python packages, Chromium, CJK fonts), run them

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= ./data/store
HOST   ?= 127.0.0.1
PORT   ?= 8000
PYTEST_ARGS ?=

.PHONY: demo install test-deps system-deps test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/policykg ingest corpus --store $(STORE)
	@echo "policykg is serving on http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	$(BIN)/policykg serve --store $(STORE) --host $(HOST) --port $(PORT)

# Debian's Chromium drives the browser tests (never a downloaded browser); CJK fonts make
# Chinese text visible in screenshots.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto sans cjk"; then \
	  if [ "$$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

test-deps: install system-deps

test: test-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/extract.py

clean:
	rm -rf $(VENV) data build *.egg-info .pytest_cache test-artifacts
