"""Two assignment rows giving a worker one grid on the same days at two weights: which weight a day
takes is HR's to say (gate.overlapping_assignments)."""
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.expectations.overlapping_assignments import overlapping_assignments
from gridpay.expectations.validate import _stage_reference_tables
from gridpay.ingest.staging import stage_inputs


def test_two_weights_on_the_same_days_of_the_month_are_named_and_other_overlaps_are_not(make_inbox, tmp_path):
    """A ninth field trial added a row at weight 0.5 from the 15th without ending the row at 1: the
    larger weight was paid all month, without a word."""
    inbox = make_inbox(assignments=[
        ("W1", "G1", "2026-01-01", "", "1"), ("W1", "G1", "2026-09-15", "", "0.5"),          # overlap, two weights
        ("W2", "G2", "2026-01-01", "", ""), ("W2", "G2", "2026-09-01", "2026-09-30", "1"),   # blank is 1: the same
        ("W3", "G2", "2026-01-01", "2026-08-31", "1"), ("W3", "G2", "2026-08-01", "", "0.5"),  # overlap in August
        ("W4", "G1", "2026-01-01", "", "0.5"), ("W4", "G1", "2026-09-09", "2026-09-22", "1")])   # a cover inside
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    _stage_reference_tables(tmp_path / "work")
    found, cover = overlapping_assignments(tmp_path / "work", "2026-09")
    assert str(found) == ("assignments.csv rows 2 and 3 both give W1 the grid G1 from 2026-09-15 to 2026-09-30, "
                          "at weights 1 and 0.5")
    # trial 268: a supervisor's 0.5 raised to 1 for a colleague's leave; ended as the stop said, her 0.5 after it was lost
    assert str(cover) == ("assignments.csv rows 8 and 9 both give W4 the grid G1 from 2026-09-09 to 2026-09-22, at "
                          "weights 0.5 and 1 (if the 0.5 goes on after, it needs a row of its own from 2026-09-23)")
    assert load_policy(DEFAULT_POLICY).outcome.overlapping_assignments == "stop"
