"""Shared fixtures: a small hand-made inbox whose figures are worked out by hand, a policy file
with overrides, the CLI, and one Prefect test server for the whole session."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

# Imported here, not inside a test: Prefect binds its console log handler to sys.stderr when it
# is first imported, and a test's captured stderr is closed when that test ends.
import gridpay.flows.month  # noqa: F401
from gridpay.flows.cli import COMMAND_LOCATIONS, main as gridpay_main
from gridpay.core.settings import DEFAULT_POLICY

ITEMS = ("sat_environment", "sat_safety", "sat_service", "sat_responsiveness", "sat_overall")
SURVEY_HEADER = ("response_id", "grid_id", "household_id", "respondent_phone", "submitted_at", "channel",
                 "duration_s", *ITEMS, "comment")
WORKER_PHONE = "13800000001"
RESIDENT_PHONE = "13912345678"


# Under `pytest -n 2` the longest tests start first, so that neither worker is left with one of
# them at the end while the other idles: the modules holding the Prefect group (one unit of about a
# minute: the test server starts once), then the modules whose tests take 10-30 s each (measured with
# --durations; docs/performance.md has the figures). The rest follow in file order.
FIRST = ("test_core_units", "test_finalize_history", "test_operator_paths", "test_project_file",
         "test_partitioned", "test_row_accounting", "test_properties", "test_crash_and_concurrency", "test_bad_input_corpus",
         "test_demo_privacy", "test_pooled_months", "test_appeal_reports", "test_hostile_disk", "test_render",
         "test_communities")


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(FIRST)}
    items.sort(key=lambda item: rank.get(item.path.stem, len(FIRST)))


XSS = '<script>alert("x")</script>'


@pytest.fixture(scope="session")
def reports_month(tmp_path_factory):
    """One published month with every report (the hand month, a comment carrying a script, policy
    min_responses = 3), read and never changed by the report tests of every module: rendering it
    takes seconds, so each test process renders it once."""
    root = tmp_path_factory.mktemp("reports")
    rows = HAND_SURVEYS + [survey("R9", "G1", "G1-2-101", ("2", "2", "2", "2", "2"), comment=XSS)]
    policy = root / "policy.toml"
    policy.write_text(policy_text(min_responses=3), encoding="utf-8")
    return run_once(root, "run", "--month", "2026-09", "--reports", "all",
                    inbox=build_inbox(root, {"2026-09.csv": rows}), policy=policy) / "2026-09"


@pytest.fixture
def month(reports_month):
    """The session's published month with every report (reports_month), as the report tests name it."""
    return reports_month


@pytest.fixture(scope="session")
def _published_templates(tmp_path_factory):
    made: dict[tuple, tuple[Path, Path | None]] = {}

    def get(reports: str, min_responses: int | None) -> tuple[Path, Path | None]:
        if (reports, min_responses) not in made:
            root = tmp_path_factory.mktemp("published")
            policy = None
            if min_responses is not None:
                policy = root / "policy.toml"
                policy.write_text(policy_text(min_responses=min_responses), encoding="utf-8")
            run_once(root, "run", "--month", "2026-09", "--reports", reports, inbox=build_inbox(root), policy=policy)
            made[reports, min_responses] = root, policy
        return made[reports, min_responses]
    return get


@pytest.fixture
def published_copy(_published_templates, tmp_path):
    """published_copy(reports, min_responses) -> (inbox, policy): the hand month published once per
    test process, then copied whole into this test's tmp_path (inbox/, out/, warehouse.duckdb,
    archive/, logs/, config/ with the archive key) for a test that edits or audits it."""
    import shutil

    def copy(reports: str = "none", min_responses: int | None = None) -> tuple[Path, Path | None]:
        root, policy = _published_templates(reports, min_responses)
        for item in root.iterdir():
            if item.is_dir():
                shutil.copytree(item, tmp_path / item.name, dirs_exist_ok=True)
            else:
                shutil.copy2(item, tmp_path / item.name)
        return tmp_path / "inbox", tmp_path / policy.name if policy else None
    return copy


@pytest.fixture(scope="session")
def prefect_server():
    """One Prefect test server per test process, for the tests that run flows (they share an
    xdist group, so that one worker starts it)."""
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(autouse=True)
def _secret(monkeypatch, tmp_path):
    _test_environment(monkeypatch, tmp_path)


def _test_environment(patch: pytest.MonkeyPatch, root: Path) -> None:
    patch.setenv("GRIDPAY_SECRET", "test-secret-not-for-production")
    patch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    for name in ("GRIDPAY_INBOX", "GRIDPAY_OUT", "GRIDPAY_DB", "GRIDPAY_POLICY", "GRIDPAY_KEY_FILE",
                 "GRIDPAY_ARCHIVE_KEY_FILE"):
        patch.delenv(name, raising=False)


def write_csv(path: Path, header, rows, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def survey(rid, grid, household, answers, when="2026-09-10 10:00:00", phone="", channel="wechat",
           duration="120", comment=""):
    """One survey row; `answers` is five items, '' for not applicable."""
    return (rid, grid, household, phone, when, channel, duration, *answers, comment)


# The hand-checked month, 2026-09 (30 days). Expected figures are worked out in test_hand_check.py.
HAND_SURVEYS = [
    survey("R1", "G1", "G1-1-101", ("5", "5", "5", "5", "5"), "2026-09-10 10:00:00", RESIDENT_PHONE),
    survey("R2", "G1", "G1-1-102", ("4", "4", "4", "4", "4"), comment="楼道灯坏了，电话13912345678"),
    survey("R3", "G1", "G1-1-201", ("3", "4", "5", "", "")),
    survey("R4", "G1", "G1-1-101", ("1", "1", "1", "1", "1"), "2026-09-02 08:00:00"),   # older answer of R1's household
    survey("R5", "G2", "G2-1-101", ("2", "2", "2", "2", "2")),
    survey("R6", "G2", "G2-1-102", ("3", "3", "3", "3", "3")),
    survey("R7", "G2", "G2-1-201", ("4", "4", "4", "4", "4")),
    survey("R8", "G2", "G2-1-202", ("4", "4", "7", "4", "4")),                            # 7 is not 1-5
]


def build_inbox(root: Path, surveys=None, name="inbox", encoding="utf-8", adjustments=True,
                assignments=None) -> Path:
    """An inbox folder under `root` with the hand-made reference data and `surveys`
    ({'2026-09.csv': rows}, the hand-checked month by default)."""
    inbox = root / name
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网格", "天井湖社区", "20"), ("G2", "井湖村二网格", "天井湖社区", "10")])
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王伟", WORKER_PHONE, "1000.00"), ("W2", "李娜", "13800000002", "800.00"),
               ("W3", "张喆", "", "600.00"), ("W4", "刘玥", "13800000004", "900.00")])
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
              assignments or [("W1", "G1", "2026-01-01", "", ""),
                              ("W2", "G2", "2026-01-01", "2026-09-15", ""),    # hands over mid-month
                              ("W3", "G2", "2026-09-16", "", ""),
                              ("W4", "G1", "2026-01-01", "", "1"),
                              ("W4", "G2", "2026-01-01", "", "0.5")])
    if adjustments:
        write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
                  [("W1", "2026-09", "50.00", "协助防汛加班", "人事科 陈主任")])
    (inbox / "surveys").mkdir(parents=True, exist_ok=True)
    for file_name, rows in (surveys if surveys is not None else {"2026-09.csv": HAND_SURVEYS}).items():
        write_csv(inbox / "surveys" / file_name, SURVEY_HEADER, rows, encoding)
    return inbox


@pytest.fixture
def make_inbox(tmp_path):
    """make_inbox(surveys={'2026-09.csv': rows}, ...) -> inbox folder with the hand-made reference data."""
    def build(*args, **kwargs) -> Path:
        return build_inbox(tmp_path, *args, **kwargs)
    return build


def run_once(root: Path, *args: str, inbox: Path, policy: Path | None = None) -> Path:
    """`gridpay ...` for a module-scoped fixture (a published month several tests read): with the
    tests' key and a config folder of its own, out/ and the warehouse under `root`. Returns out/."""
    locations = {"inbox": inbox, "out": root / "out", "db": root / "warehouse.duckdb", "policy": policy}
    argv = [*args] + [x for name in COMMAND_LOCATIONS[args[0]] if locations[name]
                      for x in (f"--{name}", str(locations[name]))]
    with pytest.MonkeyPatch.context() as patch:
        _test_environment(patch, root)
        assert gridpay_main(argv) == 0
    return root / "out"


def policy_text(**overrides) -> str:
    """The default policy with keys changed: min_responses=3, or a section-qualified key given
    as scoring__mode='"vbp"' (double underscore for the dot)."""
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    for key, value in overrides.items():
        section, _, name = key.rpartition("__")
        start = text.index(f"[{section.replace('__', '.')}]\n") if section else 0
        pattern = re.compile(rf"(?m)^{name} = .*$")
        match = pattern.search(text, start)
        assert match, f"policy key {key} not found"
        text = text[:match.start()] + f"{name} = {value}" + text[match.end():]
    return text


@pytest.fixture
def make_policy(tmp_path):
    """make_policy(min_responses=3) -> a copy of the default policy with those keys changed."""
    def build(**overrides) -> Path:
        path = tmp_path / f"policy-{len(list(tmp_path.glob('policy-*')))}.toml"
        path.write_text(policy_text(**overrides), encoding="utf-8")
        return path
    return build


@pytest.fixture
def run_cli(tmp_path, capsys, request):
    """run_cli('run', '--month', ..., inbox=..., policy=...) -> (exit code, stderr); stdout is
    left in run_cli.out. Runs publish the CSVs only (--reports none) unless the test module says
    REPORTS = "all" or the call gives --reports: most tests check rows, and PDFs cost seconds."""
    reports = getattr(request.module, "REPORTS", "none")

    def call(*args, inbox: Path, policy: Path | None = None, out: Path | None = None,
             db: Path | None = None) -> tuple[int, str]:
        if args[0] in ("run", "demo") and "--reports" not in args:
            args = (*args, "--reports", reports)
        locations = {"inbox": inbox, "out": out or tmp_path / "out", "db": db or tmp_path / "warehouse.duckdb",
                     "policy": policy}
        argv = [*args] + [x for name in COMMAND_LOCATIONS[args[0]] if locations[name]
                          for x in (f"--{name}", str(locations[name]))]
        code = gridpay_main(argv)
        captured = capsys.readouterr()
        call.out = captured.out
        return code, captured.err
    return call


@pytest.fixture
def gridpay_process(tmp_path, tmp_path_factory, request):
    """Start `gridpay ...` as a separate process (tests/processes.py: forked from a server that
    imported gridpay once): the core without Prefect, as a run is without PREFECT_API_URL. Reports
    as run_cli renders them (the module's REPORTS). Its stdout and stderr go to files outside
    tmp_path, so that the tests' scans of tmp_path see only what gridpay wrote."""
    import os
    from processes import GridpayProcess
    reports = getattr(request.module, "REPORTS", "none")
    output = tmp_path_factory.mktemp("gridpay-process")

    def start(*args, inbox: Path, env: dict | None = None, policy: Path | None = None) -> GridpayProcess:
        if args[0] == "run" and "--reports" not in args:
            args = (*args, "--reports", reports)
        locations = {"inbox": inbox, "out": tmp_path / "out", "db": tmp_path / "warehouse.duckdb", "policy": policy}
        argv = [*args] + [
            x for name in COMMAND_LOCATIONS[args[0]] if locations[name] for x in (f"--{name}", str(locations[name]))]
        environment = {k: v for k, v in {**os.environ, **(env or {})}.items() if k != "PREFECT_API_URL"}
        return GridpayProcess(argv, environment, Path(__file__).resolve().parents[1],
                              output / f"process-{len(list(output.iterdir()))}")
    return start


@pytest.fixture
def closed_window(monkeypatch):
    """As if the month's appeal window (公示期) had closed: a test that finalizes a month it has just
    published stands a week later (pipeline/review_gate.py)."""
    import gridpay.pipeline.review_gate as gate
    monkeypatch.setattr(gate, "appeal_window", lambda db, month, policy: ("2020-01-01", "2020-01-08"))


# Reference-table digests seen to pass in this test session: the property tests' hundreds of small
# months share a few sets of reference files, each validated once (the cache is the tests', passed in).
PASSED_REFERENCE: set[str] = set()


def scored_below_the_cli(inbox: Path, work: Path, policy, key: bytes = b"k", month: str = "2026-09"):
    """The pipeline's steps without the CLI, the archive or a warehouse file: stage `inbox`, validate,
    load and score into an in-memory warehouse. Returns (validation summary, the open connection):
    the caller closes it (`with`), and reads the run "run"'s rows and the models' temp tables."""
    import duckdb
    from gridpay.expectations.validate import validate_staged
    from gridpay.ingest.staging import stage_inputs
    from gridpay.store.scoring import load_and_score
    from gridpay.store.warehouse import migrate
    stage_inputs(inbox, month, policy, key, work)
    summary = validate_staged(work, month, policy, passed_reference=PASSED_REFERENCE)
    con = duckdb.connect()
    migrate(con)
    load_and_score(con, "run", month, work, policy)
    return summary, con


# run_params columns whose type a Python value does not carry (as store/scoring.py run_params casts them)
_PARAM_CASTS = {"month_start": "date", "month_end": "date", "items": "varchar[]", "item_weights": "decimal(9, 4)[]"}


def model_rows(model: str, given: dict[str, tuple[str, list[tuple]]], params: dict | None = None) -> list[tuple]:
    """dbt-style unit test of one SQL model in an in-memory DuckDB: its SQL over the given tables
    (each as ('col type, ...', rows); only the columns the model reads) and run_params as one row
    (a dict). Returns the model's rows, ordered by all columns."""
    import duckdb
    from gridpay.store.models import sql_models
    from gridpay.transforms.reasons import register_reasons
    with duckdb.connect() as con:
        register_reasons(con)           # the exclusion models' texts, as store/scoring.py run_params does
        for table, (columns, rows) in given.items():
            con.execute(f"create temp table {table} ({columns})")
            if rows:
                con.executemany(f"insert into {table} values ({', '.join('?' * len(rows[0]))})", rows)
        if params is not None:
            columns = ", ".join(f"cast(? as {_PARAM_CASTS[k]}) as {k}" if k in _PARAM_CASTS else f"? as {k}"
                                for k in params)
            con.execute(f"create temp table run_params as select {columns}", list(params.values()))
        return con.execute(f"select * from ({sql_models()[model].sql}) order by all").fetchall()
