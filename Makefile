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

# The tests write many small files, DuckDB checkpoints and fsyncs: on tmpfs (/dev/shm, where the
# machine has it) they spend much less CPU (docs/performance.md has the figures). The folder is
# private (0700: the test inboxes hold phone numbers) and removed afterwards.
TEST_TMP ?= $(if $(wildcard /dev/shm/.),/dev/shm/gridpay-tests-$(shell id -u),)
test: setup
	$(VENV)/bin/lint-imports --no-cache
ifneq ($(TEST_TMP),)
	rm -rf $(TEST_TMP) && mkdir -m 700 -p $(TEST_TMP)
	TMPDIR=$(TEST_TMP) $(VENV)/bin/pytest -q -n 2 --dist loadgroup --basetemp=$(TEST_TMP)/pytest; \
	  status=$$?; rm -rf $(TEST_TMP); exit $$status
else
	$(VENV)/bin/pytest -q -n 2 --dist loadgroup
endif

# SIZES=100k,200k,1M,10M make bench (10M needs ~15 min and ~5 GB of disk); BENCH_ARGS='--profile
# --outputs /tmp/before' adds a profile, and keeps (then compares) each size's CSVs. A variable, not
# $(or ...): make splits that function's arguments at the commas and ran 100k alone.
SIZES ?= 100k,200k,1M
bench: setup
	$(VENV)/bin/python -c 'import polars' 2>/dev/null || $(VENV)/bin/pip install -q -e '.[bench]'
	$(VENV)/bin/python benchmarks/run.py --sizes $(SIZES) $(BENCH_ARGS)

clean:
	rm -rf demo out warehouse .pytest_cache
