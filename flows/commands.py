"""What each gridpay command does, behind the parser of flows/cli.py: each resolves its settings
once and calls the core, the store or the Prefect flows."""
from __future__ import annotations

import argparse
import logging
import os
from dataclasses import replace
from pathlib import Path

from gridpay.core.errors import ConfigError
from gridpay.core.logs import CommandLog, quiet_libraries
from gridpay.core.settings import Settings, absolute, find_project, settings_from_env
from gridpay.flows.project import check_inbox_project
from gridpay.flows.taken_files import taken_files

log = logging.getLogger("gridpay")


def settings_for(args: argparse.Namespace) -> Settings:
    """Arguments over the environment over the nearest gridpay.toml over the defaults."""
    project = find_project()
    settings = settings_from_env(project=project).with_overrides(
        **{k: getattr(args, k, None) for k in ("inbox", "out", "db", "policy")})
    if getattr(args, "inbox", None) is not None:
        check_inbox_project(absolute(args.inbox), project, settings)
    return settings


def _use_prefect(args: argparse.Namespace) -> bool:
    return args.prefect if args.prefect is not None else bool(os.environ.get("PREFECT_API_URL"))


def _run_request(args: argparse.Namespace, settings: Settings, month: str, logs: CommandLog):
    from gridpay.pipeline.context import MonthRequest
    return MonthRequest(month, settings, lang=args.lang, reason=getattr(args, "reason", None),
                        allow_empty=getattr(args, "allow_empty_month", False), reports=args.reports,
                        **{f"accept_{what}": getattr(args, f"accept_{what}", False)
                           for what in ("exclusions", "fewer_answers", "more_answers")},
                        new_phone_key=getattr(args, "new_phone_key", False),
                        dask_workers=getattr(args, "dask_workers", 0), log_file=logs.path,
                        reference=getattr(args, "reference", None), take=taken_files(args))


def run_requests(args: argparse.Namespace, logs: CommandLog, requests: list) -> list[str]:
    """Run months in order, as one Prefect flow run or through the core directly."""
    if _use_prefect(args):
        from gridpay.flows.month import month_flow, months_flow   # Prefect loads only when asked for
        quiet_libraries(logs.file, logs.debug)                       # it installs console handlers on import
        return [month_flow(requests[0])] if len(requests) == 1 else months_flow(requests)
    from gridpay.pipeline.run import run_month
    return [str(run_month(r, stager=stager_for(r.dask_workers)).folder) for r in requests]


def stager_for(workers: int):
    """The Dask stager for --dask-workers N (dask.distributed loads only then); None otherwise."""
    if not workers:
        return None
    from gridpay.flows.partitions import dask_stager
    return dask_stager(workers)


def run(args: argparse.Namespace, logs: CommandLog) -> int:
    s = settings_for(args)
    if not s.inbox.is_dir():        # before a warehouse is made where none was meant to be
        where = (f"the project {s.project} names it" if s.project else "no gridpay.toml here or in a folder above: "
                 "run in your project folder (gridpay init makes one) or give --inbox, --out and --db")
        raise ConfigError(f"{s.inbox}: inbox folder does not exist ({where}); nothing was run")
    run_requests(args, logs, [_run_request(args, s, args.month, logs)])
    return 0


def audit(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.pipeline.audit import audit_month
    result = audit_month(settings_for(args), args.month, args.run_id, args.dask_workers, stager_for(args.dask_workers), args.documents)
    print(f"gridpay audit {result.month}, run {result.run_id} (code {result.original_code}; re-run with "
          f"{result.rerun_code}):")
    for line in result.checked:
        print(f"  checked: {line}")
    for line in result.notes:
        print(f"  not checked: {line}")
    for line in result.differences:
        print(f"  DIFFERENT: {line}")
    found = len(result.differences)
    print((f"AUDIT PASSED: run {result.run_id} reproduces exactly; it is not what the month pays now (run "
           f"{result.replaced_by} is)" if result.replaced_by else "AUDIT PASSED: the month reproduces exactly")
          if result.passed else f"AUDIT FAILED: {found} difference{'s' * (found != 1)}")
    return 0 if result.passed else 1


def finalize(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.pipeline.rerender import finalize_month
    s = settings_for(args)
    if args.force and not (args.reason or "").strip():       # " " is no reason (a fifty-fourth trial's was taken)
        raise ConfigError("finalize --force needs --reason \"...\": why the month is final before its appeals are")
    run_id, rendered, already, forced_shown = finalize_month(s, args.month, args.by, args.reason if args.force else None)
    if already:
        print(f"gridpay: {args.month} was finalized already, by {already[1]} at {already[2]} (run {run_id}); "
              f"nothing changed")
        return 0
    forced = ", that --force did it and why; its worker sheets and notice are rendered again (提前定稿 where the window was open)"
    marked = (f"; its HR scorecard in {s.out / args.month} now says 已定稿{forced if forced_shown else ''}" if rendered
              else "; it was published without reports (gridpay render renders them, marked final)")
    print(f"gridpay: {args.month} finalized by {args.by} (run {run_id}){marked}; a new run now needs --reason")
    return 0


def callsheet(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.pipeline.callsheet import results_file, sheet_summary, write_call_sheet
    s = settings_for(args)
    lines, numbers, masked, shared = write_call_sheet(s, args.month, args.by, absolute(args.to))
    print(f"gridpay: {absolute(args.to)}: {sheet_summary(args.month, lines, numbers, masked, shared)}; the disclosure to "
          f"{args.by} is recorded (gridpay history). Delete the file when the calls are done")
    print(f"gridpay: {results_file(args.month)}")
    return 0


def appeals(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.pipeline.appeals_report import appeal_table, month_appeals
    print("\n".join(appeal_table(args.month, *month_appeals(settings_for(args), args.month))))
    return 0


def render(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.pipeline.rerender import render_month
    s = settings_for(args)
    outputs = render_month(s, args.month, args.reports, args.lang)
    print(f"gridpay: rendered the reports of {args.month} from the warehouse into {s.out / args.month} "
          f"({len(outputs)} files, their hashes recorded)")
    return 0


def history(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.store.history import history_lines
    print("\n".join(history_lines(settings_for(args).db, args.month)))
    return 0


def serve(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.flows.schedule import require_prefect_server, serve
    require_prefect_server()
    s = settings_for(args)
    print(f"gridpay: serving the monthly run, cron '{s.cron}' in {s.timezone} (Ctrl-C stops and pauses it); "
          f"every run of it uses inbox {s.inbox}, out {s.out}, warehouse {s.db}, policy {s.policy}")
    serve(s)
    return 0


def init(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.flows.project import CONTACT_HINT, init_project
    folder = absolute(args.dir)
    outer = find_project(folder)
    project = init_project(folder, args.community, args.example)
    inbox = ("the example community: grids.csv, workers.csv, assignments.csv and surveys/2026-10/" if args.example else
             "put grids.csv, workers.csv, assignments.csv, adjustments.csv and surveys/ there")
    print(f"gridpay: project {_shown(folder) if folder != Path.cwd() else '.'} made: {_shown(project)}, "
          f"policy.toml (a copy of the shipped policy {_policy_version()} to change, if your rules differ: then name "
          f"it in gridpay.toml), inbox/ ({inbox}), out/, warehouse/")
    if outer is not None:
        print(f"  it lies inside the project {outer}: below {_shown(folder)}, gridpay now reads the new one")
    print(f"  from {_shown(folder)} or any folder below it: gridpay run --month YYYY-MM\n{CONTACT_HINT}")
    return 0


def _policy_version() -> str:
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    return load_policy(DEFAULT_POLICY).version


def demo_settings(args: argparse.Namespace) -> Settings:
    base = absolute(args.dir)
    return replace(settings_from_env(base), inbox=base / "inbox", out=base / "out", db=base / "warehouse.duckdb",
                   archive=base / "archive", logs=base / "logs").with_overrides(
        inbox=args.inbox, out=args.out, db=args.db, policy=args.policy)


def _shown(path: Path) -> str:
    """A path as the user would type it here: relative below the current folder."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def demo(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.flows.demo_data import DemoScale, write_demo_inbox
    from gridpay.flows.project import write_demo_project
    s = demo_settings(args)
    months = write_demo_inbox(s.inbox, DemoScale(households=args.households, months=args.months,
                                                 end_month=args.end_month, seed=args.seed,
                                                 communities=args.communities))
    log.info("demo inbox with %d months written to %s", len(months), s.inbox)
    targets = run_requests(args, logs, [_run_request(args, s, m, logs) for m in months])
    project = write_demo_project(absolute(args.dir), s)
    last, where = months[-1], f"--db {_shown(s.db)}"
    print(f"gridpay demo: {len(targets)} months published under {_shown(s.out)}")
    print(f"  HR scorecard of the last month: {_shown(Path(targets[-1]) / 'scorecard.html')}")
    print(f"  worker scorecards:              {_shown(Path(targets[-1]) / 'workers')}/")
    print(f"  residents' notice (公示):        {_shown(Path(targets[-1]) / 'notice')}/")
    print(f"  warehouse:                      {_shown(s.db)}")
    print("As an auditor, from this folder:")
    print(f"  gridpay history --month {last} {where}")
    print(f"  gridpay audit --month {last} {where} --out {_shown(s.out)}")
    if project is not None:
        print(f"  or inside {_shown(project.parent)}/, whose {project.name} names them: gridpay audit --month {last}")
    return 0


def doctor(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.core.modes import open_files_said, too_open
    from gridpay.core.secret_key import ArchiveKeys
    from gridpay.pipeline.maintenance import archive_problems, doctor, encrypt_archive, tidy_up_if_idle
    s = settings_for(args)
    print(f"gridpay doctor: project file {s.project or 'none (no gridpay.toml here or above)'}; warehouse {s.db}, "
          f"out {s.out}, archive {s.archive}")
    problems = doctor(s.db, s.out, s.archive, s.inbox, s.policy)
    if args.encrypt_archive:
        sealed = encrypt_archive(s.db, s.out, s.archive, ArchiveKeys(s.archive_key_file))
        print(f"  sealed {sealed} archived files under the current key of {s.archive_key_file}")
    problems += archive_problems(s.archive, ArchiveKeys(s.archive_key_file, create=False))
    roots = [s.db, s.db.with_name(s.db.name + ".lock"), s.db.with_name(s.db.name + ".wal"), s.out, s.archive, s.logs]
    problems += open_files_said(too_open(roots), [r for r in roots if r.exists()])
    closed, removed = tidy_up_if_idle(s.db, s.out)
    if closed:
        print(f"  recorded {closed} interrupted runs as failed")
    if removed:
        print(f"  removed {removed} work folders that interrupted commands left in {s.out}")
    for line in problems:
        print(f"  PROBLEM: {line}")
    print("gridpay doctor: the warehouse, out/ and the archive agree (files and hashes; gridpay audit re-runs a month's "
          "figures)" if not problems
          else f"gridpay doctor: {len(problems)} problem{'s' * (len(problems) != 1)}")
    return 1 if problems else 0


def purge(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.pipeline.maintenance import exclusive
    from gridpay.pipeline.purges import kept_months_checked, purge_before
    from gridpay.store.warehouse import require_warehouse
    s = settings_for(args)
    first_kept = kept_months_checked(args.before, s.retention_months)
    # purge takes no --out: it clears out/ of interrupted commands' folders only where GRIDPAY_OUT names it
    out = s.out if os.environ.get("GRIDPAY_OUT") else None
    with exclusive(require_warehouse(s.db), out, "gridpay purge", s.lock_timeout_s):
        rows, files = purge_before(s.db, s.archive, first_kept)
    print(f"gridpay purge: months before {first_kept}: {rows} raw survey rows and {files} archived survey files "
          f"removed; aggregates, payroll and hashes kept")
    return 0
