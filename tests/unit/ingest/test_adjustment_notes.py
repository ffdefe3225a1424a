"""An adjustment above zero marked as a deduction in a column gridpay does not read (trial 310: 备注 扣款（迟到3次）, 类型
扣款), said as one whose reason reads so: it was paid as a bonus (Z004 2104.89 for 1804.89), exit 0, nothing said."""
import logging

import pandas as pd

from gridpay.ingest.month_adjustments import say_deductions_elsewhere

ROWS = pd.DataFrame({"source_file": ["adjustments.csv"] * 5, "row_number": ["2", "3", "4", "5", "6"],
                     "worker_id": ["Z004", "Z001", "Z002", "Z003", "Z005"],
                     "month": ["2026-11", "2026-11", "2026-10", "2026-11", "2026-11"],
                     "amount": ["150", "￥200", "90", "-80", None], "reason": ["考勤", "防汛值班补贴", "考勤", "迟到", None],
                     "approved_by": ["刘主任"] * 5, "备注": ["扣款（迟到3次）", None, "扣款", "扣款", "扣款"]}, dtype="string")


def test_a_deduction_marked_in_an_unread_column_is_said(caplog):
    with caplog.at_level(logging.WARNING, logger="gridpay"):
        say_deductions_elsewhere(ROWS, "2026-11", ("扣", "罚"))
    # October's row and a row already typed below zero are not this month's question
    assert caplog.messages == ["adjustments.csv row 2 gives Z004 +150.00 for '考勤', and its column '备注' says "
                               "'扣款（迟到3次）', which reads as a deduction (扣): gridpay reads no such column (worker_id, "
                               "month, amount, reason, approved_by): if it deducts, type -150.00 and run again; if it "
                               "adds, it is right as it is"]
    caplog.clear()
    say_deductions_elsewhere(ROWS, "2026-11", ())          # a policy without gate.deduction_words: as before
    say_deductions_elsewhere(ROWS.drop(columns=["备注"]), "2026-11", ("扣",))
    assert not caplog.messages
