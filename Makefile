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
	$(VENV)/bin/pytest -q

# SIZES=100k,200k,1M,10M make bench (default: 100k,200k,1M; 10M needs ~15 min and ~5 GB of disk)
bench: setup
	$(VENV)/bin/python benchmarks/run.py --sizes $(or $(SIZES),100k,200k,1M)

clean:
	rm -rf demo out warehouse .pytest_cache
