"""Shared fixtures: a small hand-made inbox whose figures are worked out by hand, a policy file
with overrides, the CLI, and one Prefect test server for the whole session."""
from __future__ import annotations

from pathlib import Path

import pytest

# Imported here, not inside a test: Prefect binds its console log handler to sys.stderr when it
# is first imported, and a test's captured stderr is closed when that test ends.
import gridpay.flows.month  # noqa: F401
from below_cli import model_rows, scored_below_the_cli  # noqa: F401  (re-exported: tests import them from conftest)
from gridpay.flows.cli import COMMAND_LOCATIONS, main as gridpay_main
from inboxes import (HAND_SURVEYS, ITEMS, RESIDENT_PHONE, SURVEY_HEADER, WORKER_PHONE,  # noqa: F401
                     APPEAL_HEADER, today, appeal_row, build_inbox, policy_text, small_inbox, survey, write_csv)


ROOT = Path(__file__).resolve().parents[1]        # the project's folder (tests are in folders by room)
DATA = Path(__file__).with_name("data")


# Under `pytest -n 2` the longest tests start first, so that neither worker is left with one of
# them at the end while the other idles: the modules holding the Prefect group (one unit of about a
# minute: the test server starts once), then the modules whose tests take 10-30 s each (measured with
# --durations; docs/performance.md has the figures). The rest follow in file order.
FIRST = ("test_retries", "test_finalize_history", "test_operator_paths", "test_project_file",
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
    min_responses = 3, answers alike throughout flagged), read and never changed by the report tests of every module: rendering it
    takes seconds, so each test process renders it once."""
    root = tmp_path_factory.mktemp("reports")
    rows = HAND_SURVEYS + [survey("R9", "G1", "G1-2-101", ("2", "2", "2", "2", "2"), comment=XSS)]
    policy = root / "policy.toml"
    # straight_line flagged (not by the shipped 2027.8): the review list has rows to render
    policy.write_text(policy_text(min_responses=3, integrity__straight_line='"flag"'), encoding="utf-8")
    return run_once(root, "run", "--month", "2026-09", "--reports", "all",
                    inbox=build_inbox(root, {"2026-09.csv": rows}), policy=policy) / "2026-09"


@pytest.fixture
def month(reports_month):
    """The session's published month with every report (reports_month), as the report tests name it."""
    return reports_month


@pytest.fixture(scope="session")
def published_template(tmp_path_factory):
    """published_template(reports, min_responses) -> (root, policy): the hand month published once
    per test process under root (out/, warehouse.duckdb, ...), to be read and never changed (a test
    that edits or re-runs it takes a published_copy)."""
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
def published_copy(published_template, tmp_path):
    """published_copy(reports, min_responses) -> (inbox, policy): the hand month published once per
    test process, then copied whole into this test's tmp_path (inbox/, out/, warehouse.duckdb,
    archive/, logs/, config/ with the archive key) for a test that edits or audits it."""
    import shutil

    def copy(reports: str = "none", min_responses: int | None = None) -> tuple[Path, Path | None]:
        root, policy = published_template(reports, min_responses)
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
