"""A corpus of awkward and broken inputs, each built here as a real file: either it parses as a
careful human would read it (same payroll as the clean file), or it stops with exit 2 naming the
file, row and column, and nothing published earlier is touched."""
import csv
import io

import pytest

from conftest import HAND_SURVEYS, SURVEY_HEADER, write_csv


def _text(rows, header=SURVEY_HEADER, delimiter=","):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _column(rows, name, fn):
    i = SURVEY_HEADER.index(name)
    return [r[:i] + (fn(r[i]),) + r[i + 1:] for r in rows]


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
WORDS = {"5": "非常满意", "4": "满意", "3": "基本满意", "2": "不满意", "1": "非常不满意", "7": "7", "": ""}
ITEMS = SURVEY_HEADER[7:12]


def _items(rows, fn):
    for name in ITEMS:
        rows = _column(rows, name, fn)
    return rows


ACCEPTED = {   # name -> bytes of surveys/2026-09.csv that a careful reader takes as the clean file
    "extra columns": _text([r + ("x",) for r in HAND_SURVEYS], SURVEY_HEADER + ("备注",)).encode(),
    "semicolon delimiter": _text(HAND_SURVEYS, delimiter=";").encode(),
    "tab delimiter": _text(HAND_SURVEYS, delimiter="\t").encode(),
    "UTF-16 with BOM": _text(HAND_SURVEYS).encode("utf-16"),
    "GB18030 header aliases": _text(HAND_SURVEYS, ("问卷编号", "网格编号", "户号") + SURVEY_HEADER[3:]).encode("gb18030"),
    "full-width digits": _text(_items(HAND_SURVEYS, lambda v: v.translate(FULLWIDTH))).encode(),
    "5.0 and padded numbers": _text(_items(HAND_SURVEYS, lambda v: f" {v}.0 " if v else v)).encode(),
    "Likert words": _text(_items(HAND_SURVEYS, WORDS.get)).encode(),
    "slash dates": _text(_column(HAND_SURVEYS, "submitted_at", lambda v: v.replace("-", "/"))).encode(),
    "Chinese dates": _text(_column(HAND_SURVEYS, "submitted_at",
                                   lambda v: f"{v[:4]}年{int(v[5:7])}月{int(v[8:10])}日 {v[11:]}")).encode(),
    "Excel serial dates": _text(_column(HAND_SURVEYS, "submitted_at", lambda v: {
        "2026-09-10 10:00:00": "46275.4166666667", "2026-09-02 08:00:00": "46267.3333333333"}[v])).encode(),
}

REFUSED = {    # name -> (file, bytes, the one line expected on stderr)
    "empty file": ("surveys/2026-09.csv", b"", "surveys/2026-09.csv: is empty (no header row)"),
    "misspelt column": ("surveys/2026-09.csv", _text(HAND_SURVEYS, ("response_id", "grid_id", "househld_id") +
                                                     SURVEY_HEADER[3:]).encode(),
                        "surveys/2026-09.csv, column 'household_id': required column is missing"),
    "not a spreadsheet": ("surveys/2026-09-paper.xlsx", b"\x89PNG\r\n\x1a\n not really a workbook",
                          "surveys/2026-09-paper.xlsx: cannot be read as XLSX"),
    "worker with no target": ("workers.csv", "worker_id,name,phone,perf_pay_target\nW1,王伟,,\n".encode(),
                              "workers.csv, row 2, column 'perf_pay_target': perf_pay_target is blank"),
    "assignment ends before it starts": (
        "assignments.csv", b"worker_id,grid_id,start_date,end_date,weight\nW1,G1,2026-09-10,2026-09-01,\n",
        "assignments.csv, row 2, column 'end_date': end_date '2026-09-01' is before start_date"),
    # issue 25 §4: what Excel leaves in reference files
    "worker phone Excel saved as a number": (
        "workers.csv", "worker_id,name,phone,perf_pay_target\nW1,王伟,1.38E+10,1000.00\n".encode(),
        "workers.csv, row 2, column 'phone': phone '1.4E+10' (shortened, its digits withheld) is not a mainland mobile number (11 digits from "
        "13-19, +86 allowed); Excel saved it as a number"),
    "worker phone Excel saved as a number, its mask no phone": (      # trial 139: shown as 139****6210
        "workers.csv", "worker_id,name,phone,perf_pay_target\nW1,王伟,1.39562E+10,1000.00\n".encode(),
        "workers.csv, row 2, column 'phone': phone '1.4E+10' (shortened, its digits withheld) is not a mainland mobile number (11 digits from "
        "13-19, +86 allowed); Excel saved it as a number"),
    "worker phone with Excel's text mark typed in": (      # trial 111: the mask hid it, "(and 1 more)" no row
        "workers.csv", "worker_id,name,phone,perf_pay_target\nW1,王伟,'13812340101,1000.00\nW2,李娜,1390000,800.00\n"
        "W3,张喆,1.39562E+10,600.00\n".encode(), "workers.csv, row 2, column 'phone': phone '138****0101' is not a "
        "mainland mobile number (11 digits from 13-19, +86 allowed); it holds \"'\", not part of a number: delete it "
        "(also rows 3: 7 digits, 4: Excel saved it as a number)"),      # trial 213 learned of row 4's from a 2nd run
    "worker phone a digit short, masked like a good one": (     # trial 132: '139****2178' said nothing of what was wrong
        "workers.csv", "worker_id,name,phone,perf_pay_target\nW1,王伟,1391232178,1000.00\n".encode(),
        "workers.csv, row 2, column 'phone': phone '139****178' is not a mainland mobile number (11 digits from "
        "13-19, +86 allowed); it has 10 digits: type it again from the worker's own record (left blank"),
    "worker phone as a float, masked": (
        "workers.csv", "worker_id,name,phone,perf_pay_target\nW1,王伟,13800000001.0,1000.00\n".encode(),
        "workers.csv, row 2, column 'phone': phone '138****0001.0' is not a mainland mobile number"),
    "weight zero": ("assignments.csv", b"worker_id,grid_id,start_date,end_date,weight\nW1,G1,2026-01-01,,0\n",
                    "assignments.csv, row 2, column 'weight': weight '0' is not a number > 0"),
    "weight negative": ("assignments.csv", b"worker_id,grid_id,start_date,end_date,weight\nW1,G1,2026-01-01,,-1\n",
                        "assignments.csv, row 2, column 'weight': weight '-1' is not a number > 0"),
    "worker id with a Cyrillic letter (trial 150)": (
        "assignments.csv", "worker_id,grid_id,start_date,end_date,weight\nWО1,G1,2026-01-01,,\n".encode(),
        "assignments.csv, row 2, column 'worker_id': worker_id 'WО1' is not in workers.csv (its 'О' (U+041E) is a "
        "letter of another alphabet that looks Latin: type it again in Latin letters)"),
    "worker id in full-width letters": (
        "assignments.csv", "worker_id,grid_id,start_date,end_date,weight\nＷ1,G1,2026-01-01,,\n".encode(),
        "assignments.csv, row 2, column 'worker_id': worker_id 'Ｗ1' is not in workers.csv (typed in full-width "
        "characters; in half-width it reads 'W1': type it again so)"),
    "worker id typed with a zero": (         # a fifty-sixth trial's W7 for W07: which id was meant?
        "assignments.csv", b"worker_id,grid_id,start_date,end_date,weight\nW01,G1,2026-01-01,,\n",
        "assignments.csv, row 2, column 'worker_id': worker_id 'W01' is not in workers.csv (did you mean W1?)"),
    "worker id twice": ("workers.csv", "worker_id,name,phone,perf_pay_target\nW1,王伟,,1000.00\nW2,李娜,,1000.00\n"
                                       "W1,王芳,,1200.00\n".encode(),
                        "workers.csv, row 2, column 'worker_id': worker_id 'W1' is not unique (row 4 too): one row a "
                        "worker (a phone changed in the month: both numbers in one cell, new/old)"),
    "two broken rows, both named": (
        "assignments.csv", b"worker_id,grid_id,start_date,end_date,weight\nW1,G1,2026-01-01,,0\nW2,G2,2026-01-01,,x\n",
        "assignments.csv, row 2, column 'weight': weight '0' is not a number > 0 (also row 3, weight)"),
    "a row's good end date not named for its bad start date": (       # trial 139: "(also row 8, end_date)"
        "assignments.csv", b"worker_id,grid_id,start_date,end_date,weight\nW1,G1,10/5/2026,2026-11-12,\n"
                           b"W2,G2,2026-01-01,,0\n",
        "assignments.csv, row 2, column 'start_date': start_date '10/5/2026' is not a date (YYYY-MM-DD or YYYY/M/D), or "
        "a day its month does not have (11-31, 2-29 of 2026) (also row 3, weight)"),
    "a blank adjustment amount": (        # trial 138: a TypeError naming no file
        "adjustments.csv", "worker_id,month,amount,reason,approved_by\nW1,2026-09,,加班,陈主任\n".encode(),
        "adjustments.csv, row 2, column 'amount': amount is blank"),
    "adjustments saved under another name": (        # trial 138: read by no run, every bonus unpaid, exit 0
        "adjustments.csv.csv", "worker_id,month,amount,reason,approved_by\nW1,2026-09,50.00,加班,陈主任\n".encode(),
        "adjustments.csv.csv: is read by no run: adjustments.csv is read (a CSV, by that name); save it as "
        "adjustments.csv, or move it out of the inbox"),
    "no such day": ("assignments.csv", b"worker_id,grid_id,start_date,end_date,weight\nW1,G1,2026/2/30,,\n",
                    "assignments.csv, row 2, column 'start_date': start_date '2026/2/30' is not a date"),
}


@pytest.fixture
def clean_payroll(published_template):
    """The payroll.csv of the clean hand month (policy min_responses = 3), published once by the test process."""
    root, _ = published_template("none", 3)
    return (root / "out" / "2026-09" / "payroll.csv").read_bytes()


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_accepted_variants_give_the_clean_payroll(name, run_cli, make_inbox, make_policy, tmp_path, clean_payroll):
    inbox = make_inbox({}, name="variant")
    (inbox / "surveys" / "2026-09.csv").write_bytes(ACCEPTED[name])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    assert code == 0, err
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == clean_payroll


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_inputs_exit_2_with_one_line_and_touch_nothing(name, run_cli, published_copy, tmp_path):
    inbox, _ = published_copy("none")          # the month published from good inputs
    before = (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes()
    path, data, message = REFUSED[name]
    (inbox / path).write_bytes(data)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 2
    assert err.strip().splitlines()[-1].startswith(f"gridpay: {message}"), err.strip().splitlines()[-1]
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == before


def test_header_only_month_publishes_neutral_pay(run_cli, make_inbox, tmp_path):
    inbox = make_inbox({"2026-09.csv": []})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "2026-09: the month's survey files hold no answer (their header only)" in err, err
    with (tmp_path / "out" / "2026-09" / "payroll.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["coefficient"] for r in rows} == {"1.0000"}
    assert all("no_scored_grid" in r["flags"] for r in rows)


def test_a_grid_with_no_worker_is_scored_and_pays_nobody(run_cli, make_inbox, make_policy, tmp_path):
    inbox = make_inbox()
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date"), [("W1", "G1", "2026-01-01")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    assert code == 0, err
    grids = (tmp_path / "out" / "2026-09" / "grid_scores.csv").read_text(encoding="utf-8-sig")
    assert "G2,井湖村二网格,2026-09,3," in grids
    payroll = (tmp_path / "out" / "2026-09" / "payroll.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in payroll[1:]] == ["W1"]


def test_workbook_with_several_sheets_reads_the_first(run_cli, make_inbox, make_policy, tmp_path):
    import pandas as pd
    inbox = make_inbox({}, name="sheets")
    with pd.ExcelWriter(inbox / "surveys" / "2026-09.xlsx") as writer:
        pd.DataFrame(HAND_SURVEYS, columns=SURVEY_HEADER).to_excel(writer, sheet_name="问卷", index=False)
        pd.DataFrame({"说明": ["本表为汇总", "请勿修改"]}).to_excel(writer, sheet_name="说明", index=False)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    assert code == 0, err
    assert "1161.10" in (tmp_path / "out" / "2026-09" / "payroll.csv").read_text(encoding="utf-8-sig")
    # a twenty-second trial's second batch on a second sheet counted nowhere, four grids paid at neutral
    with pd.ExcelWriter(inbox / "surveys" / "2026-09.xlsx") as writer:
        pd.DataFrame(HAND_SURVEYS[:4], columns=SURVEY_HEADER).to_excel(writer, sheet_name="第一批", index=False)
        pd.DataFrame(HAND_SURVEYS[4:], columns=SURVEY_HEADER).to_excel(writer, sheet_name="第二批", index=False)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    assert code == 2 and err.strip().splitlines()[-1] == (
        "gridpay: surveys/2026-09.xlsx: holds survey answers on more than one sheet (the first, '第一批', and '第二批'); "
        "gridpay reads the first sheet, so the others' answers would count nowhere: save each sheet as a file of "
        "its own in the folder of the month its forms were filled in (surveys/YYYY-MM/: a sheet of another month's "
        "forms, 9月 in October's workbook, goes to that month's folder, and that month is run again; a copy of a "
        "month already run, pasted in beside it, is deleted), or move a "
        "sheet of this month's forms onto the first sheet; and run again")


def test_merged_title_row_above_the_header_is_read_as_a_title(run_cli, make_inbox, tmp_path):
    from openpyxl import Workbook
    inbox = make_inbox({}, name="merged")
    book = Workbook()
    sheet = book.active
    sheet.append(["2026年9月满意度调查"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(SURVEY_HEADER))
    sheet.append(list(SURVEY_HEADER))
    for row in HAND_SURVEYS:
        sheet.append(list(row))
    book.save(inbox / "surveys" / "2026-09.xlsx")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err          # the header is the first row that holds the survey's columns
    quarantine = (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert "2026-09.xlsx,10,R8," in quarantine          # spreadsheet row numbers count the title row


def test_a_200_mb_month_is_read_whole(run_cli, make_inbox, tmp_path):
    inbox = make_inbox({}, name="big")
    path = inbox / "surveys" / "2026-09.csv"
    long_comment = "楼道灯坏了，" * 150                     # ~1.3 kB of text a row, as pasted complaints are
    with path.open("w", encoding="utf-8", newline="") as handle:      # what csv.writer writes, ~5x faster
        handle.write(",".join(SURVEY_HEADER) + "\r\n")
        handle.writelines(f"R{i},{'G1' if i % 2 else 'G2'},H{i},,2026-09-10 10:00:00,wechat,120,4,4,5,4,4,{long_comment}\r\n"
                          for i in range(160_000))
    assert path.stat().st_size > 200 * 2**20
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    grids = (tmp_path / "out" / "2026-09" / "grid_scores.csv").read_text(encoding="utf-8-sig")
    assert "G1,天桥新村一网格,2026-09,80000," in grids and "G2,井湖村二网格,2026-09,80000," in grids
    # every answer came in the same second, so each is listed for review, with the row it is on
    # (DuckDB read this file in chunks out of order: row numbers once named the wrong rows)
    with (tmp_path / "out" / "2026-09" / "review.csv").open(encoding="utf-8-sig") as handle:
        review = list(csv.DictReader(handle))
    assert len(review) == 160_000
    assert [r for r in review if int(r["row_number"]) != int(r["response_id"][1:]) + 2] == []


def test_reference_dates_typed_as_excel_leaves_them_give_the_clean_payroll(run_cli, make_inbox, make_policy, tmp_path,
                                                                          clean_payroll):
    """2026/1/1, 2026年9月16日 and an Excel date cell saved as its day count read as the clean
    inbox's dates; an adjustment's month typed 2026/9 as 2026-09."""
    policy = make_policy(min_responses=3)
    inbox = make_inbox(name="excel", assignments=[
        ("W1", "G1", "2026/1/1", "", ""), ("W2", "G2", "2026/1/1", "2026/9/15", ""),
        ("W3", "G2", "2026年9月16日", "", ""), ("W4", "G1", "46023", "", "1"), ("W4", "G2", "2026/01/01 0:00", "", "0.5")])
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W1", "2026/9", "50.00", "协助防汛加班", "人事科 陈主任")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy, db=tmp_path / "excel.duckdb")
    assert code == 0, err
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == clean_payroll
