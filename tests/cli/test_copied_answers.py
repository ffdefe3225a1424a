"""One form's two downloads, each given a prefix in [survey.file_id_prefixes] as the shared-ids stop offers for two
forms: each answer in both is in the month twice (trial 225: one copy set aside for the other, HR's correction naming
answer 11 removed nothing while its copy L11 counted, exit 0). Stopped, naming the files and the ids."""
from conftest import policy_text, survey


def _answers(grid: str, count: int) -> list:
    return [survey(str(i + 1), grid, f"{grid}-1-{101 + i}", (str(1 + i % 5),) * 5, f"2026-09-{10 + i % 9:02d} 1{i % 10}:2{i % 6}:07")
            for i in range(count)]


def test_one_form_s_two_downloads_prefixed_apart_stop_the_month(run_cli, make_inbox, tmp_path):
    month = _answers("G1", 15) + [survey(str(16 + i), *row[1:3], row[7:12], row[4]) for i, row in
                                  enumerate(_answers("G2", 15))]
    inbox = make_inbox({"2026-09.csv": month, "2026-09-late.csv": month[15:20]})     # G2's, filtered, late
    # without a prefix the shared-ids stop says they are one form's answers twice, and offers no prefix (trial 225)
    early = month[10:20]
    (inbox / "surveys" / "2026-09-late.csv").unlink()
    make_inbox({"2026-09.csv": month[:15] + month[20:], "2026-09-late.csv": early})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "each the same answer in both, so each answer is in the month twice" in err, err
    assert "give each download's ids a prefix" not in err
    make_inbox({"2026-09.csv": month, "2026-09-late.csv": month[15:20]})
    policy = tmp_path / "prefixed.toml"
    policy.write_text(policy_text(version='"own-1"') + '\n[survey.file_id_prefixes]\n"late" = "L"\n', encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 1, err
    assert ("survey files hold the same answers under other ids (each one's time to the second, home, phone and "
            "ratings), so each would be in the month twice") in err
    assert "'surveys/2026-09-late.csv' and 'surveys/2026-09.csv': 5 answers (L16 and 16, L17 and 17" in err
    assert "a prefix in [survey.file_id_prefixes] is for two forms" in err
    assert not (tmp_path / "out" / "2026-09").exists()
    # another form's answers numbered alike (a paper sheet of its own homes) are no copies: the prefix is the fix
    (inbox / "surveys" / "2026-09-late.csv").unlink()
    paper = [survey(str(i + 1), "G2", f"G2-2-{201 + i}", ("3",) * 5, "2026-09-20 00:00:00", channel="paper")
             for i in range(3)]
    make_inbox({"2026-09.csv": month, "2026-09-late.csv": paper})
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0


def test_one_grid_s_form_downloaded_again_under_another_grid_s_name_stops_the_month(run_cli, make_inbox, tmp_path):
    """Trial 265: 第六网格's form downloaded again under 第七网格's name, read as 第七's by [survey.file_grids]: W07 paid
    on 第六's 31 answers (1693.92 for 1280.00), exit 0; the copies' grids differ, so the grid is not compared."""
    month = _answers("G1", 15) + [survey(str(16 + i), *row[1:3], row[7:12], row[4]) for i, row in
                                  enumerate(_answers("G2", 15))]
    copy = [(f"L{r[0]}", "G3", *r[2:]) for r in month[15:]]          # G2's answers, read as G3's
    inbox = make_inbox({"2026-09.csv": month, "2026-09-G3.csv": copy})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1, err
    assert ("'surveys/2026-09-G3.csv' and 'surveys/2026-09.csv': 15 answers (L16 and 16, L17 and 17, L18 and 18, L19 "
            "and 19, L20 and 20 ...), read as grids G3 and G2: one grid's form downloaded again under another grid's "
            "name? Download each grid's own form") in err
