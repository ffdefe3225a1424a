"""A door naming a building alone is in quarantine, and in no pair of homes the run asks HR to check (trial 152's
re-check: 'A-12' and 'A12栋' were "each counted as a household of its own", A12栋 in quarantine, and the advice to
set the older aside would have taken out the home's only counted answer)."""
from conftest import HAND_SURVEYS, survey


def test_a_building_alone_is_said_and_named_in_no_pair(run_cli, make_inbox):
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + [survey("Z1", "G1", "A12栋", ("2",) * 5),
                                                       survey("Z2", "G1", "A-12", ("5",) * 5)]})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert "1 answer of grid G1 gives a building alone as the door ('A12栋'): invalid (door_unknown)" in err
    assert "'A-12' and 'A12栋'" not in err, err
