"""gridpay command line: a thin shell over the core (pipeline/run.py) and the Prefect flows."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from gridpay.core.build import VersionAction
from gridpay.core.errors import ConfigError, GateFailed
from gridpay.flows import commands, form_commands
from gridpay.flows.commands import demo_settings, settings_for
from gridpay.flows.help_texts import EXIT_CODES, LOCATION_HELP, PROJECT_HELP, QUESTIONNAIRE_HELP, SERVE_HELP
from gridpay.flows.taken_files import TAKEN, taken_name
from gridpay.core.logs import CommandLog, log_file, visible
from gridpay.core.machine import fault_line
from gridpay.core.modes import make_private
from gridpay.core.month import month_text
from gridpay.core.settings import absolute, environment_over_project, find_project

log = logging.getLogger("gridpay")

COMMAND_LOCATIONS = {   # each command offers only the locations it uses
    "demo": ("inbox", "out", "db", "policy"), "run": ("inbox", "out", "db", "policy"),
    "audit": ("out", "db"), "finalize": ("inbox", "out", "db"), "appeals": ("inbox", "out", "db"),
    "callsheet": ("out", "db"), "render": ("out", "db"), "history": ("db",), "doctor": ("out", "db"),
    "purge": ("db",), "serve": ("inbox", "out", "db", "policy"), "inspect": ("inbox", "policy"),
    "questionnaire": ("inbox", "policy"), "init": (),
}


def _month(text: str) -> str:
    try:
        return month_text(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _project_found() -> str:
    try:
        found = find_project()
    except OSError:
        found = None
    return f"  here: {found}" if found else "  here: none (no gridpay.toml in this folder or above)"


def _command(sub, name: str, help_text: str, description: str | None = None) -> argparse.ArgumentParser:
    epilog = EXIT_CODES if name in ("demo", "init") else f"{PROJECT_HELP}\n{_project_found()}\n\n{EXIT_CODES}"
    parser = sub.add_parser(name, help=help_text, description=description or help_text, epilog=epilog,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    if COMMAND_LOCATIONS[name]:
        group = parser.add_argument_group("locations (default: environment, then gridpay.toml, then built-in)"
                                          if name != "demo" else "locations (default: under --dir)")
        for location in COMMAND_LOCATIONS[name]:
            group.add_argument(f"--{location}", help=LOCATION_HELP[location])
    parser.add_argument("--debug", action="store_true", help="print library messages and tracebacks too")
    return parser


def _run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="report language (default zh)")
    parser.add_argument("--reports", choices=("all", "hr", "none"), default="all", help="all: HR scorecard and "
                        "worker sheets (default); hr: the HR scorecard only; none: the CSVs only")
    parser.add_argument("--prefect", action=argparse.BooleanOptionalAction, default=None,
                        help="run as a Prefect flow (default: when PREFECT_API_URL names a Prefect server)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gridpay", description="Residents' satisfaction surveys to grid workers' performance pay.",
        epilog=f"{PROJECT_HELP}\n{_project_found()}\n\n{EXIT_CODES}", formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=VersionAction, nargs=0, help="show the build (as runs record it) and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add_commands in (_setup_commands, _month_commands, _warehouse_commands, _tool_commands):
        add_commands(sub)
    return parser


def _setup_commands(sub) -> None:
    """init, demo: a project folder, the demo community."""
    init = _command(sub, "init", "make a project folder: gridpay.toml, inbox/, out/, warehouse/",
                    "Make a project folder: gridpay.toml naming its inbox, out, warehouse, archive and logs (paths "
                    "relative to the folder), and those folders (private). Every gridpay command then run in "
                    "the folder or any folder below it finds gridpay.toml and needs no location flags.")
    init.add_argument("dir", nargs="?", default=".", help="the project folder (default: this folder)")
    init.add_argument("--community", help="the community's name (default: the folder's name)")
    init.add_argument("--example", action="store_true", help="put the example community into inbox/ (天井湖社区: "
                      "four grids, five workers, a 问卷星 download of 2026-10), to try the README's first month on")
    demo = _command(sub, "demo", "generate the demo community and run every month end to end (and leave a "
                                 "gridpay.toml in its folder)")
    demo.add_argument("--dir", default="demo", help="demo folder for inbox, out and warehouse (default ./demo)")
    demo.add_argument("--seed", type=int, default=2012, help="random seed of the demo community (default 2012)")
    demo.add_argument("--households", type=int, default=4900, help="households in the community (default 4900)")
    demo.add_argument("--months", type=int, default=12, help="months to generate and run (default 12)")
    demo.add_argument("--end-month", type=_month, default="2026-10", help="the last month (default 2026-10)")
    demo.add_argument("--communities", type=int, choices=range(1, 5), default=1,
                      help="communities the demo's areas form (default 1; 2 or more: one HR scorecard per "
                           "community and a district roll-up)")
    _run_options(demo)


def _month_commands(sub) -> None:
    """run, audit, callsheet, finalize, appeals, render: one month's life."""
    run = _command(sub, "run", "run one month")
    run.add_argument("--month", type=_month, required=True, help="the month to run, YYYY-MM")
    run.add_argument("--reason", help="why: required to re-run a finalized month (a correction)")
    run.add_argument("--allow-empty-month", action="store_true",
                     help="publish a month that has no survey file (every worker at the neutral coefficient)")
    run.add_argument("--reference", choices=("published", "inbox"),
                     help="re-running a published month whose reference files (grids, workers, assignments, "
                          "adjustments) or policy changed since: published = the ones it was published from, "
                          "inbox = today's (the change applies to the month too); without it such a run stops")
    run.add_argument("--take", action="append", type=taken_name, choices=TAKEN, default=[], metavar="|".join(TAKEN),
                     help="with --reference published: take this one of today's files for the month too, the rest "
                          "as published (a late adjustment: --take adjustments)")
    for flag, what in (("exclusions", "an exclusion rule removed more than the policy's share of a grid's answers "
                                      "(gate.max_excluded_share)"), ("fewer-answers", "the survey files lack answers the "
                       "published run counted (gate.published_answers), a community has none (gate.silent_communities), "
                       "or a month before it has no run in this warehouse"), ("more-answers", "a grid's answers "
                       "doubled through a file answering no other grid (gate.lone_file_surges)")):
        run.add_argument(f"--accept-{flag}", action="store_true", help=f"publish although {what}; recorded with the run and printed on the scorecard")
    run.add_argument("--new-phone-key", action="store_true", help="the phone-hash key was replaced on purpose "
                     "(SECURITY.md, rotation): run with it although the last published month was hashed with another")
    run.add_argument("--dask-workers", type=int, default=0, metavar="N",
                     help="stage the district survey files on a local Dask cluster of N processes "
                          "(or on the cluster at GRIDPAY_DASK_ADDRESS); 0 = in this process (default)")
    _run_options(run)
    audit = _command(sub, "audit", "re-run a month from its archived inputs and compare; exit 1 on any difference")
    audit.add_argument("--month", type=_month, required=True, help="the month to audit, YYYY-MM")
    audit.add_argument("--run-id", help="the run to audit (default: the month's published run)")
    audit.add_argument("--dask-workers", type=int, default=0, metavar="N",
                       help="re-run on a Dask cluster of N processes (or the one at GRIDPAY_DASK_ADDRESS), as a "
                            "partitioned run does; 0 = in this process (default)")
    audit.add_argument("--documents", action="store_true",
                       help="also render the month's HTML and PDF documents from the warehouse and compare them byte "
                            "for byte with the published ones (a worker sheet edited with its recorded hash)")
    sheet = _command(sub, "callsheet", "write the phone numbers of the month's verification calls and callbacks "
                                       "to a file of your own (0600, never inside out/); each disclosure is recorded")
    sheet.add_argument("--month", type=_month, required=True, help="the published month, YYYY-MM")
    sheet.add_argument("--by", required=True, help="who takes the numbers (name; recorded, shown by history)")
    sheet.add_argument("--to", required=True, help="the file to write (a new file outside out/)")
    final = _command(sub, "finalize", "finalize a month: later runs need --reason and are corrections")
    final.add_argument("--month", type=_month, required=True, help="the month to finalize, YYYY-MM")
    final.add_argument("--by", required=True, help="who finalizes (name)")
    final.add_argument("--force", action="store_true",
                       help="finalize although the appeal window is open or an appeal is pending (needs --reason)")
    final.add_argument("--reason", help="why the month is final before its appeals are (recorded)")
    appeals = _command(sub, "appeals", "list a month's appeals with their status and, for each pending one, the "
                                       "appellant's total pay if it were upheld (computed, not stored)")
    appeals.add_argument("--month", type=_month, required=True, help="the month, YYYY-MM")
    render = _command(sub, "render", "render a published month's reports again from the warehouse (after a run "
                                     "with --reports none or hr)")
    render.add_argument("--month", type=_month, required=True, help="the month, YYYY-MM")
    render.add_argument("--reports", choices=("all", "hr"), default=None,
                        help="all: HR scorecard and worker sheets; hr: the HR scorecard only "
                             "(default: what the month was published with, or all if none)")
    render.add_argument("--lang", choices=("zh", "en"), default=None,
                        help="report language (default: the published scorecard's, else zh)")


def _warehouse_commands(sub) -> None:
    """history, doctor, purge: the warehouse as a whole."""
    history = _command(sub, "history", "list the runs of a month")
    history.add_argument("--month", type=_month, required=True, help="the month, YYYY-MM")
    doctor = _command(sub, "doctor", "check the warehouse against the published files and the archive; remove "
                                     "work folders that killed runs left")
    doctor.add_argument("--encrypt-archive", action="store_true",
                        help="seal archived files stored in clear (or under a rotated-out key) with the current "
                             "archive key, then check")
    purge = _command(sub, "purge", "drop raw survey data past retention (GRIDPAY_RETENTION_MONTHS), keep aggregates and hashes")
    purge.add_argument("--before", type=_month, help="purge months before this one (default: by the retention setting)")


def _tool_commands(sub) -> None:
    """inspect, questionnaire, serve: before a run, and the schedule."""
    inspect = _command(sub, "inspect", "show how gridpay reads a survey file (a platform download, a sheet) before a run",
                       "Show the format found, how each header maps to gridpay's columns, the rows per month and "
                       "the first rows as gridpay reads them (phone numbers masked). Nothing is stored.")
    inspect.add_argument("file", help="the survey file (.csv, .xls, .xlsx)")
    questionnaire = _command(sub, "questionnaire", "print the recommended form in the platform's batch-import text, "
                                                   "grids from grids.csv", QUESTIONNAIRE_HELP)
    questionnaire.add_argument("--community", help="the community whose form to print (grids.csv naming several)")
    _command(sub, "serve", "register the monthly schedule (GRIDPAY_CRON in GRIDPAY_TIMEZONE) and serve it", SERVE_HELP)


def _log_folder(args: argparse.Namespace) -> Path:
    try:
        return (demo_settings(args) if args.command == "demo" else settings_for(args)).logs
    except ConfigError:
        return absolute("gridpay-logs")


def _say_project(args: argparse.Namespace) -> None:
    """The command's first line names the gridpay.toml it read, so that nobody guesses."""
    if args.command in ("demo", "init") or (project := find_project()) is None:
        return
    if args.command != "doctor":      # doctor's first line names it, with the warehouse and out/
        log.info("project file %s", project)
    said_by_run = "GRIDPAY_POLICY=" if args.command == "run" else "\0"      # the run says it, on the scorecard too
    for line in (x for x in environment_over_project(project) if not x.startswith(said_by_run)):
        log.warning("%s (unset it to use the project's)", line)


def _warehouse(args: argparse.Namespace) -> Path | None:
    try:
        return (demo_settings(args) if args.command == "demo" else settings_for(args)).db
    except ConfigError:
        return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    umask = make_private()  # every file and folder this command creates: 0600 / 0700 (GRIDPAY_SHARE_GROUP: 0640 / 0750)
    logs = CommandLog(log_file(_log_folder(args), args.command), args.debug) if args.command != "init" else \
        CommandLog(log_file(absolute(args.dir) / "warehouse" / "logs", "init"), args.debug)
    try:
        _say_project(args)
        return COMMANDS[args.command](args, logs)
    except GateFailed as exc:      # a month stopped at a gate; finalize's refusal says what it is itself
        logs.keep(line := f"{exc.heading + ': ' if args.command in ('run', 'demo') else ''}{exc}")
        print(visible(f"gridpay: {line}", "\n\t"), file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(visible(f"gridpay: {exc}", "\n\t"), file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 (anything else is a fault or a bug: exit 2, never 1)
        fault = fault_line(exc, args.command, _warehouse(args))
        if fault:    # a full disk, a corrupt warehouse, a lost share, however deep it is wrapped
            log.debug("machine fault", exc_info=True)
            print(f"gridpay: {fault}", file=sys.stderr)
            return 2
        logging.getLogger("gridpay_trace").error("unexpected error in gridpay %s", args.command, exc_info=True)
        where = f"; the traceback is in {logs.path}" if logs.written() else ""
        print(f"gridpay: unexpected error in `gridpay {args.command}`: {type(exc).__name__}: {exc}{where}",
              file=sys.stderr)
        return 2
    finally:
        logs.close()
        os.umask(umask)     # main() may run many times in one process (the tests)


COMMANDS = {"demo": commands.demo, "run": commands.run, "audit": commands.audit, "finalize": commands.finalize,
            "callsheet": commands.callsheet, "appeals": commands.appeals, "render": commands.render,
            "history": commands.history, "doctor": commands.doctor, "purge": commands.purge, "serve": commands.serve,
            "inspect": form_commands.inspect, "questionnaire": form_commands.questionnaire, "init": commands.init}


if __name__ == "__main__":
    sys.exit(main())
