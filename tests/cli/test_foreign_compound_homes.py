"""In a grid of one compound, homes are told apart by door number alone, but not an answer naming a compound
grids.csv lists for another grid only (policy 2027.1, survey.other_grid_compound_homes): a forty-ninth trial's
南门小区 home answering on 西岭's form was read as 西岭小区's home of the same door, and its answer pushed out
that home's complaint."""
import csv

from conftest import SURVEY_HEADER, survey, write_csv

GRIDS = ("grid_id", "grid_name", "community", "households", "compounds")


def _quarantined(out) -> dict[str, str]:
    with (out / "2026-09" / "quarantine.csv").open(encoding="utf-8-sig") as handle:
        return {row["response_id"]: row["reason_code"] for row in csv.DictReader(handle)}


def test_an_answer_naming_another_grids_compound_is_a_home_of_its_own(run_cli, make_inbox, make_policy, tmp_path):
    answers = [(survey(f"A{i}", "G1", f"{i}栋1单元301", ("4",) * 5), "锦绣花园") for i in range(6)]
    answers += [(survey("C0", "G1", "12栋1单元301", ("2",) * 5, "2026-09-06 10:00:00"), "锦绣花园"),   # the complaint
                (survey("N0", "G1", "12栋1单元301", ("5",) * 5, "2026-09-20 10:00:00"), "柏树湾")]    # G2's resident
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [r + (c,) for r, c in answers])
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "社区", "20", "锦绣花园"),
                                           ("G2", "柏树湾网格", "社区", "10", "柏树湾")])
    # 柏树湾网格 has no answer (a month of grids thin by min_responses = 3 would stop on it: gate.silent_grids)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox,
                        policy=make_policy(min_responses=3, silent_grids='"unchecked"'))
    assert code == 0, err
    assert "C0" not in _quarantined(tmp_path / "out")                 # two homes: both answers count
    before = make_policy(version='"own-1"', min_responses=3, other_grid_compound_homes="false",
                         silent_grids='"unchecked"')
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=inbox, policy=before)
    assert code == 0, err
    assert _quarantined(tmp_path / "out")["C0"] == "duplicate_household"          # the door alone, as before


def test_answers_to_a_grid_listing_no_compound_naming_another_grids_stop_the_month(run_cli, make_inbox, make_policy,
                                                                                   tmp_path):
    """A sixty-third trial's 老街 grid listed no compound; the form's required 小区 question made its residents pick
    翠湖花园, G1's: published, exit 0, nothing said, its homes counted twice in its pooled window (policy 2027.4)."""
    answers = [(survey(f"L{i}", "G2", f"老街{i}号", ("4",) * 5), "翠湖花园") for i in range(6)]
    answers += [(survey(f"C{i}", "G1", f"{i}栋1单元301", ("4",) * 5), "翠湖花园") for i in range(3)]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [r + (c,) for r, c in answers])
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "翠湖一网格", "社区", "20", "翠湖花园"),
                                           ("G2", "老街网格", "社区", "10", "")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    line = err.strip().splitlines()[-1]
    assert code == 1 and "6 answers to 老街网格 (G2) name 翠湖花园, a compound grids.csv lists under 翠湖一网格 (G1)" in line
    assert "make it optional (问卷星: 非必答)" in line and not (tmp_path / "out" / "2026-09").exists()
    before = make_policy(min_responses=3, gate__other_grid_compound_unlisted="false")
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=before)[0] == 0      # as before the key


def test_answers_naming_other_grids_compounds_are_counted_by_grid(run_cli, make_inbox, make_policy, tmp_path):
    """Trial 147: a typed sheet sorted by its 网格 column alone gave two grids 5 answers each naming other grids'
    compounds, over 3-4 compounds, none 5 of one: 26 answers paid to other grids' workers, exit 0 (policy 2027.17)."""
    own = {"G1": "翠湖花园", "G2": "柏树湾", "G3": "锦绣花园"}
    # a download of 53 answers: 5 are under a tenth of it, so no sheet sorted apart is said (the next test)
    answers = [(survey(f"{g}-{i}", g, f"{i}栋1单元301", ("4",) * 5), c) for g, c in own.items() for i in range(16)]
    answers += [(survey(f"X{i}", "G1", f"{i}栋2单元502", ("2",) * 5), "柏树湾" if i < 3 else "锦绣花园") for i in range(5)]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [r + (c,) for r, c in answers])
    write_csv(inbox / "grids.csv", GRIDS, [(g, f"{c}网格", "社区", "20", c) for g, c in own.items()])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    line = err.strip().splitlines()[-1]
    assert code == 1 and "3 answers to 翠湖花园网格 (G1) name 柏树湾" in line and "2 answers to 翠湖花园网格 (G1) name 锦绣花园" in line
    assert "sorted by one column alone" in line and not (tmp_path / "out" / "2026-09").exists()
    before = make_policy(min_responses=3, gate__other_grid_compound_by_grid="false")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=before)
    assert code == 0 and "a sheet HR typed is put right from the paper forms" in err, err        # as before the key


def test_a_sheet_whose_grids_and_compounds_disagree_throughout_stops_the_month(run_cli, make_inbox, make_policy,
                                                                               tmp_path):
    """Trial 147's re-check: the sorted sheet's other grids had 4 such answers each, under any grid's count."""
    own = {"G1": "翠湖花园", "G2": "柏树湾", "G3": "锦绣花园"}
    answers = [(survey(f"{g}-{i}", g, f"{i}栋1单元301", ("4",) * 5), c) for g, c in own.items() for i in range(4)]
    answers += [(survey(f"X{g}{i}", g, f"{i}栋2单元502", ("2",) * 5), other)
                for (g, _), other in zip(own.items(), ("柏树湾", "锦绣花园", "翠湖花园")) for i in range(2)]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [r + (c,) for r, c in answers])
    write_csv(inbox / "grids.csv", GRIDS, [(g, f"{c}网格", "社区", "20", c) for g, c in own.items()])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    line = err.strip().splitlines()[-1]
    assert code == 1 and "2026-09.csv: 6 of its 18 answers naming a compound name one another grid lists" in line
    assert "sorted by one column alone" in line and not (tmp_path / "out" / "2026-09").exists()
    # under a policy without gate.other_grid_compound_by_grid too (trial 147's third re-check published it, said)
    before = make_policy(min_responses=3, gate__other_grid_compound_by_grid="false")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=before)
    assert code == 1 and "6 of its 18 answers naming a compound" in err.strip().splitlines()[-1], err


def test_an_answer_whose_door_names_another_grids_compound_is_said(run_cli, make_inbox, make_policy):
    """Trial 201: the form asked no compound; 滨河小区 residents who chose the new 滨河雅苑 grid typed 滨河小区20栋1单元301
    into the door and were counted for its worker, unsaid; a 雅苑 home typing 滨河雅苑1-2-301 is its grid's own."""
    answers = [survey(f"A{i}", "G1", f"{i}栋1单元301", ("4",) * 5) for i in range(4)]
    answers += [survey(f"Y{i}", "G2", f"{i}栋2单元301", ("3",) * 5) for i in range(3)]
    answers += [survey("Y7", "G2", "滨河雅苑1-2-301", ("3",) * 5), survey("Y8", "G2", "雅苑2栋2单元401", ("3",) * 5),
                survey("X1", "G2", "滨河小区20栋1单元301", ("5",) * 5), survey("X2", "G2", "滨河小区3-1-201", ("5",) * 5)]
    inbox = make_inbox({"2026-09.csv": answers})
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "滨河一网格", "社区", "20", "滨河小区"),
                                           ("G2", "滨河七网格", "社区", "10", "滨河雅苑")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    assert code == 0, err
    said = [line for line in err.splitlines() if "in the door number" in line]
    assert said == ["gridpay: 2 answers to 滨河七网格 (G2) name 滨河小区 in the door number, a compound grids.csv lists "
                    "under 滨河一网格 (G1), not under G2 (answers X1, X2): counted for the grid they name; if they are "
                    "another grid's, HR's own correction in appeals.csv (decision upheld, category 非本网格, worker_id "
                    "blank, resident_grid the grid of the home) counts each there (a platform's download is never "
                    "edited; a sheet HR typed is put right from the paper forms: one sorted by a column alone mixes "
                    "grids); if the grid does span the compound, list it for the grid in grids.csv"]
