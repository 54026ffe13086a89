# Two commands do everything on a fresh machine: `make extract` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: setup system-deps extract test bench lint schema score eval corpus clean

setup: system-deps $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $(STAMP)

extract: setup
	$(VENV)/bin/vanban extract samples -o outputs --jobs 2

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) benchmarks/bench_text.py
	$(PY) benchmarks/bench_correct.py
	$(PY) benchmarks/bench_scan.py

lint: setup
	$(VENV)/bin/ruff check .

schema: setup
	$(PY) -m pipeline.schema > schema/document.schema.json

score: extract
	$(PYTHON) $(SHARED)/tools/score.py outputs $(SHARED)/gold --verbose

corpus: setup
	$(PYTHON) scripts/corpus.py docs

eval: corpus
	$(PYTHON) scripts/corpus.py eval --jobs 2

clean:
	rm -rf outputs/*.json .pytest_cache
