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
