"""Which upheld appeals move an answer (transforms/review_rules.py): one rule, read in SQL by the models and the
reports and on appeals.csv's rows by staging (ingest/review_files.moving)."""
import duckdb
import pandas as pd

from gridpay.ingest.review_files import moving
from gridpay.transforms.review_rules import register_review_rules

ROWS = [  # month, decision, category, resident_grid -> moves its answer in 2026-10
    ("2026-10", "upheld", "wrong_grid", "G2", True),
    ("2026-10", "upheld", "wrong_grid", None, False),        # taken out, counted nowhere
    ("2026-10", "pending", "wrong_grid", "G2", False),
    ("2026-10", "rejected", "wrong_grid", "G2", False),
    ("2026-10", "upheld", "malicious", "G2", False),          # validation stops it; the rule never moves it
    ("2026-09", "upheld", "wrong_grid", "G2", False),         # another month's appeal
    (None, "upheld", "wrong_grid", "G2", False),
]


def test_the_macro_and_the_rows_agree():
    with duckdb.connect() as con:
        register_review_rules(con)
        got = [con.execute("select ? = '2026-10' and moves_answer(?, ?, ?)", list(row[:4])).fetchone()[0]
               for row in ROWS]
    assert [bool(g) for g in got] == [row[4] for row in ROWS]
    frame = pd.DataFrame([row[:4] for row in ROWS], columns=["month", "decision", "category", "resident_grid"],
                         index=range(10, 10 + len(ROWS)))
    frame["resident_grid"] = frame["resident_grid"].astype("string")
    assert moving(frame, "2026-10").to_dict() == {10 + i: row[4] for i, row in enumerate(ROWS)}
    assert not moving(frame.iloc[:0], "2026-10").any()


def test_a_calls_finding_in_the_words_hr_also_writes_is_its_code():
    """Trial 212's brief said 诱导 for a coached answer; the verification file stopped the run on it."""
    from gridpay.transforms.review_terms import RESULT_WORDS, RESULTS, as_code
    assert [as_code(w, RESULTS, also=RESULT_WORDS) for w in ("受诱导", "诱导", " 诱导或代填 ", "未参与", "Coached")] == [
        "coached", "coached", "coached", "denied", "coached"]
    assert as_code("诱导", RESULTS) == "诱导"           # without the other words, as typed (validation names it)
    assert as_code("被诱导", RESULTS, also=RESULT_WORDS) == "被诱导"
    # trial 275's calls: 已核实 and 空号 read; 代填 alone is the resident's to say (属实 or 受诱导), refused as typed
    assert [as_code(w, RESULTS, also=RESULT_WORDS) for w in ("已核实", "空号", "代填")] == ["confirmed", "unreachable", "代填"]


def test_a_resident_grid_typed_as_a_name_several_grids_give_is_refused_naming_the_row():
    """Trial 302: 第一网格 of three communities in one project, typed as an HR correction's resident_grid, was read as
    the last of them, another community's grid (W06 1757.70 for 1887.12, exit 0)."""
    import pytest
    from gridpay.core.errors import InputError
    from gridpay.ingest.review_files import resident_grids
    grids = pd.DataFrame({"grid_id": ["DC01", "XC01", "DC02"], "grid_name": ["第一网格", "第一网格", "东城第二网格"]})
    appeals = pd.DataFrame({"source_file": "appeals.csv", "row_number": [2, 3, 4], "month": ["2026-10", "2026-09", "2026-10"],
                            "resident_grid": ["东城第二网格", "第一网格", "DC01"]})
    assert list(resident_grids(appeals, grids, {}, "2026-10")) == ["DC02", "XC01", "DC01"]   # another month's: as before
    appeals.loc[2, "resident_grid"] = "第一网格"
    with pytest.raises(InputError) as refused:
        resident_grids(appeals, grids, {}, "2026-10")
    assert str(refused.value) == ("appeals.csv, row 4, column 'resident_grid': resident_grid '第一网格' is the name of 2 "
                                  "grids (DC01, XC01): type the grid id of the one the resident lives in")
    assert list(resident_grids(appeals, grids, {})) == ["DC02", "XC01", "XC01"]       # a policy before the key


def test_a_verification_file_headed_in_chinese_is_read_by_the_shipped_aliases(tmp_path):
    """Trial 303's verification/2026-11.csv headed 问卷编号,回访结果,回访人,回访日期,备注 stopped as columns missing."""
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.ingest.formats import Source
    from gridpay.ingest.review_files import review_tables
    path = tmp_path / "2026-11.csv"
    path.write_text("问卷编号,回访结果,回访人,回访日期,回访备注\n12,未参与,王干事,2026-12-09,本人未填\n", encoding="utf-8")
    calls = review_tables({"verification/2026-11.csv": Source("verification/2026-11.csv", path)}, "2026-11",
                          load_policy(DEFAULT_POLICY).aliases)["verification"]
    assert calls[["response_id", "result", "called_by", "called_on", "note"]].values.tolist() == [
        ["12", "denied", "王干事", "2026-12-09", "本人未填"]]
