#!/usr/bin/env bash
# Build the wheel, install it (not editable) into a fresh venv, and run the demo for one month in an
# empty folder: what ships must be enough to run (package data, entry point, no repository files).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q --upgrade pip >/dev/null
"$work/venv/bin/pip" wheel -q --no-deps -w "$work/dist" "$root"
"$work/venv/bin/pip" install -q "$work"/dist/gridpay-*.whl
mkdir "$work/empty"
cd "$work/empty"
"$work/venv/bin/gridpay" --version
"$work/venv/bin/gridpay" demo --months 1
test -f demo/out/2026-10/payroll.csv && test -f demo/out/2026-10/scorecard.pdf
"$work/venv/bin/gridpay" audit --month 2026-10 --db demo/warehouse.duckdb --out demo/out
echo "CI: the wheel installs and runs the demo in an empty folder"
