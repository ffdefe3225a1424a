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


CONTRACT = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")


def test_readme_links_the_projects_own_contract_and_nothing_outside_the_repository():
    assert "](docs/contract.md)" in README
    for doc in (README, CONTRACT, (ROOT / "SECURITY.md").read_text(encoding="utf-8")):
        assert "../shared" not in doc and "CONTRACT.md" not in doc
    for section in ("## Inbox", "## Outputs", "callbacks.csv", "## Command line", "## Exit status", ".rejected"):
        assert section in CONTRACT


def test_every_data_file_the_code_reads_ships_in_the_wheel():
    import tomllib
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {package: ROOT / config["package-dir"].get(package, "/".join(
        [config["package-dir"][".".join(package.split(".")[:2])], *package.split(".")[2:]]))
        for package in config["packages"]}
    shipped = {f for package, patterns in config["package-data"].items() for pattern in patterns
               for f in folders[package].glob(pattern)}
    data = {f for folder in folders.values() for f in folder.iterdir()
            if f.is_file() and f.suffix not in (".py", ".pyc")}
    assert data and data <= shipped, sorted(map(str, data - shipped))


def test_every_documented_cli_line_parses():
    lines = [line.split("#")[0].strip() for text in (README, CONTRACT) for line in text.splitlines()
             if line.startswith("gridpay ") and line.split()[1] in COMMANDS]
    assert len(lines) >= 15
    parser = build_parser()
    for line in lines:
        # "[--out DIR]" -> "--out DIR"; "[--lang zh|en]" -> "--lang zh"; placeholders get sample values
        words = (re.sub(r"[\[\]]", "", line).replace("zh|en", "zh").replace("all|hr|none", "all").replace("all|hr", "all")
                 .replace("--prefect|--no-prefect", "--prefect").replace("YYYY-MM", "2026-10")
                 .replace("--dask-workers N", "--dask-workers 2"))
        args = parser.parse_args(shlex.split(words)[1:])
        assert args.command in COMMANDS


def test_every_command_is_documented():
    for command in COMMANDS:
        assert f"gridpay {command}" in README
