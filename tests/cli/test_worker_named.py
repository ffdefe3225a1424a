"""A typed sheet's 姓名 that is the name of a worker of the answer's grid is said, naming the row (trial 174: two
workers' own lines of a WeChat group relay counted, no phone to tell them by, exit 0, nothing said); a 姓名 holding an
answer stops the run (the row's cells a column to the left)."""
from conftest import SURVEY_HEADER, survey, write_csv


def _inbox(make_inbox, names: list[str]):
    inbox = make_inbox({})
    rows = [survey(f"J{i}", "G1" if i < 12 else "G2", f"G{1 if i < 12 else 2}-{i}-101", ("4",) * 5)
            for i in range(len(names))]
    header = (*SURVEY_HEADER[:3], "姓名", *SURVEY_HEADER[3:])
    write_csv(inbox / "surveys" / "2026-09-接龙.csv", header, [(*r[:3], n, *r[3:]) for r, n in zip(rows, names)])
    return inbox


NAMES = [f"居民{i}" for i in range(16)]


def test_a_line_in_the_name_of_the_grid_s_worker_is_said_and_counts(run_cli, make_inbox):
    names = NAMES[:3] + ["王 伟"] + NAMES[4:13] + ["王伟"] + NAMES[14:]       # W1 works G1, not G2
    code, err = run_cli("run", "--month", "2026-09", inbox=_inbox(make_inbox, names))
    assert code == 0, err
    assert ("1 answer of a typed sheet given in the name of a worker of its grid: surveys/2026-09-接龙.csv row 5 "
            "(answer J3; G1: 王伟, W1)") in err


def test_a_name_cell_holding_an_answer_stops_the_run(run_cli, make_inbox):
    code, err = run_cli("run", "--month", "2026-09", inbox=_inbox(make_inbox, NAMES[:5] + ["满意"] + NAMES[6:]))
    assert code == 2 and "surveys/2026-09-接龙.csv, row 7, column '姓名': name '满意' is an answer, not a name" in err, err
