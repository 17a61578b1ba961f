# newsmoa: `make run` and `make test` work on a fresh machine.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPARK_STAMP := $(VENV)/.installed-spark
DB ?= newsmoa.db

.PHONY: run test bench eval lint install clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# The tests also run the Spark backfill in local mode (PySpark, ~850 MB; Java 17 on the machine).
$(SPARK_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/pip install -q -e '.[dev,spark]'
	touch $(SPARK_STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/newsmoa --db $(DB) ingest examples/wanju-2015-blog.txt
	$(BIN)/newsmoa --db $(DB) stories --articles

test: $(STAMP) $(SPARK_STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/newsmoa eval

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache

# Benchmarks (not tests): generates its corpus once into .cache/bench/, then prints its tables.
bench: $(STAMP)
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python -m bench $(BENCH_ARGS)
