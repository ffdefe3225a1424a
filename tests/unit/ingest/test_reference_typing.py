"""The reference files as HR keeps them in Excel (a nineteenth field trial): amounts typed with a sign,
thousands separators or 元, and a workers file saved as .xlsx beside the CSV gridpay reads."""
import pandas as pd
import pytest

from conftest import write_csv
from gridpay.core.errors import InputError
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.staging import input_files, stage_inputs
from gridpay.transforms.parsing import normalized_amount


def test_amounts_as_typed_in_excel_are_plain_and_anything_else_is_left_to_validation():
    assert [normalized_amount(v) for v in ("+200", "＋200", "1,800.00", "1800元", "１６００", "-150.5", "200", "￥1,550.00",
                                           "-¥200", "\u221230")] == ["200", "200", "1800.00", "1800", "1600", "-150.5",
                                                                   "200", "1550.00", "-200", "-30"]
    assert [normalized_amount(v) for v in ("(150.00)", "1,80", "+-5", "1800.555", None)] == [
        "(150.00)", "1,80", "+-5", "1800.555", None]
    # trial 138: digits apart are two numbers ('100 50' was paid as 10050.00); ￥-50 is Excel's negative currency
    assert [normalized_amount(v) for v in ("100 50", "1600 1800", "1 600", "¥ 1600", "1600 元", "￥-50")] == [
        "100 50", "1600 1800", "1 600", "1600", "1600", "-50"]


def test_a_bonus_typed_with_a_plus_sign_is_staged_as_its_amount(make_inbox, tmp_path):
    inbox = make_inbox({})
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W1", "2026-09", "＋200", "协助防汛加班", "人事科 陈主任")])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    assert pd.read_parquet(tmp_path / "work" / "adjustments.parquet")["amount"].tolist() == ["200"]


def test_a_grids_households_as_excel_saves_a_number_is_whole(make_inbox, tmp_path):
    """A twenty-second trial's households 180.0 (Excel) and ２２０ (full-width) stopped the run."""
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网格", "社区", "180.0"), ("G2", "井湖村二网格", "社区", "２２０")])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    assert pd.read_parquet(tmp_path / "work" / "grids.parquet")["households"].tolist() == ["180", "220"]


def test_a_reference_file_saved_as_xlsx_is_named_beside_the_missing_csv(make_inbox):
    inbox = make_inbox({})
    (inbox / "workers.csv").rename(inbox / "workers.xlsx")
    with pytest.raises(InputError) as raised:
        input_files(inbox, "2026-09")
    said = str(raised.value)
    assert ("workers.xlsx is there: reference files are read as CSV: save yours as workers.csv, in WPS 文件 > 另存为 > "
            "CSV (逗号分隔), in Excel 另存为 > CSV UTF-8") in said
    # trial 189: HR's 网格表.et (WPS's own format) beside the missing grids.csv was not named
    (inbox / "workers.xlsx").rename(inbox / "workers.csv")
    (inbox / "grids.csv").rename(inbox / "网格表.et")
    with pytest.raises(InputError, match=r"grids.csv.*网格表.et is there: reference files are read as CSV: save yours "
                                         r"as grids.csv"):
        input_files(inbox, "2026-09")


def test_a_row_split_by_a_comma_and_garbled_headers_say_what_happened(tmp_path):
    """A twenty-second trial: a target typed ￥1,550.00 outside quotes read 'Error tokenizing data. C error:
    Expected 4 fields in line 7, saw 5'; a GBK file saved again as UTF-8 was told to rename a header."""
    from gridpay.ingest.formats import read_table
    path = tmp_path / "workers.csv"
    path.write_text("worker_id,name,phone,perf_pay_target\nW1,王伟,13800000001,1800.00\nW2,李娜,13800000002,"
                    "￥1,550.00\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^workers.csv: line 3 has 5 cells where the header has 4: a cell holding a "
                                         r"comma \(an amount typed 1,550.00"):
        read_table(path, "workers", {})
    # the first row so split: pandas took its first cell as an index, silently (a sixty-eighth trial's 1,200)
    path.write_text("worker_id,month,amount,reason,approved_by\nW1,2026-10,1,200,补发,人事科\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"^workers.csv: line 2 has 6 cells where the header has 5: a cell holding"):
        read_table(path, "adjustments", {})
    path.write_bytes("工号,姓名,手机号,绩效基数\nW1,王伟,13800000001,1800.00\n".encode("gbk").decode(
        "utf-8", errors="replace").encode("utf-8"))
    with pytest.raises(InputError, match="its headers read as garbled text: the file was saved in one encoding"):
        read_table(path, "workers", {})


def test_a_month_excel_kept_as_a_number_that_reads_two_ways_is_refused_naming_it(run_cli, make_inbox):
    """Trial 139: 2026.10, typed in WPS, kept as the number 2026.1, was read as January: W02's October bonus went
    unpaid (1486.24 for 1686.24), the only word a guess that 2026-1 was 2026-11."""
    from gridpay.transforms.parsing import normalized_month
    assert [normalized_month(v) for v in ("2026.1", "2026.10", "2026.9", "2026/1", "2026年1月")] == [
        "2026.1", "2026-10", "2026-09", "2026-01", "2026-01"]
    inbox = make_inbox()
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W1", "2026-09", "50.00", "协助防汛加班", "人事科 陈主任"), ("W2", "2026.1", "200", "国庆补贴", "陈主任")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code != 0 and "adjustments.csv, row 3, column 'month': month '2026.1' is not YYYY-MM (Excel keeps 2026.10 " \
                         "as the number 2026.1" in err, err


def test_a_title_row_above_a_reference_file_s_headers_is_said_with_what_to_delete(tmp_path):
    """Trial 200: workers.xlsx's merged title 凤凰社区2026年11月网格员名册, saved as CSV above the headers, was told the
    columns were missing and pointed at [survey.aliases], which no reference file reads."""
    from gridpay.ingest.formats import read_table
    path = tmp_path / "workers.csv"
    path.write_text("凤凰社区2026年11月网格员名册,,,\n网格员编号,姓名,手机号,绩效工资基数\nW1,王伟,13800000001,1500\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_table(path, "workers", load_policy(DEFAULT_POLICY).aliases)
    message = str(refused.value)
    assert ("row 1 holds a title ('凤凰社区2026年11月网格员名册'), and the headers are in row 2: delete row 1 (and any row "
            "above the headers) and save the file again") in message
    assert "(the policy's [aliases], or a header worker_id itself)" in message and "[survey.aliases]" not in message
