"""`gridpay init`: a project folder HR runs every command in, with its gridpay.toml (core/settings.py
reads it), and the gridpay.toml `gridpay demo` leaves in its folder."""
from __future__ import annotations

import json
import os
from pathlib import Path

from gridpay.core.errors import ConfigError
from gridpay.core.settings import DEFAULT_POLICY, PROJECT_FILE, Settings, default_key_file, find_project, settings_from_env

DEMO_MARK = "# written by gridpay demo"
# init's layout, relative to the project folder: what gridpay.toml names and init creates
LAYOUT = {"inbox": "inbox", "out": "out", "warehouse": "warehouse/gridpay.duckdb", "archive": "warehouse/archive",
          "logs": "warehouse/logs"}
NOTES = {"inbox": "grids.csv, workers.csv, assignments.csv, adjustments.csv and surveys/",
         "out": "the published months, out/YYYY-MM/", "warehouse": "every run, its inputs and its results",
         "archive": "encrypted copies of every input a run read", "logs": "one log file per command",
         "policy": "the pay rules"}


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)     # a JSON string is a TOML basic string


def project_text(community: str, locations: dict[str, str], first_line: str) -> str:
    """gridpay.toml: the community, the locations, and the key files commented out."""
    width = max(len(f"{k} = {_toml(v)}") for k, v in locations.items())
    lines = [first_line,
             "# Every gridpay command run in this folder or any folder below it reads this file. Paths are",
             "# relative to this file's folder. Command-line arguments and GRIDPAY_* environment variables",
             "# override what is set here.",
             f"community = {_toml(community)}"]
    lines += [f"{f'{k} = {_toml(v)}':<{width}}   # {NOTES[k]}" for k, v in locations.items()]
    if "policy" not in locations:
        lines += ["# policy = \"policy.toml\"   # your own rules: `gridpay init` wrote policy.toml, a copy of the",
                  f"#                            # shipped policy, to change; unset: the shipped one ({DEFAULT_POLICY})"]
    lines += ["# The keys stay out of this folder, which is copied and backed up with the warehouse: this file",
              "# may name the key FILES, never hold a key (GRIDPAY_SECRET stays in the environment).",
              f"# key_file = \"{default_key_file()}\"",
              f"# archive_key_file = \"{default_key_file().with_name('archive.key')}\""]
    return "\n".join(lines) + "\n"


# a ninety-third trial's notice and sheets sent residents to "石榴社区" with no office, phone or person
CONTACT_HINT = ("  the notice and the workers' sheets send residents to the community (请向…社区反映): to give an office "
                "and a phone, write them in policy.toml's [notice] contact, and name policy.toml in gridpay.toml")


def init_project(folder: Path, community: str | None, example: bool = False) -> Path:
    """Make the project folder, its folders (private: the process umask) and gridpay.toml, and with `example`
    the example community in its inbox; an existing gridpay.toml is never overwritten. Returns the project file."""
    project = folder / PROJECT_FILE
    if project.exists():
        raise ConfigError(f"{project}: already a gridpay project; nothing changed (edit the file to change it)")
    if example:
        _copy_example_inbox(folder / LAYOUT["inbox"])
    for name in ("inbox", "out", "archive", "logs"):
        (folder / LAYOUT[name]).mkdir(parents=True, exist_ok=True)
    (folder / "inbox" / "surveys").mkdir(exist_ok=True)
    # a copy of the shipped policy for a community with rules of its own to change and name (a policy
    # written from scratch keeps the rule from before each key it leaves out); unnamed, the shipped
    # policy applies, with the protections later versions add (docs/decisions.md)
    if not (folder / "policy.toml").exists():
        _write_new(folder / "policy.toml", DEFAULT_POLICY.read_text(encoding="utf-8"))
    text = project_text(community or folder.name, LAYOUT, "# gridpay project file, written by `gridpay init`.")
    _write_new(project, text)
    return project


def _copy_example_inbox(inbox: Path) -> None:
    """The shipped example inbox into `inbox`, nothing overwritten: file by file, so that the copies take the
    process umask (shutil.copytree would give the folders the package's modes)."""
    from importlib.resources import as_file, files
    with as_file(files("gridpay.examples") / "inbox") as shipped:
        sources = sorted(p for p in shipped.rglob("*") if p.is_file())
        there = [str(inbox / p.relative_to(shipped)) for p in sources if (inbox / p.relative_to(shipped)).exists()]
        if there:
            raise ConfigError(f"--example: {there[0]} is already there; nothing changed (run init --example in an "
                              f"empty folder)")
        for source in sources:
            target = inbox / source.relative_to(shipped)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())


def _write_new(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)    # the umask (core/modes.py) decides
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def write_demo_project(folder: Path, s: Settings) -> Path | None:
    """The demo folder's gridpay.toml, naming the locations the demo used: `gridpay history`,
    `audit` ... then work inside the demo folder with no flags. A gridpay.toml there that the demo
    did not write is left as it is (None)."""
    project = folder / PROJECT_FILE
    if project.exists() and not project.read_text(encoding="utf-8").startswith(DEMO_MARK):
        return None
    locations = {"inbox": s.inbox, "out": s.out, "warehouse": s.db, "archive": s.archive, "logs": s.logs}
    if s.policy != DEFAULT_POLICY:
        locations["policy"] = s.policy
    _write_new(project, project_text("gridpay demo", {k: os.path.relpath(v, folder) for k, v in locations.items()},
                                     f"{DEMO_MARK}: the demo community's project file."))
    return project


def check_inbox_project(inbox: Path, project: Path | None, settings: Settings) -> None:
    """An --inbox inside another project's folder is that project's: read with this folder's settings
    (or none), a field trial's month was paid under the shipped policy, not the project's, exit 0. A
    command whose other locations are that project's own (a sixty-fourth trial gave --out, --db and
    --policy of the project from its parent folder) uses the project as it is and goes on."""
    owner = find_project(inbox)
    if owner is None or owner == project:
        return
    theirs = settings_from_env(project=owner)
    if (settings.out, settings.db, settings.policy) == (theirs.out, theirs.db, theirs.policy):
        return
    here = f"reads {project}" if project else f"finds no {owner.name} in {Path.cwd()} or above"
    # trial 303's appeals and finalize, which take no --policy, were told to give --policy
    raise ConfigError(f"{inbox} is the inbox of the project {owner}, whose policy, warehouse and out folder "
                      f"this command would not use (it {here}); run it in {owner.parent} (cd there first), or give "
                      f"--out, --db and the policy of the project too (--policy, or GRIDPAY_POLICY for a command "
                      f"without it)")
