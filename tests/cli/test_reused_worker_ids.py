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



def test_an_id_under_its_name_with_another_phone_is_said_with_the_month_s_adjustments(run_cli, make_inbox):
    """A fifty-sixth trial's two 王芳: a leaver's id given to a new hire of the same name, her back pay paid to
    the new one (300.00, exit 0). A phone changed is as common, so it is said, not stopped."""
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-10.csv": OCTOBER})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    write_csv(inbox / "workers.csv", HEADER, [*WORKERS[:3], ("W4", "刘玥", "13912340044", "900.00")])
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W4", "2026-10", "300.00", "8月离职 补发加班费", "人事科 陈主任")])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    line = next(x for x in err.splitlines() if "gives another phone" in x)
    assert code == 0 and ("W4 刘玥: workers.csv gives another phone than W4 was last paid with (2026-09); "
                          "2026-10's adjustments for W4 (300.00) are paid to this person.") in line, err
    assert "13912340044" not in err and "give the new person an id of their own" in line
    code, err = run_cli("run", "--month", "2026-10", "--reason", "再跑一次", inbox=inbox)     # published with it: not again
    assert code == 0 and "gives another phone" not in err, err


GRIDS = ("grid_id", "grid_name", "community", "households", "compounds", "aliases")


def test_a_grid_id_given_to_another_place_stops_the_month_and_a_renamed_grid_does_not(run_cli, make_inbox, tmp_path):
    """A fifty-sixth trial gave a merged-away street grid's id to a new compound's grid: the thin new grid was
    scored on the street's pooled answers, every worker's pay moved, exit 0 (policy 2027.3, gate.reused_grid_ids)."""
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-10.csv": OCTOBER})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    new_place = ("G2", "金桂花园四网格", "天井湖社区", "10", "金桂花园", "")
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "天井湖社区", "20", "", ""), new_place])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and "a grid id now names another place" in line, err
    assert ("G2 was 井湖村二网格 (no compound listed) when last published (2026-09) and is now 金桂花园四网格 "
            "(金桂花园)") in line and "aliases column" in line and not (tmp_path / "out" / "2026-10").exists()
    # the same place renamed, its old name kept among its other names (residents still answer by it)
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "天井湖社区", "20", "", ""),
                                           new_place[:5] + ("井湖村二网格",)])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0 and "another place" not in err, err


def test_a_grid_keeping_a_compound_or_its_name_is_one_place(tmp_path):
    import pandas as pd
    from gridpay.expectations.reused_grid_ids import reused_grid_ids
    pd.DataFrame({"grid_id": ["G1", "G2", "G3"], "grid_name": ["枫林一网格", "新名网格", "锦华二网格"]}).to_parquet(
        tmp_path / "grids.parquet")
    pd.DataFrame({"grid_id": ["G1", "G2", "G3"], "compound": ["枫林苑", "锦华小区", "东关街"]}).to_parquet(
        tmp_path / "grid_compounds.parquet")
    before = {"G1": ("枫林网格", frozenset({"枫林苑"}), "2026-09"),             # renamed, its compound kept
              "G2": ("锦华一网格", frozenset({"锦华小区", "东关街"}), "2026-09"),  # renamed, a compound kept
              "G3": ("锦华二网格", frozenset({"锦华小区"}), "2026-09")}           # its name kept, boundary redrawn
    assert reused_grid_ids(tmp_path, before) == []
    before["G1"] = ("东关街网格", frozenset({"东关街"}), "2026-08")
    assert [str(r) for r in reused_grid_ids(tmp_path, before)] == [
        "G1 was 东关街网格 (东关街) when last published (2026-08) and is now 枫林一网格 (枫林苑)"]
