"""The README says what the project does: its commands exist and its CLI lines parse."""
import re
import shlex
from pathlib import Path

from gridpay.flows.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_two_newcomer_commands_are_make_targets_and_ci_runs_the_test_one():
    block = README.split("## Two commands on a fresh machine", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make demo", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"(?m)^demo: setup$", makefile) and re.search(r"(?m)^test: setup$", makefile)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_documented_cli_line_parses():
    lines = [line.split("#")[0].strip() for line in README.splitlines()
             if line.startswith("gridpay ") and line.split()[1] in COMMANDS]
    assert len(lines) >= 9
    parser = build_parser()
    for line in lines:
        # "[--out DIR]" -> "--out DIR"; "[--lang zh|en]" -> "--lang zh"; placeholders get sample values
        words = (re.sub(r"[\[\]]", "", line).replace("zh|en", "zh").replace("YYYY-MM", "2026-10")
                 .replace("--dask-workers N", "--dask-workers 2"))
        args = parser.parse_args(shlex.split(words)[1:])
        assert args.command in COMMANDS


def test_every_command_is_documented():
    for command in COMMANDS:
        assert f"gridpay {command}" in README
