"""Unusable input gives exit 2 and one clear line naming the file and the column or row."""
import csv

from conftest import SURVEY_HEADER, HAND_SURVEYS, write_csv


def test_missing_survey_column_exits_2_naming_file_and_column(run_cli, make_inbox):
    inbox = make_inbox()
    header = [c for c in SURVEY_HEADER if c != "household_id"]
    rows = [[v for c, v in zip(SURVEY_HEADER, r) if c != "household_id"] for r in HAND_SURVEYS]
    write_csv(inbox / "surveys" / "2026-09.csv", header, rows)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 2
    assert err.strip().splitlines()[-1].startswith(
        "gridpay: surveys/2026-09.csv, column 'household_id': required column is missing")


def test_broken_reference_row_exits_2_naming_row_and_column(run_cli, make_inbox):
    inbox = make_inbox()
    with (inbox / "workers.csv").open("a", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerow(["W5", "赵敏", "", "lots"])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 2
    assert "workers.csv, row 6, column 'perf_pay_target': perf_pay_target 'lots' is not an amount" in err


def test_unknown_month_format_is_a_usage_error(run_cli, make_inbox):
    import pytest
    with pytest.raises(SystemExit) as exit_info:
        run_cli("run", "--month", "2026-9", inbox=make_inbox())
    assert exit_info.value.code == 2


def test_missing_policy_file_exits_2(run_cli, make_inbox, tmp_path):
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox(), policy=tmp_path / "nope.toml")
    assert code == 2 and "policy file not found" in err
