"""The README's "Your first month", run as a newcomer types it: its commands, in order, on the example
community `gridpay init --example` ships (examples/inbox), in an empty HR folder. The run publishes the CSVs only (--reports none): the
reports are the report tests' business, and PDFs cost seconds."""
from __future__ import annotations

import pytest

import csv
import re
import shlex

from conftest import ROOT
from gridpay.flows.cli import main as gridpay_main

pytestmark = pytest.mark.usefixtures("closed_window")     # they finalize what they publish

README = (ROOT / "README.md").read_text(encoding="utf-8")
WALKTHROUGH = README.split("<!-- walkthrough -->", 1)[1].split("<!-- /walkthrough -->", 1)[0]


def _blocks() -> list[list[str]]:
    """The walkthrough's ```sh blocks, each as its lines (comments and blank lines kept out of the commands)."""
    return [block.split("```", 1)[0].strip().splitlines() for block in WALKTHROUGH.split("```sh\n")[1:]]


def _commands() -> list[str]:
    return [line.split(" #")[0].strip() for block in _blocks() for line in block if not line.startswith("#")]


def _printed(lines: list[str]) -> str:
    """What a run's console lines say once the seconds (and the machine's path) are left out."""
    return re.sub(r"in \d+\.\d+ s", "in _ s", "\n".join(lines))


def test_the_readme_walkthrough_runs_on_the_example_inbox(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))          # the call sheet goes to ~/
    commands = _commands()
    names = [c.split()[1] for c in commands if c.startswith("gridpay ")]
    assert "questionnaire" in names and names.index("inspect") < names.index("run") < names.index("finalize")
    said = {}
    for command in commands:
        words = shlex.split(command)
        assert words[0] == "gridpay", f"the walkthrough has a line this test cannot run: {command}"
        if words[1] == "run":
            words += ["--reports", "none"]
        capsys.readouterr()
        assert gridpay_main(words[1:]) == 0, command
        said[words[1]] = capsys.readouterr()

    shipped = sorted(p.relative_to(ROOT / "examples") for p in (ROOT / "examples" / "inbox").rglob("*") if p.is_file())
    assert all((tmp_path / p).read_bytes() == (ROOT / "examples" / p).read_bytes() for p in shipped), shipped
    assert oct((tmp_path / "inbox" / "surveys" / "2026-10").stat().st_mode & 0o777) == "0o700"
    month = tmp_path / "out" / "2026-10"
    assert (month / "payroll.csv").is_file()
    assert oct((tmp_path / "calls-2026-10.csv").stat().st_mode & 0o777) == "0o600"
    assert "长江西路四网格" in said["questionnaire"].out and "2026-10: 66 rows" in said["inspect"].out
    # the run prints what the README shows it printing (up to the seconds it took)
    shown = [line[2:] for block in _blocks() for line in block if line.startswith("# gridpay:")]
    printed = said["run"].err.strip().splitlines()
    assert printed[0] == f"gridpay: project file {tmp_path / 'gridpay.toml'}" and shown[0].startswith("gridpay: project file ")
    assert _printed(printed[1:4]) == _printed(shown[1:4])
    # and quarantine.csv holds what the README says it holds
    with (month / "quarantine.csv").open(encoding="utf-8-sig") as handle:
        codes = sorted(row["reason_code"] for row in csv.DictReader(handle))
    assert codes == ["blank:household_id", "duplicate_household", "duplicate_household", "speeder"]
    with (month / "payroll.csv").open(encoding="utf-8-sig") as handle:
        assert [row["worker_id"] for row in csv.DictReader(handle)] == ["W01", "W02", "W03", "W04", "W05"]


def test_the_example_inbox_is_what_its_script_makes(tmp_path):
    """examples/inbox is remade by scripts/make_example_inbox.py: the committed files are its output."""
    import importlib.util

    import openpyxl
    spec = importlib.util.spec_from_file_location("make_example_inbox", ROOT / "scripts" / "make_example_inbox.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    script.main(tmp_path / "inbox")
    example = ROOT / "examples" / "inbox"
    for name in ("grids.csv", "workers.csv", "assignments.csv"):
        assert (tmp_path / "inbox" / name).read_bytes() == (example / name).read_bytes(), name
    [made] = (tmp_path / "inbox" / "surveys" / "2026-10").glob("*.xlsx")
    [kept] = (example / "surveys" / "2026-10").glob("*.xlsx")
    assert made.name == kept.name
    rows = [[list(r) for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True)] for path in (made, kept)]
    assert rows[0] == rows[1] and len(rows[0]) == 67
