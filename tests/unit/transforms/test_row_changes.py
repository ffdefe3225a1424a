"""Rows keyed alike, before and after: what the audit and a re-run's reference check both say."""
from gridpay.transforms.row_changes import RowChange, row_changes


def test_rows_removed_added_and_changed_cell_by_cell_in_key_and_column_order():
    before = {("W2",): {"name": "李", "target": "1000.00", "note": None}, ("W1",): {"name": "王", "target": "900"}}
    after = {("W1",): {"name": "王", "target": "900", "aliases": ""},                   # a new blank column: no change
             ("W2",): {"name": "李", "target": "1200.00", "note": "None", "aliases": "x"},
             ("W3",): {"name": "张", "target": "800"}}
    assert list(row_changes(before, after)) == [
        RowChange(("W2",), "changed", (("target", "1000.00", "1200.00"), ("aliases", "", "x"))),
        RowChange(("W3",), "added")]
    assert list(row_changes(after, before, skip=("target",))) == [
        RowChange(("W2",), "changed", (("aliases", "x", ""),)), RowChange(("W3",), "removed")]
    assert [c.label for c in row_changes({("G1", "2026-09"): {}}, {})] == ["G1/2026-09"]
