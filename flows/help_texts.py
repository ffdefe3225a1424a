"""The command line's help texts, kept apart from the parser that shows them."""

EXIT_CODES = """exit status:
  0  done
  1  the month was stopped (nothing published; the reasons are printed and kept): too many invalid
     rows, no survey file, many rows naming a grid grids.csv lacks, an exclusion rule removing much
     of a grid, a broken appeals or verification file; or finalize refused (the appeal window open,
     an appeal pending); or an audit found a difference
  2  bad usage or configuration, a machine fault such as a full disk, or an unexpected error:
     one line naming what failed (the traceback is in the command's log file; --debug shows it)"""

PROJECT_HELP = """project file:
  Every command but demo and init reads gridpay.toml from this folder or the nearest folder above
  it (`gridpay init` writes one): its paths are relative to its own folder. Arguments override
  GRIDPAY_* environment variables, which override gridpay.toml, which overrides the defaults
  (./inbox, ./out, ./warehouse/gridpay.duckdb beside gridpay.toml, else in this folder)."""

LOCATION_HELP = {
    "inbox": "inbox folder (GRIDPAY_INBOX, gridpay.toml's inbox, default ./inbox)",
    "out": "output folder (GRIDPAY_OUT, gridpay.toml's out, default ./out)",
    "db": "DuckDB warehouse file (GRIDPAY_DB, gridpay.toml's warehouse, default ./warehouse/gridpay.duckdb)",
    "policy": "policy TOML (GRIDPAY_POLICY, gridpay.toml's policy, default: the policy shipped with gridpay)",
}

QUESTIONNAIRE_HELP = (
    "Print the recommended satisfaction form as text a survey platform's batch import takes (问卷星 批量添加题目), "
    "with the grid question's options taken from the inbox's grids.csv: a form built from it is read by gridpay as "
    "it is downloaded. Where grids.csv names several communities, each has a form of its own, named for it "
    "(--community): a download is read as its form's community's.")

SERVE_HELP = (
    "Register the monthly schedule (GRIDPAY_CRON in GRIDPAY_TIMEZONE) and serve it in the foreground. Every run of "
    "the deployment uses the locations given here (or found in gridpay.toml or the environment now), made absolute "
    "at registration and shown as the deployment's parameters. Set PREFECT_API_URL to a Prefect server (e.g. "
    "http://127.0.0.1:4200/api) so that the deployment, its runs and artifacts outlive this process; without it "
    "Prefect starts a temporary server that disappears when serving stops.")
