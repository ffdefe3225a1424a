"""A grid renamed this year: its old name, still on the paper forms, is another grid's alias only by
mistake. A field trial's paper forms named S04 by its old name 松林路四网格; the "did you mean" offered
the grids whose names read like it, HR gave the name to the first (S06), and S04's seven answers paid
S06's worker, exit 0, S04's workers paid at neutral. The answers' compound says whose grid it is."""
from conftest import SURVEY_HEADER, survey, write_csv

GRIDS = ("grid_id", "grid_name", "community", "households", "aliases", "compounds")


def _rows() -> list:
    answers = [(survey(f"G1-{i}", "G1", f"{i}栋1单元101", ("4",) * 5), "锦绣花园") for i in range(8)]
    answers += [(survey(f"G2-{i}", "G2", f"{i}栋2单元101", ("5",) * 5), "柏树湾") for i in range(3)]
    answers += [(survey(f"P{i}", "天桥老四网格", f"{i}栋3单元101", ("2",) * 5), "柏树湾小区") for i in range(5)]
    return [row + (compound,) for row, compound in answers]


def test_an_old_grid_name_is_offered_to_the_grid_whose_compound_its_rows_name(run_cli, make_inbox):
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), _rows())
    grids = [("G1", "天桥新村一网格", "社区", "20", "", "锦绣花园"),
             ("G2", "井湖村二网格", "社区", "10", "", "柏树湾小区")]
    write_csv(inbox / "grids.csv", GRIDS, grids)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1
    assert ("'天桥老四网格' on 5 rows; did you mean '井湖村二网格 (G2), whose compound 柏树湾 its 5 rows name' or "
            "'天桥新村一网格 (G1)'?") in err                         # the compound first, the likeness after
    write_csv(inbox / "grids.csv", GRIDS, [grids[0][:4] + ("天桥老四网格",) + grids[0][5:], grids[1]])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "nothing published" in err
    assert ("5 answers to 天桥新村一网格 (G1) name 柏树湾, a compound grids.csv lists under 井湖村二网格 (G2), not "
            "under G1; if they answered by an alias grids.csv gives G1 (天桥老四网格), that name may be 井湖村二网格 "
            "(G2)'s") in err
    write_csv(inbox / "grids.csv", GRIDS, [grids[0], grids[1][:4] + ("天桥老四网格",) + grids[1][5:]])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "柏树湾" not in err, err
