"""A finalized month is only re-run as a correction with a reason; history shows every run."""
import pytest
from prefect.client.orchestration import get_client

from conftest import APPEAL_HEADER, RESIDENT_PHONE, WORKER_PHONE, appeal_row, policy_text, write_csv

pytestmark = pytest.mark.usefixtures("closed_window")     # they finalize what they publish


def test_finalized_month_needs_a_reason_and_history_shows_the_correction(run_cli, published_copy, tmp_path):
    inbox, _ = published_copy("none")
    assert run_cli("finalize", "--month", "2026-09", "--by", "人事科 陈主任", inbox=inbox)[0] == 0

    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 2
    assert "2026-09 was finalized by 人事科 陈主任" in err and "needs --reason" in err

    code, err = run_cli("run", "--month", "2026-09", "--reason", "补录纸质问卷", inbox=inbox)
    assert code == 0, err
    assert ("2026-09 is final; if this correction publishes, it is the month's pay as a draft (its scorecard "
            "without 已定稿) until the month is finalized again: gridpay finalize --month 2026-09 --by NAME") in err
    assert run_cli("history", "--month", "2026-09", inbox=inbox)[0] == 0
    lines = run_cli.out.splitlines()
    assert lines[0].startswith("started (UTC)")
    first, correction = lines[1], lines[2]
    assert " replaced " in first and " run " in first and "PUBLISHED" not in first     # a correction replaced it
    assert " correction " in correction and "补录纸质问卷" in correction and "PUBLISHED" in correction
    # same inputs, same outputs: the fingerprints agree
    assert first.split()[6:8] == correction.split()[6:8]
    assert lines[3].startswith("finalized: run ") and "人事科 陈主任" in lines[3]
    assert f"replaced since by the correction {correction.split()[2]}, a draft until finalized again" in lines[3]
    # a second correction: the month is a draft now, not "final" (a twenty-eighth trial read both)
    code, err = run_cli("run", "--month", "2026-09", "--reason", "再次补录", inbox=inbox)
    assert code == 0 and "is final;" not in err
    assert (f"2026-09 was finalized (run {first.split()[2]}) and corrected since (run {correction.split()[2]}, a "
            f"draft); if this correction publishes, it replaces that draft") in err


def test_finalizing_a_final_month_again_keeps_who_signed_it(run_cli, published_copy):
    inbox, _ = published_copy("none")
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "人事科 陈主任", inbox=inbox)
    # its sample was never called: said, as its scorecard asked for the calls before signing (trials 206 and 207)
    assert code == 0 and " of the verification sample (verify.csv: R" in err and "had no call recorded when" in err, err
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "王五", inbox=inbox)
    assert code == 0 and "verification sample" not in err          # nothing finalized: nothing said again
    assert "2026-09 was finalized already, by 人事科 陈主任 at " in run_cli.out and "nothing changed" in run_cli.out
    assert " UTC+8 (run " in run_cli.out          # in the community's time, as its scorecard prints it (trial 145)
    assert run_cli("history", "--month", "2026-09", inbox=inbox)[0] == 0
    assert "人事科 陈主任" in run_cli.out and "王五" not in run_cli.out


def test_a_re_run_that_stops_does_not_say_it_replaces_the_published_run(run_cli, published_copy, tmp_path):
    inbox, _ = published_copy("none")
    policy = tmp_path / "typo.toml"
    policy.write_text(policy_text().replace("[coefficient]\n", "[coefficient]\nfloor_score = 55\n", 1), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 2 and "coefficient.floor_score: no rule reads it" in err
    assert "is published (run" not in err           # trial 68 read "it replaces that run" above the stop
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "2026-09 is published (run 2026-09-" in err and "it replaces that run" in err


def test_a_forced_finalize_replaced_by_a_later_one_stays_in_history_with_its_reason(run_cli, published_copy):
    """A seventy-third trial's October, finalized with --force and a reason, corrected and finalized again, kept no
    trace of the forced finalize, which docs/auditing.md says `history` lists."""
    inbox, _ = published_copy("none")
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5", decision="")])
    assert run_cli("run", "--month", "2026-09", "--reason", "收到申诉", inbox=inbox)[0] == 0
    assert run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "街道统一定稿",
                   inbox=inbox)[0] == 0
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5", decision="驳回")])
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉驳回", inbox=inbox)[0] == 0
    assert run_cli("finalize", "--month", "2026-09", "--by", "王科长", inbox=inbox)[0] == 0
    assert run_cli("history", "--month", "2026-09", inbox=inbox)[0] == 0
    earlier, current = [line for line in run_cli.out.splitlines() if "finalized: run" in line]
    assert earlier.startswith("earlier finalized: run ") and "陈主任" in earlier and "FORCED" in earlier
    assert "街道统一定稿" in earlier and current.startswith("finalized: run ") and "王科长" in current


def test_finalizing_a_month_without_a_published_run_is_refused(run_cli, published_copy):
    inbox, _ = published_copy("none")            # 2026-09 published, 2026-05 never run
    code, err = run_cli("finalize", "--month", "2026-05", "--by", "HR", inbox=inbox)
    assert code == 2 and "2026-05 has no published run to finalize" in err


@pytest.mark.xdist_group("prefect")
def test_run_publishes_prefect_artifacts_without_anyones_pay_unless_the_policy_says(run_cli, make_inbox, make_policy,
                                                                                       prefect_server, tmp_path):
    import json
    from datetime import datetime, timezone

    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    def artifacts_since(start):
        with get_client(sync_client=True) as client:
            found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(
                any_=["payroll-2026-09", "summary-2026-09", "scorecard-2026-09"])))
        return {a.key: a for a in found if a.created >= start}

    start = datetime.now(timezone.utc)
    assert run_cli("run", "--month", "2026-09", "--prefect", inbox=make_inbox())[0] == 0
    artifacts = artifacts_since(start)
    assert set(artifacts) == {"summary-2026-09", "scorecard-2026-09"}
    summary = artifacts["summary-2026-09"].data
    assert "validation gate: **passed**" in summary and "workers paid: 4; total pay ¥" in summary
    # the console's warnings counted, not quoted (trial 83's summary said "passed" of a month that had warned)
    from gridpay.store.warehouse import connect
    with connect(tmp_path / "warehouse.duckdb") as con:
        warned = json.loads(con.execute("select run_notices from runs").fetchone()[0] or "[]")
    assert (f"- **warnings: {len(warned)}**, listed at the top of the HR scorecard" in summary if warned
            else "warnings:" not in summary)
    assert "appeals (申诉): pending 0, upheld 0, rejected 0" in summary      # counts only (issue 26)
    assert "verification calls (回访): confirmed 0, denied 0, coached 0, unreachable 0" in summary
    assert not [name for name in ("王伟", "李娜", "张喆", "刘玥") if name in summary]
    assert not [p for a in artifacts.values() for p in (RESIDENT_PHONE, WORKER_PHONE) if p in str(a.data)]
    assert artifacts["scorecard-2026-09"].data.endswith("/out/2026-09/scorecard.html)")

    start = datetime.now(timezone.utc)
    assert run_cli("run", "--month", "2026-09", "--prefect", "--reference", "inbox", inbox=make_inbox(),
                   policy=make_policy(version='"own-1"', payroll_artifact="true"))[0] == 0
    table = json.loads(artifacts_since(start)["payroll-2026-09"].data)
    assert [row["name"] for row in table] == ["王伟", "李娜", "张喆", "刘玥"]


def test_a_target_workers_csv_gives_otherwise_than_paid_stops_finalize_until_run_or_forced(run_cli, published_copy):
    """Trial 229: a laptop's warehouse, run on workers.csv before W04's target was raised, was copied back over the
    office's; finalize locked in the old target's pay (1576.80 for 1662.85), exit 0, nothing said."""
    inbox, _ = published_copy("hr")
    workers = (inbox / "workers.csv").read_text(encoding="utf-8-sig")
    (inbox / "workers.csv").write_text(workers.replace("1000.00", "1100.00", 1), encoding="utf-8")
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "人事科 陈主任", inbox=inbox)
    assert code == 1 and "workers.csv gives W1 perf_pay_target 1100.00, and run " in err, err
    assert ("paid 2026-09 on 1000.00: if the change is 2026-09's, run the month again first (gridpay run --month "
            "2026-09 --reference inbox); if it is a later month's, finalize 2026-09 as published with --force") in err
    assert err.rstrip().endswith("Do as the line says, then finalize; --force --reason \"...\" (recorded) finalizes the "
                                 "month as published") and "after the window" not in err
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "人事科 陈主任", "--force", "--reason", "12月起调整",
                        inbox=inbox)
    assert code == 0, err
    # the window long closed: forced as published, not early (trial 264's history and scorecard said 提前定稿)
    code, _ = run_cli("history", "--month", "2026-09", inbox=inbox)
    assert "FORCED as published, though today's files differ from its run's: 12月起调整" in run_cli.out
    assert "before the appeal window closed" not in run_cli.out
    scorecard = (inbox.parent / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    assert "按发布版本定稿（定稿时参考文件与发布时不同），原因：12月起调整" in scorecard and "提前定稿" not in scorecard


def test_days_assignments_csv_gives_otherwise_than_paid_stop_finalize(run_cli, published_copy):
    """Finalize compared targets, not days: an older assignments.csv (the handover typed 09-20, not 09-16) copied back
    over the office's would have locked in pay for days the month was not paid on, nothing said."""
    inbox, _ = published_copy("none")
    rows = (inbox / "assignments.csv").read_text(encoding="utf-8-sig")
    (inbox / "assignments.csv").write_text(rows.replace("2026-09-15", "2026/9/19").replace("2026-09-16", "2026-09-20"),
                                           encoding="utf-8")
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "人事科 陈主任", inbox=inbox)
    assert code == 1 and "assignments.csv gives W2 19 days on G2 in 2026-09, and run " in err, err
    assert "paid 15: if the file is right, run the month again first (gridpay run --month 2026-09 --reference inbox)" \
        in err and "assignments.csv gives W3 11 days on G2" in err and "W1 " not in err.split("assignments.csv")[1]
    (inbox / "assignments.csv").write_text(rows, encoding="utf-8")        # the right file back: final
    assert run_cli("finalize", "--month", "2026-09", "--by", "人事科 陈主任", inbox=inbox)[0] == 0
