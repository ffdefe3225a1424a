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
    # the compound's grid (as the rows and grids.csv write it); 天桥新村一网格 reads alike but carries another number
    assert "'天桥老四网格' on 5 rows; did you mean '井湖村二网格 (G2), whose compound 柏树湾小区 its 5 rows name'?" in err
    write_csv(inbox / "grids.csv", GRIDS, [grids[0][:4] + ("天桥老四网格",) + grids[0][5:], grids[1]])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "nothing published" in err
    assert ("5 answers to 天桥新村一网格 (G1) name 柏树湾小区, a compound grids.csv lists under 井湖村二网格 (G2), not "
            "under G1; if they answered by an alias grids.csv gives G1 (天桥老四网格), that name may be 井湖村二网格 "
            "(G2)'s (answers P0, P1, P2, P3, P4)") in err                 # the ids an appeal needs (trial 115)
    write_csv(inbox / "grids.csv", GRIDS, [grids[0], grids[1][:4] + ("天桥老四网格",) + grids[1][5:]])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "柏树湾" not in err, err


def test_a_grids_name_in_an_earlier_published_month_offers_that_grid(run_cli, make_inbox):
    """A nineteenth trial renamed J08 between two months; November's answers by the old name were offered
    three grids whose names read like it, never J08, and the first took J08's answers (exit 0)."""
    september = [survey(f"A{i}", "G1" if i % 2 else "G2", f"{i}栋1单元101", ("4",) * 5) for i in range(10)]
    october = [survey(f"B{i}", "G1", f"{i}栋1单元101", ("4",) * 5, "2026-10-10 10:00:00") for i in range(20)]
    october += [survey(f"C{i}", "井湖村二网格", f"{i}栋2单元101", ("2",) * 5, "2026-10-10 10:00:00") for i in range(3)]
    inbox = make_inbox({"2026-09.csv": september, "2026-10.csv": october})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    write_csv(inbox / "grids.csv", GRIDS[:4],
              [("G1", "天桥新村一网格", "社区", "20"), ("G2", "井湖村河畔网格", "社区", "10")])      # G2 renamed
    code, err = run_cli("run", "--month", "2026-10", "--reference", "inbox", inbox=inbox)
    assert code == 1, err
    assert ("'井湖村二网格' on 3 rows; did you mean '井湖村河畔网格 (G2), whose name it was in the grids.csv of "
            "2026-09'?") in err


def test_an_alias_reading_like_another_grid_s_name_is_said_with_its_answers(run_cli, make_inbox):
    """Trial 127 put '第三网络' (for 第三网格, G3) on G4, one of three grids the stop offered: G3's answers paid G4's
    worker, exit 0, nothing said. An alias like its own grid's name, or like none, says nothing."""
    inbox = make_inbox({})
    answers = [survey(f"A{i}", "G1", f"{i}栋1单元101", ("4",) * 5) for i in range(6)]
    answers += [survey(f"T{i}", "天桥新村一网络", f"{i}栋2单元101", ("2",) * 5) for i in range(3)]
    answers += [survey(f"B{i}", "柏树湾", f"{i}栋3单元101", ("5",) * 5) for i in range(4)]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, answers)
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "社区", "20", "", ""),
                                           ("G2", "井湖村二网格", "社区", "10", "天桥新村一网络;柏树湾", "")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert ("3 answers name the grid '天桥新村一网络', an alias grids.csv gives 井湖村二网格 (G2), but it reads like G1's "
            "name 天桥新村一网格: they count for G2; if they are G1's residents' (the sheet's name, their homes say), "
            "move the alias to G1 in grids.csv and run again") in err, err
    assert "'柏树湾', an alias" not in err
