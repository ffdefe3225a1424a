# The two commands a newcomer needs: `make demo` and `make test` (both install what they need).
VENV ?= .venv
PYTHON ?= python3
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/install-system-deps.sh
	bash scripts/install-system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $(STAMP)

demo: setup
	$(VENV)/bin/gridpay demo

test: setup
	$(VENV)/bin/pytest -q -n 2 --dist loadgroup

# SIZES=100k,200k,1M,10M make bench (10M needs ~15 min and ~5 GB of disk). A variable, not
# $(or ...): make splits that function's arguments at the commas and ran 100k alone.
SIZES ?= 100k,200k,1M
bench: setup
	$(VENV)/bin/python benchmarks/run.py --sizes $(SIZES)

clean:
	rm -rf demo out warehouse .pytest_cache
