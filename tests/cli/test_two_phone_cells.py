"""A phone cell of two numbers (a couple's form) is a resident's typing, not Excel's: said, not stopped (a
sixty-fourth trial's month stopped, with no way past it but editing the download). Under policy 2027.12
(survey.two_phone_cells) each number is checked: W1's own number beside her husband's is hers, a self-rating (a
ninety-second trial's counted); a policy without the key stops on a worker's number (trial 102's upgrade)."""
import csv

from conftest import RESIDENT_PHONE, survey


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_two_numbers_in_a_cell_are_checked_against_the_workers_phones(run_cli, make_inbox, make_policy, tmp_path):
    couple = make_inbox({"2026-09.csv": [survey("C1", "G1", "H1", ("5",) * 5, phone="13800000001/13900000002"),
                                         survey("C2", "G2", "H3", ("3",) * 5, phone="13900000003 13900000004"),
                                         survey("C3", "G2", "H4", ("3",) * 5, phone=RESIDENT_PHONE)]})
    code, err = run_cli("run", "--month", "2026-09", inbox=couple, out=tmp_path / "couple", db=tmp_path / "couple.duckdb")
    assert code == 0 and ("2 phone cells of surveys/2026-09.csv (rows 2, 3) hold two numbers, each checked against "
                          "workers.csv's phones: row 2 holds a worker's and is read as that worker's (a self-rating "
                          "where the answer rates that worker's grid); row 3 holds no worker's and counts as no "
                          "phone") in err, err
    quarantine = {r["response_id"]: r["reason_code"] for r in _rows(tmp_path / "couple" / "2026-09" / "quarantine.csv")}
    assert quarantine == {"C1": "self_rating"}
    unread = tmp_path / "unread.toml"        # a policy before the key: no phone, said as before
    unread.write_text(make_policy().read_text(encoding="utf-8").replace('two_phone_cells = "checked"\n', ""),
                      encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=couple, out=tmp_path / "c2", db=tmp_path / "c2.duckdb",
                        policy=unread)                           # W1's own rating would count: stopped (trial 102)
    assert code == 1 and ("2026-09: a phone cell of two numbers holds a worker's phone: surveys/2026-09.csv (row 2). "
                          "This policy reads such a cell as no phone") in err, err
    residents = make_inbox({"2026-09.csv": [survey("C2", "G2", "H3", ("3",) * 5, phone="13900000003 13900000004"),
                                            survey("C3", "G2", "H4", ("3",) * 5, phone=RESIDENT_PHONE)]})
    code, err = run_cli("run", "--month", "2026-09", inbox=residents, out=tmp_path / "c3", db=tmp_path / "c3.duckdb",
                        policy=unread)
    assert code == 0 and ("1 phone of surveys/2026-09.csv (row 2) unreadable: a cell holds two numbers, or a "
                          "number that is not a phone; its answer counts") in err, err       # not Excel's (trial 92)


def test_a_cell_of_two_workers_numbers_is_read_as_the_answer_s_grid_worker_s(run_cli, make_inbox, make_policy,
                                                                              tmp_path):
    """Trial 204: 13900139001/13700137002, W02's number then W03's, rating W03's grid, was read as W02's and W03's own
    rating counted (1725.84 for 1709.35, exit 0); policy 2027.27 reads the grid's worker's."""
    inbox = make_inbox({"2026-09.csv": [survey("C1", "G2", "H1", ("5",) * 5, phone="13800000001/13800000002"),
                                        survey("C2", "G2", "H2", ("3",) * 5, phone=RESIDENT_PHONE)]})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)          # W1 covers G1, W2 covers G2
    assert code == 0, err
    quarantine = {r["response_id"]: r["reason_code"] for r in _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")}
    assert quarantine == {"C1": "self_rating"}
    before = make_policy(version='"own-1"', two_phones_by_grid="false")     # a policy before the key: the first number's
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, out=tmp_path / "o2", db=tmp_path / "o2.duckdb",
                        policy=before)
    assert code == 0 and not _rows(tmp_path / "o2" / "2026-09" / "quarantine.csv"), err


def test_a_landline_beside_a_workers_mobile_is_her_rating(run_cli, make_inbox, make_policy, tmp_path):
    """Trial 301: 0562-2861234/13805623346 (a resident's landline and the worker's own mobile, typed as she filled in an
    old resident's form) was one 22-digit phone: her rating of her grid counted (TGW02 1822.32 for 1803.06, exit 0)."""
    from conftest import WORKER_PHONE
    inbox = make_inbox({"2026-09.csv": [survey("C1", "G1", "H1", ("5",) * 5, phone=f"0562-2861234/{WORKER_PHONE}"),
                                        survey("C2", "G2", "H3", ("3",) * 5, phone="2861234 13900000004"),
                                        survey("C3", "G2", "H4", ("3",) * 5, phone=RESIDENT_PHONE)]})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "row 2 holds a worker's and is read as that worker's" in err, err
    quarantine = {r["response_id"]: r["reason_code"] for r in _rows(tmp_path / "out" / "2026-09" / "quarantine.csv")}
    assert quarantine == {"C1": "self_rating"}
    before = make_policy(version='"own-1"', landline_mobile_cells="false")     # a policy before the key: one number
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, out=tmp_path / "o2", db=tmp_path / "o2.duckdb",
                        policy=before)
    assert code == 0 and not _rows(tmp_path / "o2" / "2026-09" / "quarantine.csv"), err
