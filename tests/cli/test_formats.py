"""The same answers as UTF-8 CSV, GB18030 CSV, Excel or Parquet give the same payroll, byte for byte."""
import pandas as pd
import pytest

from conftest import HAND_SURVEYS, SURVEY_HEADER


def _payroll(run_cli, inbox, policy, tmp_path, name):
    out = tmp_path / f"out-{name}"
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy, out=out,
                        db=tmp_path / f"{name}.duckdb")
    assert code == 0, err
    return (out / "2026-09" / "payroll.csv").read_bytes()


@pytest.fixture
def utf8_payroll(published_template):
    """The hand month's payroll from the plain UTF-8 CSV: what every format must give (published
    once by the test process)."""
    root, _ = published_template("none", 3)
    return (root / "out" / "2026-09" / "payroll.csv").read_bytes()


@pytest.mark.parametrize("kind", ["gbk", "gb18030", "utf8-bom", "xlsx", "parquet", "split"])
def test_format_gives_the_same_payroll(kind, utf8_payroll, run_cli, make_inbox, make_policy, tmp_path):
    frame = pd.DataFrame(HAND_SURVEYS, columns=SURVEY_HEADER)
    if kind in ("gbk", "gb18030", "utf8-bom"):
        encoding = {"gbk": "gbk", "gb18030": "gb18030", "utf8-bom": "utf-8-sig"}[kind]
        inbox = make_inbox(name=kind, encoding=encoding)
        raw = (inbox / "surveys" / "2026-09.csv").read_bytes()
        assert "楼道灯坏了".encode(encoding.replace("-sig", "")) in raw
    else:
        inbox = make_inbox({}, name=kind)
        folder = inbox / "surveys"
        if kind == "xlsx":
            frame.to_excel(folder / "2026-09.xlsx", index=False)
        elif kind == "parquet":
            frame.to_parquet(folder / "2026-09.parquet", index=False)
        else:   # one month in two files: an online export and the paper forms typed into Excel
            frame.iloc[:4].to_csv(folder / "2026-09.csv", index=False)
            frame.iloc[4:].to_excel(folder / "2026-09-paper.xlsx", index=False)
    assert _payroll(run_cli, inbox, make_policy(min_responses=3), tmp_path, kind) == utf8_payroll


def test_chinese_headers_are_mapped_by_the_policy_aliases(utf8_payroll, run_cli, make_inbox, make_policy, tmp_path):
    chinese = {"response_id": "问卷编号", "grid_id": "网格编号", "household_id": "户号", "submitted_at": "提交时间",
               "sat_overall": "总体满意度", "comment": "意见建议"}
    inbox = make_inbox({}, name="zh-headers")
    frame = pd.DataFrame(HAND_SURVEYS, columns=[chinese.get(c, c) for c in SURVEY_HEADER])
    frame.to_csv(inbox / "surveys" / "2026-09.csv", index=False, encoding="gb18030")
    assert _payroll(run_cli, inbox, make_policy(min_responses=3), tmp_path, "zh") == utf8_payroll
