"""The README says what the project does: its commands exist and its CLI lines parse."""
import importlib.util
import re
import shlex

from conftest import ROOT
from gridpay.flows.cli import COMMANDS, build_parser

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
        # "[--out DIR]" -> "--out DIR"; "[--lang zh|en]" -> "--lang zh" (the first of the choices, as in
        # "--prefect|--no-prefect"); YYYY-MM and N get sample values
        words = re.sub(r"[\[\]]", "", line).replace("YYYY-MM", "2026-10")
        words = re.sub(r"\bN\b", "2", re.sub(r"(?<!\S)([^\s|]+)(?:\|[^\s|]+)+", r"\1", words))
        args = parser.parse_args(shlex.split(words)[1:])
        assert args.command in COMMANDS


def _readme_commands():
    spec = importlib.util.spec_from_file_location("readme_commands", ROOT / "scripts" / "readme_commands.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_command_list_is_the_one_the_parser_makes():
    made = _readme_commands()
    block = README.split(made.START, 1)[1].split(made.END, 1)[0]
    assert made.readme_with_block(README) == README, "run: python scripts/readme_commands.py"
    usage = [line for line in block.splitlines() if line.startswith("gridpay ")]
    assert [line.split()[1] for line in usage] == list(build_parser()._subparsers._group_actions[0].choices)
    assert "gridpay run --month YYYY-MM" in block and "[--accept-exclusions]" in block
    assert "gridpay inspect FILE" in block and "gridpay questionnaire" in block
    # and the check can fail: a block missing a flag is rewritten
    stale = README.replace(" [--accept-exclusions]", "", 1)
    assert made.readme_with_block(stale) == README != stale


def test_the_readme_guides_in_under_200_lines_and_its_links_lead_somewhere():
    assert len(README.splitlines()) < 200
    pages = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = []
    for page in pages:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" not in target and not (page.parent / target).exists():
                broken.append(f"{page.name}: {target}")
    assert broken == []
    for page in ("troubleshooting", "performance", "glossary", "operations", "platforms", "auditing", "decisions"):
        assert f"](docs/{page}.md)" in README


def test_every_command_is_documented():
    for command in COMMANDS:
        assert f"gridpay {command}" in README


TROUBLESHOOTING = (ROOT / "docs" / "troubleshooting.md").read_text(encoding="utf-8")


def test_troubleshooting_quotes_messages_the_code_still_prints():
    """The page is looked up by the words of a message: when the code rewords one, the page must follow."""
    source = "\n".join(p.read_text(encoding="utf-8") for folder in ("core", "pipeline", "ingest", "store", "reports", "flows")
                       for p in (ROOT / folder).rglob("*.py"))
    for words in ("required column is missing (have: ", "is neither UTF-8, UTF-16 nor GB18030/GBK text",
                  "is a codes export (按序号", "must be readable by its owner only (chmod 600), is ",
                  ": the warehouse is busy with ", "(GRIDPAY_LOCK_TIMEOUT)", "no CJK font found: install Debian's",
                  "survey rows name a grid that grids.csv does not have; nothing published.",
                  "add it to the aliases of", "(an 'aliases' column, names separated by ';')",
                  "survey rows are invalid", "an exclusion rule removed more than ",
                  "if the exclusions are right, run again ", "no survey file for the month in ",
                  "(give --db, or set GRIDPAY_DB; on a new computer, restore ", "a new run is a correction and needs --reason",
                  "the run is recorded as failed", "the next gridpay command that ",
                  "already names other rules: ", "Every scorecard prints the version that paid its month",
                  "the month is right as this run publishes it (a run's --reason says why, which gridpay"):
        assert words in TROUBLESHOOTING, words
        assert words in source, words
