"""How a month's answers were gathered, said before HR pays (expectations/answer_doubts.py): a seventy-sixth
field trial's worker filled in forms from her husband's phone and with the phone left blank, a grid tripled its
answers, a worker's phone rated a colleague's grid; each published with exit 0 and the console silent."""
from conftest import survey

ASSIGNMENTS = [("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", "")]
STRANGER = "13700000009"


def _september() -> list[tuple]:
    return ([survey(f"S{i}", "G1", f"G1-1-{i}01", ("4", "4", "3", "4", "4"), "2026-09-10 10:00:00") for i in range(6)]
            + [survey(f"T{i}", "G2", f"G2-1-{i}01", ("3", "4", "4", "4", "3"), "2026-09-11 10:00:00",
                      f"1390000000{i}") for i in range(5)])


def _october() -> list[tuple]:
    day = "2026-10-12 19:00:00"
    return ([survey(f"A{i:02}", "G1", f"G1-2-{i:02}", ("5",) * 5, day) for i in range(16)]      # 6 -> 16, no phones
            + [survey(f"B{i}", "G2", f"G2-1-{i}01", ("3", "4", "4", "4", "3"), "2026-10-11 10:00:00",
                      f"1390000000{i}") for i in range(5)]
            + [survey(f"C{i}", "G2", f"G2-3-{i}01", ("1",) * 5, f"2026-10-1{i} 21:00:00", STRANGER) for i in range(3)]
            + [survey("D1", "G2", "G2-4-101", ("1",) * 5, day, "13800000001"),      # W1's phone, a grid not W1's
               survey("E1", "G2", "G2-4-201", ("5",) * 5, day, "13800000002")])     # W2's own: self_rating


def test_a_worker_s_phone_one_phone_for_many_homes_and_multiplied_answers_are_said(run_cli, make_inbox):
    inbox = make_inbox({"2026-09.csv": _september(), "2026-10.csv": _october()}, adjustments=False,
                       assignments=ASSIGNMENTS)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "came from" not in err and "give no phone" not in err, err     # an ordinary month: nothing
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0, err
    assert "1 answer to 井湖村二网格 (G2) came from the phone of 王伟 (W1), who does not work it, for 1 home: counted " \
           "as a resident's. Unless W1 lives there" in err
    assert "1 answer to 井湖村二网格 (G2) came from the phone of 李娜 (W2), who works it: kept out as self_rating (E1)" in err
    assert ("3 answers to 井湖村二网格 (G2) for 3 homes came from one phone (shared_phone: counted). Their mean score "
            "0.00; the grid's raw score 36.11, 54.17 without them.") in err   # (5 x 65 + 4 x 0) / 9; (5 x 65) / 6
    assert "天桥新村一网格 (G1): 16 answers counted, 6 in 2026-09: check that its residents gave them" in err
    assert "天桥新村一网格 (G1): 16 of its 16 counted answers give no phone, 6 in 2026-09" in err
    assert "(A00, A01, A02, A03, A04 ...)" in err
    assert err.count("井湖村二网格 (G2): ") == 0            # G2 neither multiplied its answers nor lost its phones
