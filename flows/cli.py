"""gridpay command line: `gridpay demo`, `gridpay run --month YYYY-MM`.

Exit status: 0 done; 1 the month did not pass the validation gate; 2 bad usage or configuration."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from flows.errors import ConfigError, GateFailed
from flows.settings import Settings, settings_from_env

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _month(text: str) -> str:
    if not MONTH.match(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a month in the form YYYY-MM")
    return text


def _locations(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("locations (default: environment, then built-in)")
    group.add_argument("--inbox", help="inbox folder (GRIDPAY_INBOX, default ./inbox)")
    group.add_argument("--out", help="output folder (GRIDPAY_OUT, default ./out)")
    group.add_argument("--db", help="DuckDB warehouse file (GRIDPAY_DB, default ./warehouse/gridpay.duckdb)")
    group.add_argument("--policy", help="policy TOML (GRIDPAY_POLICY, default policies/default.toml)")
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
    _locations(run)
    return parser


def _settings(args: argparse.Namespace, base: Path | None = None) -> Settings:
    return settings_from_env(base).with_overrides(inbox=args.inbox, out=args.out, db=args.db, policy=args.policy)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "demo":
            return _demo(args)
        return _run(args)
    except GateFailed as exc:
        print(f"gridpay: validation gate failed: {exc}", file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"gridpay: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from flows.month import run_month  # Prefect and GX load only when a run needs them
    s = _settings(args)
    if not s.policy.is_file():
        raise ConfigError(f"{s.policy}: policy file not found")
    target = run_month(args.month, str(s.inbox), str(s.out), str(s.db), str(s.policy), str(s.key_file), args.lang)
    print(f"gridpay: {args.month} published to {target}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from flows.demo import run_demo
    base = Path(args.dir).resolve()
    s = settings_from_env(base)
    s = Settings(inbox=base / "inbox", out=base / "out", db=base / "warehouse.duckdb",
                 policy=s.policy, key_file=s.key_file).with_overrides(
        inbox=args.inbox, out=args.out, db=args.db, policy=args.policy)
    targets = run_demo(str(s.inbox), str(s.out), str(s.db), str(s.policy), str(s.key_file), args.seed,
                       args.households, args.months, args.end_month, args.lang)
    print(f"gridpay demo: {len(targets)} months published under {s.out}")
    print(f"  HR scorecard of the last month: {Path(targets[-1]) / 'scorecard.html'}")
    print(f"  worker scorecards:              {Path(targets[-1]) / 'workers'}/")
    print(f"  warehouse:                      {s.db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
