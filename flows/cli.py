"""gridpay command line.

Exit status: 0 done; 1 the month did not pass the validation gate, or an audit found a difference;
2 bad usage or configuration, or the machine failed the run (a full disk): one line naming what is wrong."""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

from gridpay.core.errors import ConfigError, GateFailed
from gridpay.core.settings import Settings, settings_from_env

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _month(text: str) -> str:
    if not MONTH.match(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a month in the form YYYY-MM")
    return text


def _locations(parser: argparse.ArgumentParser, lang: bool = True) -> None:
    group = parser.add_argument_group("locations (default: environment, then built-in)")
    group.add_argument("--inbox", help="inbox folder (GRIDPAY_INBOX, default ./inbox)")
    group.add_argument("--out", help="output folder (GRIDPAY_OUT, default ./out)")
    group.add_argument("--db", help="DuckDB warehouse file (GRIDPAY_DB, default ./warehouse/gridpay.duckdb)")
    group.add_argument("--policy", help="policy TOML (GRIDPAY_POLICY, default policies/default.toml)")
    if lang:
        parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="report language (default zh)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gridpay", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="generate the demo community and run every month end to end")
    demo.add_argument("--dir", default="demo", help="demo folder for inbox, out and warehouse (default ./demo)")
    demo.add_argument("--seed", type=int, default=2012)
    demo.add_argument("--households", type=int, default=4900)
    demo.add_argument("--months", type=int, default=12)
    demo.add_argument("--end-month", type=_month, default="2026-10")
    _locations(demo)
    run = sub.add_parser("run", help="run one month")
    run.add_argument("--month", type=_month, required=True)
    run.add_argument("--reason", help="why: required to re-run a finalized month (a correction)")
    run.add_argument("--dask-workers", type=int, default=0, metavar="N",
                     help="stage the district survey files on a local Dask cluster of N processes "
                          "(or on the cluster at GRIDPAY_DASK_ADDRESS); 0 = in this process (default)")
    _locations(run)
    audit = sub.add_parser("audit", help="re-run a month from its archived inputs and compare; exit 1 on any difference")
    audit.add_argument("--month", type=_month, required=True)
    audit.add_argument("--run-id", help="the run to audit (default: the month's published run)")
    _locations(audit)
    final = sub.add_parser("finalize", help="finalize a month: later runs need --reason and are corrections")
    final.add_argument("--month", type=_month, required=True)
    final.add_argument("--by", required=True, help="who finalizes (name)")
    _locations(final, lang=False)
    history = sub.add_parser("history", help="list the runs of a month")
    history.add_argument("--month", type=_month, required=True)
    _locations(history, lang=False)
    doctor = sub.add_parser("doctor", help="check the warehouse against the published manifests and the archive")
    _locations(doctor, lang=False)
    purge = sub.add_parser("purge", help="drop raw survey data past retention (GRIDPAY_RETENTION_MONTHS), keep aggregates and hashes")
    purge.add_argument("--before", type=_month, help="purge months before this one (default: by the retention setting)")
    _locations(purge, lang=False)
    serve = sub.add_parser("serve", help="register the monthly schedule (GRIDPAY_CRON in GRIDPAY_TIMEZONE) and serve it")
    _locations(serve, lang=False)
    return parser


def _settings(args: argparse.Namespace, base: Path | None = None) -> Settings:
    s = settings_from_env(base).with_overrides(inbox=args.inbox, out=args.out, db=args.db, policy=args.policy)
    if args.command in ("run", "demo", "serve") and not s.policy.is_file():
        raise ConfigError(f"{s.policy}: policy file not found")
    return s


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except GateFailed as exc:
        print(f"gridpay: validation gate failed: {exc}", file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"gridpay: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:   # a full disk, a lost share: the run is recorded as failed, nothing published
        print(f"gridpay: {exc.strerror or exc} ({exc.filename or 'while writing'}); the run is recorded as failed "
              f"and the months published before are untouched", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from gridpay.flows.month import run_month  # Prefect and GX load only when a run needs them
    s = _settings(args)
    target = run_month(args.month, str(s.inbox), str(s.out), str(s.db), str(s.policy), str(s.key_file),
                       str(s.archive), args.lang, args.reason, s.lock_timeout_s, args.dask_workers)
    print(f"gridpay: {args.month} published to {target}")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from gridpay.core.audit import audit_month
    s = _settings(args)
    result = audit_month(args.month, str(s.out), str(s.db), str(s.key_file), str(s.archive), args.run_id,
                         args.lang, s.lock_timeout_s)
    print(f"gridpay audit {result.month}, run {result.run_id} (code {result.original_code}; re-run with "
          f"{result.rerun_code}):")
    for line in result.checked:
        print(f"  checked: {line}")
    for line in result.differences:
        print(f"  DIFFERENT: {line}")
    print("AUDIT PASSED: the month reproduces exactly" if result.passed
          else f"AUDIT FAILED: {len(result.differences)} differences")
    return 0 if result.passed else 1


def _finalize(args: argparse.Namespace) -> int:
    from gridpay.store.runs import finalize
    from gridpay.store.run_lock import warehouse_lock
    s = _settings(args)
    with warehouse_lock(s.db, f"gridpay finalize --month {args.month}", s.lock_timeout_s):
        run_id = finalize(s.db, args.month, args.by)
    print(f"gridpay: {args.month} finalized by {args.by} (run {run_id}); a new run now needs --reason")
    return 0


def _history(args: argparse.Namespace) -> int:
    from gridpay.store.history import history_lines
    print("\n".join(history_lines(_settings(args).db, args.month)))
    return 0


def _serve(args: argparse.Namespace) -> int:
    from gridpay.flows.schedule import serve
    s = _settings(args)
    print(f"gridpay: serving the monthly run, cron '{s.cron}' in {s.timezone} (Ctrl-C stops and pauses it)")
    serve(s)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from gridpay.flows.demo import run_demo
    base = Path(args.dir).resolve()
    s = replace(settings_from_env(base), inbox=base / "inbox", out=base / "out", db=base / "warehouse.duckdb",
                archive=base / "archive").with_overrides(inbox=args.inbox, out=args.out, db=args.db, policy=args.policy)
    targets = run_demo(str(s.inbox), str(s.out), str(s.db), str(s.policy), str(s.key_file), str(s.archive),
                       args.seed, args.households, args.months, args.end_month, args.lang)
    print(f"gridpay demo: {len(targets)} months published under {s.out}")
    print(f"  HR scorecard of the last month: {Path(targets[-1]) / 'scorecard.html'}")
    print(f"  worker scorecards:              {Path(targets[-1]) / 'workers'}/")
    print(f"  warehouse:                      {s.db}")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from gridpay.store.maintenance import doctor
    s = _settings(args)
    problems = doctor(s.db, s.out, s.archive)
    for line in problems:
        print(f"  PROBLEM: {line}")
    print("gridpay doctor: the warehouse, out/ and the archive agree" if not problems
          else f"gridpay doctor: {len(problems)} problems")
    return 1 if problems else 0


def _purge(args: argparse.Namespace) -> int:
    from datetime import date

    from gridpay.store.maintenance import purge_before
    from gridpay.store.run_lock import warehouse_lock
    s = _settings(args)
    if args.before:
        first_kept = args.before
    else:
        months = date.today().year * 12 + date.today().month - 1 - s.retention_months
        first_kept = f"{months // 12:04d}-{months % 12 + 1:02d}"
    with warehouse_lock(s.db, "gridpay purge", s.lock_timeout_s):
        rows, files = purge_before(s.db, s.archive, first_kept)
    print(f"gridpay purge: months before {first_kept}: {rows} raw survey rows and {files} archived survey files "
          f"removed; aggregates, payroll and hashes kept")
    return 0


COMMANDS = {"demo": _demo, "run": _run, "audit": _audit, "finalize": _finalize, "history": _history,
            "doctor": _doctor, "purge": _purge, "serve": _serve}


if __name__ == "__main__":
    sys.exit(main())
