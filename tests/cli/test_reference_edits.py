"""Reference files edited after a month is published (trial 84). A worker's own rating is known by the phones
she had in published months too (policy 2027.9, integrity.self_rating_past_phones): July, corrected after W01
had changed phone in August with today's workers.csv (the only one naming August's hire), counted her July
rating from the phone she had then as a resident's, +5.94 yuan to her, exit 0. And a published month's days
edited in assignments.csv are said by the next run (nothing was)."""
import csv

from conftest import HAND_SURVEYS, SURVEY_HEADER, WORKER_PHONE, survey, write_csv


def _quarantined(out, month: str = "2026-09") -> dict[str, str]:
    with (out / month / "quarantine.csv").open(encoding="utf-8-sig") as handle:
        return {row["response_id"]: row["reason_code"] for row in csv.DictReader(handle)}


def _new_phone(inbox) -> None:
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王伟", "13800000009", "1000.00"), ("W2", "李娜", "13800000002", "800.00"),
               ("W3", "张喆", "", "600.00"), ("W4", "刘玥", "13800000004", "900.00")])


def test_a_month_corrected_after_a_worker_changed_phone_still_keeps_out_her_rating(run_cli, make_inbox, make_policy,
                                                                                  tmp_path):
    own = survey("R9", "G1", "G1-2-101", ("5",) * 5, "2026-09-12 10:00:00", WORKER_PHONE)
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + [own]})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    assert _quarantined(tmp_path / "out")["R9"] == "self_rating"
    _new_phone(inbox)                                           # W1's new phone, as today's workers.csv has it
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", "--reason", "入职日期更正", inbox=inbox)
    assert code == 0, err
    assert _quarantined(tmp_path / "out")["R9"] == "self_rating"
    # a policy without the key knows workers.csv's phones only, as before
    before = make_policy(version='"2027.1"', integrity__self_rating_past_phones="false")     # a version of its own
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", "--reason", "旧办法", inbox=inbox,
                        policy=before)
    assert code == 0, err
    assert "R9" not in _quarantined(tmp_path / "out")


def test_a_past_phone_the_corrected_workers_csv_gives_another_worker_is_not_hers(run_cli, make_inbox, make_policy,
                                                                                 tmp_path):
    """Trial 261: workers.csv's rows swapped two workers' phones, corrected in the 公示 week; the first run's phones
    kept out each one's answer about the grid he lives in as his own rating (W04 1893.35 for 1861.81, exit 0).
    Policy 2027.32 (integrity.past_phones_not_others): a phone the month's workers.csv gives another is not hers."""
    lives = survey("R9", "G1", "G1-2-101", ("5",) * 5, "2026-09-12 10:00:00", "13800000002")   # W2 lives in G1
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS + [lives]})
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王伟", "13800000002", "1000.00"), ("W2", "李娜", WORKER_PHONE, "800.00"),
               ("W3", "张喆", "", "600.00"), ("W4", "刘玥", "13800000004", "900.00")])
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    assert _quarantined(tmp_path / "out")["R9"] == "self_rating"            # W1's, as the swapped rows said
    make_inbox({"2026-09.csv": HAND_SURVEYS + [lives]})                    # the rows corrected
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", "--reason", "手机号对调更正", inbox=inbox)
    assert code == 0, err
    assert "R9" not in _quarantined(tmp_path / "out")                      # W2's phone, about a grid not his
    assert "(id R9): counted, the phone W2's in today's workers.csv (integrity.past_phones_not_others)" in err, err
    before = make_policy(version='"own-1"', integrity__past_phones_not_others="false")     # as before the key
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", "--reason", "旧办法", inbox=inbox,
                        policy=before)
    assert code == 0, err
    assert _quarantined(tmp_path / "out")["R9"] == "self_rating"


def test_a_phone_a_worker_gave_up_is_a_resident_s_in_the_months_after(run_cli, make_inbox, make_policy, tmp_path):
    """A hundred-and-seventh trial: W02 gave up her number in October; in November its new owner, a resident of a
    grid W02 covers, was kept out as W02's own rating (policy 2027.13: integrity.past_phones_while_held)."""
    october = [survey(f"O{i}", "G1", f"G1-9-10{i}", ("4",) * 5, "2026-10-10 10:00:00") for i in range(3)]
    reused = survey("O9", "G1", "G1-2-101", ("1",) * 5, "2026-10-12 10:00:00", WORKER_PHONE)   # the new owner's
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-10.csv": october + [reused]})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    _new_phone(inbox)                                           # W1 gave up WORKER_PHONE after September
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0 and "O9" not in _quarantined(tmp_path / "out", "2026-10")   # a resident's answer: it counts
    # ... said, naming it: her own rating from before the change looks the same (trial 124: counted, nothing said)
    assert ("1 answer to W1's grids this month gives the phone W1 was last paid with (id O9): counted as a "
            "resident's. If one is W1's own rating from before the phone changed, take it out") in err
    before = make_policy(version='"own-1"', integrity__past_phones_while_held="false")      # as before the key
    code, err = run_cli("run", "--month", "2026-10", "--reference", "inbox", "--reason", "旧办法", inbox=inbox,
                        policy=before)
    assert code == 0, err
    assert _quarantined(tmp_path / "out", "2026-10")["O9"] == "self_rating"

def test_an_edit_to_a_published_months_days_is_said_by_the_next_run(run_cli, make_inbox):
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    text = (inbox / "assignments.csv").read_text(encoding="utf-8")
    (inbox / "assignments.csv").write_text(text.replace("W1,G1,2026-01-01", "W1,G1,2026-09-10"), encoding="utf-8")
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER, [survey("O1", "G1", "G1-1-101", ("4",) * 5,
                                                                        "2026-10-10 10:00:00")])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0, err
    assert ("assignments.csv now gives 2026-09 other days than its published run" in err
            and "W1 on G1: 21 days (paid 30)" in err and "--take assignments" in err), err


def test_a_row_s_end_date_typed_a_year_early_is_said_for_the_published_month_it_no_longer_pays(run_cli, make_inbox):
    """Trial 127's 2025-11-15 for 2026-11-15: the row, still in the file, gave the published October no day (paid 31),
    and nothing said so; only rows taken out of the file are not said."""
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    text = (inbox / "assignments.csv").read_text(encoding="utf-8")
    assert "W1,G1,2026-01-01,," in text
    (inbox / "assignments.csv").write_text(text.replace("W1,G1,2026-01-01,,", "W1,G1,2025-01-01,2025-10-15,\n"
                                                                           "W1,G2,2026-10-16,,"), encoding="utf-8")
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER, [survey("O1", "G1", "G1-1-101", ("4",) * 5,
                                                                        "2026-10-10 10:00:00")])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert "W1 on G1: 0 days (paid 30)" in err, err


def test_an_end_date_that_does_not_read_is_the_stop_s_alone_not_a_published_month_s_lost_days(run_cli, make_inbox):
    """Trial 139's end date 12/11/2026 read first as "W05 on CH4: 0 days (paid 30)", with a re-run of September
    and October, before the stop naming the date."""
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    text = (inbox / "assignments.csv").read_text(encoding="utf-8")
    (inbox / "assignments.csv").write_text(text.replace("W1,G1,2026-01-01,,", "W1,G1,2026-01-01,12/11/2026,"),
                                           encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-10", "--allow-empty-month", inbox=inbox)
    assert code == 2 and "end_date '12/11/2026' is not a date" in err and "days (paid" not in err, err


def test_an_end_date_cleared_for_a_worker_back_from_leave_is_told_to_keep_the_ended_row(run_cli, make_inbox):
    """Trial 135: W02's row ended for her maternity leave was reopened on her return, and the line offered to re-run
    the months of her leave on it (paying her for them); it now says how a return is entered."""
    inbox = make_inbox()
    text = (inbox / "assignments.csv").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("W1,G1,"))
    ended = row.split(",")
    ended[3] = "2026-09-15"
    (inbox / "assignments.csv").write_text(text.replace(row, ",".join(ended)), encoding="utf-8")
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0            # W1 paid 15 days of G1
    (inbox / "assignments.csv").write_text(text, encoding="utf-8")             # her end date cleared
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER, [survey(f"O{i}", g, f"{g}-1-10{i}", ("4",) * 5,
                                                                        "2026-10-10 10:00:00") for i, g in
                                                                 enumerate(("G1", "G2"))])
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox)
    assert code == 0 and "W1 on G1: 30 days (paid 15)" in err, err
    assert "days added to a published month are most often a row reopened, its end date cleared on a worker's return" in err


def test_a_correction_taking_one_file_is_told_the_other_file_it_needs(run_cli, published_copy):
    """Trial 158's September correction, --take assignments, was told W08 was not in workers.csv "(did you mean W07 or
    W06?)": today's workers.csv had W08, the published one read by --reference published did not."""
    inbox, _ = published_copy("none")
    _new_phone(inbox)
    with (inbox / "workers.csv").open("a", encoding="utf-8") as handle:
        handle.write("W5,赵敏,,700.00\n")
    with (inbox / "assignments.csv").open("a", encoding="utf-8") as handle:
        handle.write("W5,G2,2026-09-20,,\n")
    code, err = run_cli("run", "--month", "2026-09", "--reference", "published", "--take", "assignments",
                        "--reason", "补录分工", inbox=inbox)
    assert code == 2 and ("worker_id 'W5' is not in workers.csv: today's workers.csv has W5, but --reference "
                          "published reads 2026-09's workers.csv as it was published; add --take workers too if its "
                          "change is 2026-09's") in err and "did you mean" not in err, err


def test_a_later_months_adjustment_for_a_worker_with_no_day_in_it_is_said(run_cli, make_inbox):
    # trial 292: a leaver's deduction spread over the months after, as the negative-total stop advised: November
    # published without a word, and only December's run stopped on the row no run pays
    inbox = make_inbox()
    with (inbox / "adjustments.csv").open("a", encoding="utf-8") as rows:
        rows.write("W2,2026-10,-120.00,扣回多发,人事科 陈主任\nW1,2026-10,30.00,补贴,人事科 陈主任\n")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0 and "gives W2 -120.00 for 2026-10, a month assignments.csv gives that worker no day in" in err, err
    assert "gives W1" not in err                                      # W1 works October: October's run pays it
