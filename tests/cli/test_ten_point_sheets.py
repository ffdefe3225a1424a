"""A paper sheet typed on a 10-point scale (survey.sheet_scales, policy 2027.15): trial 117's had its 7-10 rows
invalid and its unhappiest residents' 3 to 5 out of 10 counted as 3 to 5 of 5 (W5 +64.94), exit 0, the message
pointing HR at the happy rows."""
from conftest import HAND_SURVEYS, survey

TEN_POINT = [survey("P1", "G2", "G2-2-101", ("3", "4", "5", "4", "3")),
             survey("P2", "G2", "G2-2-102", ("9", "8", "10", "9", "9")),
             survey("P3", "G2", "G2-2-201", ("8", "9", "9", "7", "8"))]


def test_a_typed_sheet_answering_above_the_scale_stops_the_month_naming_it(run_cli, make_inbox, make_policy):
    more = [survey(f"S{n}", "G1", f"G1-3-{n}01", ("4", "4", "4", "4", "4")) for n in range(8)]   # under the gate's 20%
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + more, "2026-09-纸质问卷.csv": TEN_POINT})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1, err
    assert ("a typed sheet's answers are on another scale than the policy's 1 to 5; nothing published. "
            "surveys/2026-09-纸质问卷.csv: 2 of its answers give 6 to 10 (rows 3, 4). A sheet typed on a 1-10 scale "
            "has its answers of 1 to 5 read as the policy's too") in err
    assert "2026-09.csv:" not in err.split("nothing published.")[1]      # R8's one 7 is a typing slip, not a scale
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(
        version='"as-typed"', survey__sheet_scales='"as_typed"'))
    assert code == 0, err                      # a policy without the key: the high rows invalid, as before


def test_a_typed_sheet_of_the_forms_letters_stops_the_month(run_cli, make_inbox):
    """Trial 125: answers typed A-E as printed on the form were invalid whole, the month published on the rest."""
    letters = [survey(f"L{n}", "G2", f"G2-3-10{n}", ("D", "E", "D", "C", "D")) for n in range(3)]
    more = [survey(f"S{n}", "G1", f"G1-3-{n}01", ("4", "4", "4", "4", "4")) for n in range(12)]
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + more, "2026-09-字母.csv": letters})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "surveys/2026-09-字母.csv: 3 of its answers are letters (A-E, the form's options as printed) (rows 2, 3, 4)" in err, err
