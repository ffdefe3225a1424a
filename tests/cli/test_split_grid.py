"""A grid split off: 柏树湾 moved from G1's compounds to G2's, and residents of 柏树湾 still choose G1 on
the form. A forty-fifth trial followed the stop's advice (list the compound under G1 again) and the next
month paid those answers to G1's worker, exit 0. With survey.grid_by_compound they count for G2, said."""
import csv

from conftest import SURVEY_HEADER, survey, write_csv

GRIDS = ("grid_id", "grid_name", "community", "households", "compounds")


def _inbox(make_inbox, moved_named: str, g2_compounds: str = "柏树湾"):
    answers = [(survey(f"A{i}", "G1", f"{i}栋1单元101", ("4",) * 5), "锦绣花园") for i in range(8)]
    answers += [(survey(f"B{i}", "G2", f"{i}栋2单元101", ("5",) * 5), "柏树湾") for i in range(4)]
    # a home of 柏树湾 answering again, naming its new grid: one home, one voice, whichever grid it named
    answers += [(survey("D0", "G2", "0栋3单元101", ("5",) * 5, "2026-09-20 10:00:00"), "柏树湾")]
    answers += [(survey(f"C{i}", moved_named, f"{i}栋3单元101", ("2",) * 5), "柏树湾") for i in range(5)]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [r + (c,) for r, c in answers])
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "社区", "20", "锦绣花园"),
                                           ("G2", "柏树湾网格", "社区", "10", g2_compounds)])
    return inbox


def _grid_responses(out) -> dict[str, str]:
    with (out / "2026-09" / "grid_scores.csv").open(encoding="utf-8-sig") as handle:
        return {row["grid_id"]: row["responses"] for row in csv.DictReader(handle)}


def test_answers_to_the_grid_a_compound_left_count_for_its_new_grid_when_the_policy_says(
        run_cli, make_inbox, make_policy, tmp_path):
    inbox = _inbox(make_inbox, "G1")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "5 answers to 天桥新村一网格 (G1) name 柏树湾, a compound grids.csv lists under" in err
    assert "survey.grid_by_compound" in err                  # the stop offers the way a split month takes
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(grid_by_compound="true"))
    assert code == 0, err
    assert ("5 answers to 天桥新村一网格 (G1) name 柏树湾, which grids.csv lists under 柏树湾网格 (G2): counted "
            "for G2") in err
    moved = (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes(), _grid_responses(tmp_path / "out")
    assert moved[1] == {"G1": "8", "G2": "9"}              # 4 + 5 + D0 - C0 (the home's earlier answer)
    # the same month with the answers naming G2 on the form: the same pay to the fen
    code, err = run_cli("run", "--month", "2026-09", inbox=_named_g2(make_inbox, tmp_path),
                        out=tmp_path / "named", db=tmp_path / "named.duckdb")
    assert code == 0, err
    assert (tmp_path / "named" / "2026-09" / "payroll.csv").read_bytes() == moved[0]


def _named_g2(make_inbox, tmp_path, g2_compounds: str = "柏树湾"):
    return _inbox(make_inbox, "G2", g2_compounds)


def test_a_moved_home_keeps_its_compound_in_a_grid_of_several(run_cli, make_inbox, make_policy, tmp_path):
    """G1 of one compound reads its homes by door number alone; G2 spans two, so a home moved there is
    '柏树湾 <door>' like G2's own answers (else 0栋3单元101 would count twice)."""
    policy = make_policy(grid_by_compound="true")
    code, err = run_cli("run", "--month", "2026-09", inbox=_inbox(make_inbox, "G1", "柏树湾;河畔小区"), policy=policy)
    assert code == 0, err
    assert _grid_responses(tmp_path / "out") == {"G1": "8", "G2": "9"}
    code, err = run_cli("run", "--month", "2026-09", inbox=_named_g2(make_inbox, tmp_path, "柏树湾;河畔小区"),
                        out=tmp_path / "named", db=tmp_path / "named.duckdb")
    assert code == 0, err
    assert ((tmp_path / "named" / "2026-09" / "payroll.csv").read_bytes()
            == (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes())


def test_a_shared_compound_moves_to_the_grid_that_took_it_over_and_only_then(run_cli, make_inbox, make_policy, tmp_path):
    """A fifty-sixth trial split G03's part of 锦华小区 off as G11 while G07 and G10 kept theirs: residents still
    naming G03 stopped the month, run after run, on advice (grid_by_compound) already followed."""
    policy = make_policy(grid_by_compound="true")
    inbox = _inbox(make_inbox, "G1")
    august = [survey(f"H{i}", "G1", f"{i}栋1单元101", ("4",) * 5, "2026-08-10 10:00:00") + ("锦绣花园",)
              for i in range(3)]
    write_csv(inbox / "surveys" / "2026-08.csv", SURVEY_HEADER + ("小区",), august)
    shared = [("G1", "天桥新村一网格", "社区", "20", "锦绣花园;柏树湾"), ("G2", "柏树湾网格", "社区", "10", "柏树湾"),
              ("G3", "河畔网格", "社区", "10", "柏树湾")]
    # August: G1 and G3 share 柏树湾; G2 (already a grid) lists another compound
    write_csv(inbox / "grids.csv", GRIDS, [shared[0], ("G2", "柏树湾网格", "社区", "10", "新区"), shared[2]])
    assert run_cli("run", "--month", "2026-08", inbox=inbox, policy=policy)[0] == 0
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "社区", "20", "锦绣花园"), *shared[1:]])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0, err
    assert ("5 answers to 天桥新村一网格 (G1) name 柏树湾, which grids.csv lists under 柏树湾网格 (G2), the one of its "
            "grids that took it over from G1 (the others listed it before): counted for G2") in err
    assert _grid_responses(tmp_path / "out")["G2"] == "9"
    # October, the residents still naming G1: compared with August, when G1 last listed it (not September)
    october = [r[:4] + ("2026-10-12 10:00:00",) + r[5:] for r in _rows_of(inbox, "2026-09.csv")]
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER + ("小区",), october)
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox, policy=policy)
    assert code == 0 and "took it over from G1 (the others listed it before): counted for G2" in err, err
    # without a month telling which grid is new to it, the answers stay with G1, and the stop says why
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy, out=tmp_path / "fresh",
                        db=tmp_path / "fresh.duckdb")
    line = err.strip().splitlines()[-1]
    assert code == 1 and "survey.grid_by_compound is on, but it moves answers only to a compound one grid" in line
    assert "set survey.grid_by_compound = true" not in line


def _rows_of(inbox, name: str) -> list[tuple]:
    with (inbox / "surveys" / name).open(encoding="utf-8", newline="") as handle:
        return [tuple(r) for r in list(csv.reader(handle))[1:]]
