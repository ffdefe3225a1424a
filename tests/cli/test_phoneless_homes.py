"""An answer giving no phone from a home a worker's own rating of its grid came from in a published month
(pipeline/phoneless_homes.py): a hundred-and-fifth trial blanked two phones Excel had spoiled, as the stop then
advised, and the worker's own all-5 form counted (W3 +45.28, exit 0, nothing said)."""
from conftest import APPEAL_HEADER, HAND_SURVEYS, WORKER_PHONE, survey, today, write_csv

OCTOBER = [r[:4] + ("2026-10-10 10:00:00",) + r[5:] for r in HAND_SURVEYS[:3]]


def test_an_answer_with_no_phone_from_a_worker_s_home_is_named(run_cli, make_inbox, make_policy):
    september = HAND_SURVEYS + [survey("S1", "G1", "G1-3-301", ("5",) * 5, "2026-09-12 10:00:00", WORKER_PHONE)]
    october = OCTOBER + [survey("P1", "G1", "G1-3-301", ("5",) * 5, "2026-10-12 10:00:00"),     # her form, no phone
                         survey("P2", "G2", "G1-3-301", ("4",) * 5, "2026-10-12 11:00:00"),     # another grid's home
                         survey("P3", "G1", "G1-1-202", ("4",) * 5, "2026-10-12 12:00:00"),
                         # trial 128: her own rating of this month, then a form from her home with no phone
                         survey("S2", "G1", "G1-4-401", ("5",) * 5, "2026-10-13 09:00:00", WORKER_PHONE),
                         survey("P4", "G1", "G1-4-401", ("5",) * 5, "2026-10-14 09:00:00")]
    inbox, policy = make_inbox({"2026-09.csv": september, "2026-10.csv": october}), make_policy(min_responses=1)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0 and "giving no phone" not in err, err
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox, policy=policy)
    line = next(x for x in err.splitlines() if "giving no phone" in x)
    assert code == 0 and line.startswith("gridpay: 2 answers giving no phone from a home a worker's own phone answered "
                                         "from for its grid, in a published month or this one: surveys/2026-10.csv "
                                         "row 5 (answer P1; G1 G1-3-301: the worker's phone answered from it in "
                                         "2026-09), surveys/2026-10.csv row 9 (answer P4; G1 G1-4-401: the worker's "
                                         "phone answered from it in 2026-10)."), line
    assert "take it out as HR's own correction (an upheld appeal in appeals.csv, worker_id blank" in line
    assert "on another phone" not in err        # P3 is another home; P2 another grid's


def test_an_answer_on_another_phone_from_the_one_home_a_worker_s_phone_answered_from_is_named(run_cli, make_inbox,
                                                                                           make_policy):
    """Trial 132: W03's husband rated her grid from their flat on his own phone every month (+34.00 yuan a month),
    though her own answer of September, from that door, was set aside as her rating: nothing said. A home among
    several her phone answered from (a round of visits) is a resident's: not named."""
    september = HAND_SURVEYS + [survey("S1", "G1", "G1-3-301", ("5",) * 5, "2026-09-12 10:00:00", WORKER_PHONE)]
    october = OCTOBER + [survey("H1", "G1", "G1-3-301", ("5",) * 5, "2026-10-12 10:00:00", "13700001111"),
                         survey("V1", "G1", "G1-5-501", ("4",) * 5, "2026-10-02 10:00:00", WORKER_PHONE),  # visits
                         survey("V2", "G1", "G1-5-502", ("4",) * 5, "2026-10-02 10:10:00", WORKER_PHONE),
                         survey("N1", "G1", "G1-5-501", ("3",) * 5, "2026-10-20 10:00:00", "13700002222"),
                         survey("Q1", "G2", "G2-1-101", ("4",) * 5, "2026-10-12 11:00:00")]
    inbox, policy = make_inbox({"2026-09.csv": september, "2026-10.csv": october}), make_policy(min_responses=1)
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox, policy=policy)
    line = next(x for x in err.splitlines() if "on another phone" in x)
    assert code == 0, err
    assert line.startswith("gridpay: 1 answer on another phone from a home a worker's own phone answered "
                                         "from for its grid, in a published month or this one: surveys/2026-10.csv "
                                         "row 5 (answer H1; G1 G1-3-301: the worker's phone answered from it in "
                                         "2026-09). The worker's phone answered from that home alone in its month, so "
                                         "it may be the worker's own home"), line
    assert "or a resident's door typed on the worker's phone: check where the worker lives in HR's records" in line
    assert "G1-5-501" not in line and "giving no phone" not in err
    # the scorecard heads it as an answer that counts (trial 132 read 【网格员本人手机作答】: "本人作答不计入")
    assert run_cli("render", "--month", "2026-10", "--reports", "hr", inbox=inbox)[0] == 0
    scorecard = (inbox.parent / "out" / "2026-10" / "scorecard.html").read_text(encoding="utf-8")
    assert "【可能来自网格员本人住户的答卷】" in scorecard and "已照常计入" in scorecard
    # HR takes it out as its own correction: the line is no longer said
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [("HR-1", "2026-10", "", "H1", "其他", "网格员本人住户", today(), "支持",
                                                     "人事科", today(), "网格员丈夫作答")])
    code, err = run_cli("run", "--month", "2026-10", "--reason", "剔除本人住户答卷", inbox=inbox, policy=policy)
    assert code == 0 and "on another phone" not in err, err


def test_the_unreadable_phones_stop_no_longer_advises_blanking_a_cell(run_cli, make_inbox, make_policy):
    spoiled = [r[:3] + ("1.38E+10",) + r[4:] if r[0] == "R2" else r for r in HAND_SURVEYS]
    inbox, policy = make_inbox({"2026-09.csv": spoiled}), make_policy(min_responses=1)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 1 and "phone of the survey files unreadable" in err, err
    assert "a cell left empty is an answer no one checks against the workers' phones" in err
    assert "leave a cell empty" not in err


def test_a_phone_one_digit_off_a_worker_s_answering_for_homes_of_her_grid_is_said(run_cli, make_inbox, make_policy):
    """Trial 234: W04's number in workers.csv one digit off; her 代填 forms for eight homes of her grid counted as
    residents' (1630.08 for 1510.24), said only as answers from few phones."""
    helped = [survey(f"D{i}", "G2", f"G2-{i}-101", ("5",) * 5, "2026-09-12 10:00:00", "13712345678") for i in (1, 2)]
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + helped})
    workers = (inbox / "workers.csv").read_text(encoding="utf-8").replace("13800000002", "13712345687", 1)
    (inbox / "workers.csv").write_text(workers, encoding="utf-8")       # W2's 13712345678 typed with 7 and 8 swapped
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0 and ("2 answers to G2 (answers D1, D2), for 2 homes, came from a phone one digit off (or two "
                          "digits swapped) the one workers.csv gives W2 李娜, and count as residents' answers: if "
                          "workers.csv has her number typed wrong, correct it there and run again") in err, err
