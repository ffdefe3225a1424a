"""How a month's answers were gathered, said before HR pays (expectations/answer_doubts.py): a seventy-sixth
field trial's worker filled in forms from her husband's phone and with the phone left blank, a grid tripled its
answers, a worker's phone rated a colleague's grid; each published with exit 0 and the console silent."""
import csv

import pytest

from conftest import survey, today, write_csv
from gridpay.transforms.policy import PolicyError
from gridpay.transforms.review_cycle import review_cycle

ASSIGNMENTS = [("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", "")]
STRANGER = "13700000009"


def _september() -> list[tuple]:
    return ([survey(f"S{i}", "G1", f"G1-1-{i}01", ("4", "4", "3", "4", "4"), "2026-09-10 10:00:00") for i in range(6)]
            + [survey(f"T{i}", "G2", f"G2-1-{i}01", ("3", "4", "4", "4", "3"), "2026-09-11 10:00:00",
                      f"1390000000{i}") for i in range(5)])


def _october() -> list[tuple]:
    day = "2026-10-12 19:00:00"
    return ([survey(f"A{i:02}", "G1", f"G1-2-{i:02}", ("5",) * 5, f"2026-10-{1 + i:02} 19:00:00")   # 6 -> 16,
             for i in range(16)]                                                                        # no phones
            + [survey(f"B{i}", "G2", f"G2-1-{i}01", ("3", "4", "4", "4", "3"), "2026-10-11 10:00:00",
                      f"1390000000{i}") for i in range(5)]
            + [survey(f"C{i}", "G2", f"G2-3-{i}01", ("1",) * 5, f"2026-10-1{i} 21:00:00", STRANGER) for i in range(3)]
            + [survey("D1", "G2", "G2-4-101", ("1",) * 5, day, "13800000001"),      # W1's phone, a grid not W1's,
               survey("D2", "G2", "G2-4-102", ("1",) * 5, day, "13800000001"),      # two homes: one is not W1's
               survey("E1", "G2", "G2-4-201", ("5",) * 5, day, "13800000002"),      # W2's own: self_rating,
               survey("E2", "G2", "G2-4-202", ("5",) * 5, day, "13800000002")])     # ... a neighbour's on it too


def test_a_worker_s_phone_one_phone_for_many_homes_and_multiplied_answers_are_said(run_cli, make_inbox):
    inbox = make_inbox({"2026-09.csv": _september(), "2026-10.csv": _october()}, adjustments=False,
                       assignments=ASSIGNMENTS)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "came from" not in err and "give no phone" not in err, err     # an ordinary month: nothing
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0, err
    assert "2 answers to 井湖村二网格 (G2) came from the phone of 王伟 (W1), who does not work it, for 2 homes: counted " \
           "as residents' answers. W1 lives in one home at most" in err
    assert ("2 answers to 井湖村二网格 (G2) came from the phone of 李娜 (W2), who is assigned to it in the month: kept "
            "out as self_rating, though for 2 homes: an answer giving a worker's phone number counts as hers, whether she "
            "typed it or a resident did in front of her (one sent from her phone giving another number, or none, counts "
            "as a resident's); whether those residents answered at all, a verification call tells; "
            "a resident's own answer, on their own phone or a paper form they fill in, would count (E1, E2)") in err
    assert run_cli("render", "--month", "2026-10", "--reports", "all", inbox=inbox)[0] == 0     # her sheet says so too
    sheet = (inbox.parent / "out" / "2026-10" / "workers" / "W2.html").read_text(encoding="utf-8")
    assert "另有 2 份答卷所留手机号与您本人的手机号一致（如入户时替居民代填），按考评办法视为本人评价，不计入" in sheet
    assert "与您本人的手机号一致" not in (inbox.parent / "out" / "2026-10" / "workers" / "W1.html").read_text(encoding="utf-8")
    assert ("3 answers to 井湖村二网格 (G2) for 3 homes came from one phone (shared_phone: counted). Their mean score "
            "0.00; the grid's raw score 32.50, 46.43 without them.") in err   # (5 x 65 + 5 x 0) / 10; (5 x 65) / 7
    assert "天桥新村一网格 (G1): 16 answers counted, at least twice its most of the months before (6 in 2026-09; the only month read, 2026-09): " \
           "check that its residents gave them" in err
    assert "would look so (no rule flagged one of them: call some from the download)" in err      # trial 226
    assert "天桥新村一网格 (G1): 16 of its 16 counted answers give no phone, 6 in 2026-09" in err
    assert "(A00, A01, A02, A03, A04 ...)" in err
    assert err.count("井湖村二网格 (G2): ") == 0            # G2 neither multiplied its answers nor lost its phones
    # policy 2027.7: the shared phone's answers are called; answering alike throughout (G1's sixteen) draws no call
    with (inbox.parent / "out" / "2026-10" / "verify.csv").open(encoding="utf-8-sig") as handle:
        why = {r["response_id"]: r["why"] for r in csv.DictReader(handle)}
    assert [why.get(f"C{i}") for i in range(3)] == ["shared_phone"] * 3           # all 1s too: straight_line
    assert not [w for w in why.values() if "straight_line" in w] and sum(r.startswith("A") for r in why) <= 2
    # trial 132: the calls found each home had answered (属实): the line no longer lists them for a call
    write_csv(inbox / "verification" / "2026-10.csv", ("response_id", "result", "called_by", "called_on", "note"),
              [(f"C{i}", "属实", "王干事", today(), "") for i in range(3)])
    code, err = run_cli("run", "--month", "2026-10", "--reason", "回访结果", inbox=inbox)
    assert code == 0 and "came from one phone" not in err, err


def test_ordinary_swings_are_not_said(run_cli, make_inbox):
    """A seventy-seventh trial's honest year: a thin month then an ordinary one, a compound handed over (more
    households), a form whose phone became optional for every grid, a worker answering for her own home in
    another grid. None is said."""
    def month(m: str, g1: int, g2: int, phones: bool) -> list[tuple]:
        day = f"{m}-10 10:00:00"
        return ([survey(f"{m}-A{i}", "G1", f"G1-1-{i:02}", ("4", "5", "4", "4", "4"), day,
                        f"1391000{i:04}" if phones else "") for i in range(g1)]
                + [survey(f"{m}-B{i}", "G2", f"G2-1-{i:02}", ("3", "4", "4", "4", "3"), day,
                          f"1392000{i:04}" if phones else "") for i in range(g2)])
    inbox = make_inbox({"2026-07.csv": month("2026-07", 14, 5, True), "2026-08.csv": month("2026-08", 4, 5, True),
                        "2026-09.csv": month("2026-09", 14, 15, False)
                        + [survey("W", "G2", "G2-9-901", ("5",) * 5, "2026-09-10 10:00:00", "13800000001")]},
                       adjustments=False, assignments=ASSIGNMENTS)
    for m in ("2026-07", "2026-08"):
        assert run_cli("run", "--month", m, inbox=inbox)[0] == 0
    grids = (inbox / "grids.csv").read_text(encoding="utf-8")
    (inbox / "grids.csv").write_text(grids.replace("井湖村二网格,天井湖社区,10", "井湖村二网格,天井湖社区,30"), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert "came from the phone of" not in err and "answers counted, at least twice" not in err, err
    assert "give no phone" not in err, err


def test_flags_called_are_review_flags_and_absent_means_every_flag():
    assert review_cycle({"verification": {"flags_called": ["burst"]}}).flags_called == ("burst",)
    assert review_cycle({"verification": {}}).flags_called is None          # a policy before 2027.7: every flag
    with pytest.raises(PolicyError, match="verification.flags_called must list review flags"):
        review_cycle({"verification": {"flags_called": ["straight_lines"]}})


def test_a_bad_review_set_aside_for_another_phone_s_good_answer_of_its_door_is_said(make_inbox, tmp_path):
    """Trial 136: 景秀园's buildings renumbered, a new 1栋 home typed its old number 6-2-402 and its 非常不满意 was set
    aside as the earlier answer of new 6栋2单元402, whose 5s counted (W03 +90.27, exit 0, nothing said)."""
    from below_cli import scored_below_the_cli
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.expectations.answer_doubts import answer_doubts
    rows = [survey("K1", "G1", "6-2-402", ("1",) * 5, "2026-09-03 10:00:00", "13900000001"),     # two homes, one door
            survey("K2", "G1", "6-2-402", ("5",) * 5, "2026-09-20 10:00:00", "13900000002"),
            survey("M1", "G1", "7-1-101", ("2",) * 5, "2026-09-03 10:00:00", "13900000003"),     # one phone: a change
            survey("M2", "G1", "7-1-101", ("5",) * 5, "2026-09-21 10:00:00", "13900000003"),     # of mind
            survey("N1", "G2", "8-1-101", ("1",) * 5, "2026-09-03 10:00:00", "13900000004"),     # the later is bad
            survey("N2", "G2", "8-1-101", ("2",) * 5, "2026-09-22 10:00:00", "13900000005"),     # too: nothing lost
            survey("P1", "G2", "8-2-101", ("5", "4", "4", "4", "1"), "2026-09-03 10:00:00", "13900000006"),  # a family:
            survey("P2", "G2", "8-2-101", ("4",) * 5, "2026-09-22 10:00:00", "13900000007")]     # not all bad
    rows += [survey(f"F{i}", g, f"9-1-{i}0{g[-1]}", ("4",) * 5) for i in range(3) for g in ("G1", "G2")]
    _, con = scored_below_the_cli(make_inbox({"2026-09.csv": rows}), tmp_path / "work", load_policy(DEFAULT_POLICY))
    with con:
        lines = [x for x in answer_doubts(con) if "set aside as an earlier answer" in x]
    assert len(lines) == 1 and lines[0].startswith(
        "天桥新村一网格 (G1): 1 answer rating every item badly set aside as an earlier answer of a home whose answer "
        "that counts, from another phone, rates none badly (K1 (6栋2单元402, counted: K2)): one household, one voice "
        "counts the later"), lines
    assert "no appeal is needed" in lines[0] and "an appeal upheld" not in lines[0], lines
    # trial 191: typed into HR's sheet under its home's own number, with its phone, as the line says: not said again
    rows.append(survey("K1P", "G1", "1-2-402", ("1",) * 5, "2026-09-03 10:00:00", "13900000001"))
    _, con = scored_below_the_cli(make_inbox({"2026-09.csv": rows}), tmp_path / "typed", load_policy(DEFAULT_POLICY))
    with con:
        assert not [x for x in answer_doubts(con) if "set aside as an earlier answer" in x]


def test_an_online_answer_set_aside_for_a_later_form_without_a_phone_is_said(make_inbox, tmp_path):
    """Trial 150: a volunteer typed paper forms without a phone, dated the month's last day, for doors whose residents
    had answered online: five took their place (W01 +104.94, W02 -46.62), only the duplicates counted."""
    from below_cli import scored_below_the_cli
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.expectations.answer_doubts import answer_doubts
    rows = [survey("W1", "G1", "6-2-402", ("1",) * 5, "2026-09-03 10:00:00", "13900000001"),     # replaced
            survey("P1", "G1", "6-2-402", ("5",) * 5, "2026-09-30 10:00:00"),
            survey("W2", "G1", "7-1-101", ("4",) * 5, "2026-09-03 10:00:00", "13900000003"),     # the same view
            survey("P2", "G1", "7-1-101", ("4",) * 5, "2026-09-30 11:00:00"),
            survey("W3", "G2", "8-1-101", ("5",) * 5, "2026-09-03 10:00:00", "13900000004"),     # replaced
            survey("P3", "G2", "8-1-101", ("2",) * 5, "2026-09-30 10:00:00")]
    rows += [survey(f"F{i}", g, f"9-1-{i}0{g[-1]}", ("4",) * 5) for i in range(3) for g in ("G1", "G2")]
    _, con = scored_below_the_cli(make_inbox({"2026-09.csv": rows}), tmp_path / "work", load_policy(DEFAULT_POLICY))
    with con:
        lines = [x for x in answer_doubts(con) if "gives no phone and rates otherwise" in x]
    assert [x.split(":", 1)[0] for x in lines] == ["天桥新村一网格 (G1)", "井湖村二网格 (G2)"], lines
    assert "(W1 (6栋2单元402, counted: P1))" in lines[0] and "W2" not in lines[0], lines
    assert "result 未参与 (a note: 回访核实), which takes it out and counts the home's own answer" in lines[0]
    rows[3] = survey("P2", "G1", "7-1-101", ("4", "4", "4", "4", "5"), "2026-09-30 11:00:00")     # one item higher
    _, con = scored_below_the_cli(make_inbox({"2026-09.csv": rows}), tmp_path / "again", load_policy(DEFAULT_POLICY))
    with con:
        assert "(W1 (6栋2单元402, counted: P1), W2 (7栋1单元101, counted: P2))" in answer_doubts(con)[0]


def test_a_complaint_without_a_phone_replaced_by_praise_from_its_door_is_said(make_inbox, tmp_path):
    """Trial 188: three all-非常不满意 answers without a phone, each replaced 48 minutes later by a 满意 from its door,
    were set aside unsaid (and off the callback list): 周晓红 1926.08, 1806.56 had they counted."""
    from below_cli import scored_below_the_cli
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.expectations.answer_doubts import answer_doubts
    rows = [survey("C1", "G1", "1-3-503", ("1",) * 5, "2026-09-03 10:00:00"),
            survey("C2", "G1", "1-3-503", ("4",) * 5, "2026-09-03 10:48:00", "13900000002"),
            survey("D1", "G2", "4-3-301", ("2",) * 5, "2026-09-03 10:00:00"),                  # the later is bad
            survey("D2", "G2", "4-3-301", ("1",) * 5, "2026-09-04 10:00:00")]                  # too: nothing lost
    rows += [survey(f"F{i}", g, f"9-1-{i}0{g[-1]}", ("4",) * 5) for i in range(3) for g in ("G1", "G2")]
    _, con = scored_below_the_cli(make_inbox({"2026-09.csv": rows}), tmp_path / "work", load_policy(DEFAULT_POLICY))
    with con:
        lines = [x for x in answer_doubts(con) if "rating every item badly" in x]
    assert lines == ["天桥新村一网格 (G1): 1 answer rating every item badly set aside as an earlier answer of a home whose "
                     "answer that counts rates none badly (C1 (1栋3单元503, counted: C2)): one household, one voice "
                     "counts the later, so the complaint is off the callback list; a complaint replaced by praise from "
                     "its door, the complaint with no phone, is also what an answer typed over it looks like: visit the "
                     "home; if the later answer was not the household's, record the visit as a call of that answer in "
                     "verification/<YYYY-MM>.csv (result 未参与, a note: 入户核实), which counts the complaint again, and "
                     "run again"], lines


def test_a_burst_that_moves_its_grids_score_is_said_with_the_score_without_it(run_cli, make_inbox, make_policy):
    """Trial 253: a worker's WeChat group answered 20 times in an hour, the grid's 61.50 an 82.33 (+313.28 yuan), and
    only the scorecard's review table counted them."""
    rows = [survey(f"S{i}", "G1", f"{i + 1}栋1单元101", ("2",) * 5, f"2026-09-{i + 2:02d} 09:00:00") for i in range(5)]
    rows += [survey(f"B{i}", "G1", f"{i + 1}栋2单元201", ("5",) * 5, f"2026-09-20 20:0{i}:00") for i in range(6)]
    rows += [survey(f"T{i}", "G2", f"{i + 1}栋3单元301", ("4",) * 5, f"2026-09-{i + 2:02d} 10:00:00") for i in range(5)]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": rows}),
                        policy=make_policy(min_responses=1))
    assert code == 0 and "6 answers to 天桥新村一网格 (G1) came in a burst (many within minutes: burst, counted); the " \
                         "grid's raw score" in err, err
    assert "25.00 without them" in err and "(B0, B1, B2, B3, B4, B5)" in err and "(G2) came in a burst" not in err


def test_a_rating_from_a_workers_phone_of_her_grid_in_a_month_off_it_is_said(run_cli, make_inbox, make_policy):
    """Trial 252: a worker on maternity leave rated her own grid all 5 from her own phone; counted as a resident's
    (+10.80 yuan to her stand-in), nothing said."""
    rows = [survey(f"S{i}", "G2", f"{i + 1}栋1单元101", ("3",) * 5, f"2026-09-{i + 2:02d} 09:00:00") for i in range(4)]
    rows += [survey("L1", "G2", "9栋1单元901", ("5",) * 5, "2026-09-20 09:00:00", phone="13800000002")]
    rows += [survey(f"T{i}", "G1", f"{i + 1}栋3单元301", ("4",) * 5, f"2026-09-{i + 2:02d} 10:00:00") for i in range(4)]
    inbox = make_inbox({"2026-09.csv": rows}, assignments=[
        ("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "2026-08-31", ""),
        ("W2", "G2", "2026-10-01", "", ""), ("W3", "G2", "2026-09-01", "2026-09-30", ""), ("W4", "G1", "2026-01-01", "", "")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0 and ("1 answer to 井湖村二网格 (G2) came from the phone of 李娜 (W2), whom assignments.csv gives "
                          "that grid in other months but on no day of this one (a leave?): counted as a resident's") in err, err
    assert "(L1)" in err
