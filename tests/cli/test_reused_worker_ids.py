"""A worker id given to another person stops the month (policy 2027.1, gate.reused_worker_ids): a forty-seventh
trial gave a leaver's id to a new hire; her back pay, typed under the id, was paid to him (500.00 yuan, exit 0)
and his sheet showed her score as his. A name alone changing (a marriage) is the same person."""
from conftest import HAND_SURVEYS, survey, write_csv

OCTOBER = [survey(r[0], r[1], r[2], r[7:12], r[4].replace("2026-09", "2026-10")) for r in HAND_SURVEYS]
HEADER = ("worker_id", "name", "phone", "perf_pay_target")
WORKERS = [("W1", "王伟", "13800000001", "1000.00"), ("W2", "李娜", "13800000002", "800.00"),
           ("W3", "张喆", "", "600.00"), ("W4", "刘玥", "13800000004", "900.00")]


def test_an_id_given_to_another_person_stops_the_month_and_a_renamed_worker_does_not(run_cli, make_inbox, tmp_path):
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-10.csv": OCTOBER})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    write_csv(inbox / "workers.csv", HEADER, [WORKERS[0], ("W2", "李娜", "13800000002", "800.00"), WORKERS[2],
                                              ("W4", "孙浩", "13912340044", "900.00")])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "a worker id is now another person's" in line, err
    assert "W4 was 刘玥 when last paid (2026-09) and is now 孙浩, with another phone" in line
    assert not (tmp_path / "out" / "2026-10").exists()
    # the same person, renamed after a marriage (her phone kept): paid as before
    write_csv(inbox / "workers.csv", HEADER, [WORKERS[0], WORKERS[1], WORKERS[2], ("W4", "刘玥玥", "13800000004", "900.00")])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0 and "another person" not in err, err
