"""A worker whose phone changed in the month, both numbers typed in her workers.csv cell (trial 186: 郑丽 rated her own
grid from her old phone and her new one; told to type one, the other's rating counted as a resident's, 1790.64 paid
for 1773.18, exit 0): both are hers this month."""
import csv

from conftest import HAND_SURVEYS, WORKER_PHONE, survey, write_csv

NEW_PHONE = "13911112222"


def test_both_phones_of_a_workers_cell_keep_her_own_ratings_out(run_cli, make_inbox, tmp_path):
    own = [survey("OLD", "G1", "G1-9-901", ("5",) * 5, "2026-09-05 10:00:00", WORKER_PHONE),
           survey("NEW", "G1", "G1-9-902", ("5",) * 5, "2026-09-20 10:00:00", NEW_PHONE)]
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + own})
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王伟", f"{WORKER_PHONE}/{NEW_PHONE}", "1000.00"), ("W2", "李娜", "13800000002", "800.00"),
               ("W3", "张喆", "", "600.00"), ("W4", "刘玥", "13800000004", "900.00")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert "workers.csv row 2 gives W1 two phones (" in err and "both are the worker's this month" in err
    assert NEW_PHONE not in err and WORKER_PHONE not in err                  # masked
    with (tmp_path / "out" / "2026-09" / "quarantine.csv").open(encoding="utf-8-sig") as handle:
        own_out = {r["response_id"]: r["reason_code"] for r in csv.DictReader(handle) if r["response_id"] in ("OLD", "NEW")}
    assert own_out == {"OLD": "self_rating", "NEW": "self_rating"}
    assert "came from the phone of 王伟 (W1), who is assigned to it in the month: kept out as self_rating" in err
    assert "(OLD, NEW)" in err or "OLD, NEW" in err            # both named (the re-check's line named one)
    # a correction with her new phone alone: the old one is hers in this month still, and said so, not "counted"
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王伟", NEW_PHONE, "1000.00"), ("W2", "李娜", "13800000002", "800.00"),
               ("W3", "张喆", "", "600.00"), ("W4", "刘玥", "13800000004", "900.00")])
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", "--reason", "新号码", inbox=inbox)
    assert code == 0, err
    assert "gives the phone W1 was last paid with (id OLD): kept out as her own rating" in err, err
