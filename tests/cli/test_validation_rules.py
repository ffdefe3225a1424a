"""Each survey validation rule, run by the real GX suite, quarantines exactly the row that breaks it."""
import csv

import pytest

from conftest import SURVEY_HEADER, survey, write_csv


# the rules are tested on months where one grid of two answers: not a grid whose download is missing
@pytest.fixture
def make_policy(make_policy):
    return lambda **keys: make_policy(**{"silent_grids": '"unchecked"', **keys})


@pytest.fixture(autouse=True)
def _one_grid_answers(make_policy, monkeypatch):
    monkeypatch.setenv("GRIDPAY_POLICY", str(make_policy()))

GOOD = [survey(f"OK{i}", "G1", f"G1-2-{i:03d}", ("4", "4", "4", "4", "4")) for i in range(1, 61)]
CASES = [
    ({"response_id": ""}, "response_id is blank"),
    ({"grid_id": ""}, "grid_id is blank"),
    ({"grid_id": "G9"}, "grid_id 'G9' is not in grids.csv"),
    ({"household_id": ""}, "household_id is blank"),
    ({"submitted_at": "soon"}, "submitted_at 'soon' is blank or not a date-time"),
    ({"submitted_at": "2026-10-01 00:00:00"}, "submitted_at '2026-10-01 00:00:00' is outside the month"),
    ({"submitted_at": "2026-08-31 23:59:59"}, "submitted_at '2026-08-31 23:59:59' is outside the month"),
    ({"channel": "fax"}, "channel 'fax' is not one of wechat, paper, phone, visit, online, other"),
    ({"duration_s": "12s"}, "duration_s '12s' is not a whole number"),
    ({"sat_overall": "0"}, "sat_overall '0' is not 1-5 or blank"),
    ({"sat_safety": "6"}, "sat_safety '6' is not 1-5 or blank"),
]


def _row(n, **changes):
    values = dict(zip(SURVEY_HEADER, survey(f"BAD{n}", "G1", f"G1-9-{n:03d}", ("4", "4", "4", "4", "4"))))
    values.update(changes)
    return tuple(values[c] for c in SURVEY_HEADER)


def _quarantine(tmp_path):
    with (tmp_path / "out" / "2026-09" / "quarantine.csv").open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_each_rule_quarantines_exactly_its_row(run_cli, make_inbox, tmp_path):
    bad = [_row(n, **changes) for n, (changes, _) in enumerate(CASES)]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": GOOD + bad}))
    assert code == 0, err
    by_row = {int(q["row_number"]): q for q in _quarantine(tmp_path)}
    assert len(by_row) == len(CASES)
    for n, (_, reason) in enumerate(CASES):
        row = by_row[len(GOOD) + 2 + n]          # header is row 1
        assert row["reason"] == f"invalid: {reason}", (n, row)
        assert row["source_file"] == "surveys/2026-09.csv"
        assert row["response_id"] == ("" if n == 0 else f"BAD{n}")


def test_a_response_id_on_two_rows_of_a_file_stops_the_month_or_quarantines_both(run_cli, make_inbox, make_policy,
                                                                                 tmp_path):
    """An eighth field trial's two paper forms typed as P7 were both quarantined: two homes lost, exit 0."""
    rows = GOOD + [_row(1, response_id="OK1")]
    inbox = make_inbox({"2026-09.csv": rows})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "nothing published. 'surveys/2026-09.csv' uses 1 response id on more than one row: " \
                          f"OK1 (rows 2, {len(GOOD) + 2}). Give each form its own number" in err
    assert not (tmp_path / "out" / "2026-09").exists()
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox,
                        policy=make_policy(version='"own-1"', gate__response_ids_within_file='"quarantine"'))
    assert code == 0, err
    reasons = [q["reason"] for q in _quarantine(tmp_path)]
    assert reasons == ["invalid: response_id 'OK1' is used more than once in the month"] * 2
    # the same answers twice under their ids: two downloads pasted into one sheet (a sixty-first trial was told to
    # number its forms P1, P2 ... and ran into a second stop)
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, GOOD + GOOD[:3])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "x", inbox=inbox)
    assert code == 1 and "The rows under each id are one answer (its time, grid and home) typed or pasted twice: " \
                          "delete the copies, keeping one row of each" in err and "P1, P2" not in err.splitlines()[-1], err


def test_blank_items_are_not_applicable_not_invalid(run_cli, make_inbox, tmp_path):
    rows = GOOD + [_row(1, sat_safety="", sat_service="")]
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": rows}))
    assert code == 0, err
    assert _quarantine(tmp_path) == []


def test_a_slash_date_that_reads_two_ways_is_refused_and_one_that_reads_one_way_counts(run_cli, make_inbox, tmp_path):
    rows = GOOD + [_row(1, submitted_at="09/08/2026 11:00"),        # 8 September or 9 August: not guessed
                   _row(2, submitted_at="2026/09/08 11:00"), _row(3, submitted_at="25/09/2026 11:00"),
                   _row(4, submitted_at="09/09/2026 11:00")]        # the same either way
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox({"2026-09.csv": rows}))
    assert code == 0, err
    assert [(q["response_id"], q["reason"], q["reason_code"]) for q in _quarantine(tmp_path)] == [
        ("BAD1", "invalid: submitted_at '09/08/2026 11:00' could be day/month/year or month/day/year: write the year "
                 "first (YYYY-MM-DD)", "ambiguous_date")]


def test_an_assignment_to_a_grid_grids_csv_lacks_stops_only_the_months_it_covers(run_cli, make_inbox, tmp_path):
    """A thirty-fourth trial entered November's new grid BJ04 in assignments.csv ahead: September stopped,
    'grid_id 'BJ04' is not in grids.csv' (exit 2), though no day of September was assigned to it."""
    ahead = [("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", ""), ("W3", "G9", "2026-10-01", "", "")]
    october = [tuple(v.replace("2026-09", "2026-10") for v in row) for row in GOOD]
    inbox = make_inbox({"2026-09.csv": GOOD, "2026-10.csv": october}, assignments=ahead)
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err
    code, err = run_cli("run", "--month", "2026-10", "--reports", "none", inbox=inbox)
    assert code == 2 and "grid_id 'G9' is not in grids.csv" in err
    # a fifty-sixth trial's grid merged away, its worker's row ended before the month: no day of it, no stop
    ended = [*ahead[:2], ("W3", "G9", "2026-01-01", "2026/9/30", ""), ("W3", "G2", "2026-10-01", "", "")]
    code, err = run_cli("run", "--month", "2026-10", "--reports", "none", inbox=make_inbox(
        {"2026-10.csv": october}, assignments=ended, name="ended"), out=tmp_path / "ended", db=tmp_path / "e.duckdb")
    assert code == 0, err


def test_a_rerun_on_a_grids_csv_that_lost_a_grid_since_says_how_to_rerun_as_published(run_cli, make_inbox, tmp_path):
    """A fifty-eighth trial re-ran August after G08 was merged away: its worker's row, ended 08-31, stopped the
    re-run (exit 2) with 'did you mean G10 or G09?', inviting HR to point a retired grid's row at another."""
    header = ("grid_id", "grid_name", "community", "households")
    grids = [("G1", "天桥新村一网格", "天井湖社区", "20"), ("G2", "井湖村二网格", "天井湖社区", "10")]
    rows = [("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", ""), ("W3", "G9", "2026-01-01", "", "")]
    inbox = make_inbox({"2026-09.csv": GOOD}, assignments=rows)
    write_csv(inbox / "grids.csv", header, [*grids, ("G9", "东关街网格", "天井湖社区", "10")])
    assert run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)[0] == 0
    write_csv(inbox / "grids.csv", header, grids)              # G9 merged away since
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 2 and "grid_id 'G9' is not in grids.csv" in err
    assert "2026-09 was published from the reference files of its day: to re-run it on those, add --reference " \
           "published" in err
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", "--reference", "published", inbox=inbox)
    assert code == 0, err


def test_a_file_mostly_invalid_under_the_gate_is_named_on_the_run(run_cli, make_inbox):
    """A thirty-seventh trial's paper sheet, every row invalid for one column typed one way, was 13% of the
    month: it published, saying only '16 invalid'. The file is now named, with its first reason."""
    paper = [_row(n, channel="fax") for n in range(4)]
    inbox = make_inbox({"2026-09.csv": GOOD, "2026-09-paper.csv": paper})
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err
    line = next(x for x in err.splitlines() if "of its 4 survey rows are invalid" in x)
    assert line.startswith("gridpay: surveys/2026-09-paper.csv: 4 of its 4 survey rows are invalid and count nowhere; "
                           "the first, row 2: channel 'fax' is not one of") and "surveys/2026-09.csv:" not in err

    # five rows or more, every one invalid: the month stops (policy 2027.32; trial 271's sheet dated the day it was typed)
    make_inbox({"2026-09.csv": GOOD, "2026-09-paper.csv": paper + [_row(n, channel="fax") for n in range(4, 6)]})
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and "every row of a survey file, or half or more for one value typed through it, is invalid" in err
    assert "surveys/2026-09-paper.csv: 6 of its 6 survey rows are invalid" in err
    # ... or most of it for one value (trial 271's re-check: one form of eight dated right)
    make_inbox({"2026-09.csv": GOOD, "2026-09-paper.csv": paper + [_row(n, channel="fax") for n in range(4, 6)]
                + [_row(6)]})
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 1 and "surveys/2026-09-paper.csv: 6 of its 7 survey rows are invalid" in err, err

def test_a_phone_column_under_a_header_gridpay_does_not_read_is_said(run_cli, make_inbox):
    """A thirty-seventh trial's paper sheet headed 联系手机 lost its phones without a word, and a worker's rating
    of their own grid counted; its workers.csv headed 手机号码 did so for every worker, with advice to add the phones:
    that stops the month since trial 233 (a payroll export so headed counted a worker's own rating, said only)."""
    header = tuple("联系手机" if c == "respondent_phone" else c for c in SURVEY_HEADER)
    inbox = make_inbox({})
    with (inbox / "surveys" / "2026-09.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *GOOD])
    workers = (inbox / "workers.csv").read_text(encoding="utf-8").replace("phone", "手机号码", 1)
    (inbox / "workers.csv").write_text(workers, encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 2 and ("workers.csv, column '手机号码': the column '手机号码' reads like a phone, but no column is read "
                          "as phone, so no worker's rating of her own grid would be found: name the header in the "
                          "policy's [aliases] (\"手机号码\" = \"phone\") or head the column phone") in err, err
    (inbox / "workers.csv").write_text(workers.replace("手机号码", "phone", 1), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err
    assert ("surveys/2026-09.csv: the column '联系手机' reads like a phone, but no column of the file is read as "
            "respondent_phone") in err and '("联系手机" = "respondent_phone")' in err


def test_a_no_opinion_answer_is_a_skipped_item_and_the_others_count(run_cli, make_inbox, make_policy, tmp_path):
    """A forty-fifth trial's 不了解 on one item made each such answer invalid, its four other items lost
    (policy 2027.1 reads the words [survey.answer_words] calls "blank" as not answered)."""
    from conftest import survey
    rows = [survey(f"K{i}", "G1", f"{i}栋1单元101", ("不了解" if i < 3 else "5", "4", "4", "4", "4")) for i in range(6)]
    inbox = make_inbox({"2026-09.csv": rows})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    assert code == 0, err
    assert "不了解" not in (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    with (tmp_path / "out" / "2026-09" / "grid_scores.csv").open(encoding="utf-8-sig") as handle:
        g1 = next(r for r in csv.DictReader(handle) if r["grid_id"] == "G1")
    assert g1["responses"] == "6"
