"""The README's command list, made from the CLI's own parser (flows/cli.py build_parser), so that it
cannot forget a command or a flag. tests/docs/test_docs.py fails when the README's block differs.

    .venv/bin/python scripts/readme_commands.py           # rewrite the block between the markers
    .venv/bin/python scripts/readme_commands.py --check   # exit 1 if the README is out of date
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gridpay.flows.cli import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- commands -->", "<!-- /commands -->"
LOCATIONS = ("--inbox", "--out", "--db", "--policy")
METAVARS = {"dir": "DIR", "inbox": "DIR", "out": "DIR", "db": "FILE", "policy": "FILE", "file": "FILE",
            "reason": "TEXT", "run_id": "ID", "by": "NAME", "month": "YYYY-MM", "end_month": "YYYY-MM",
            "before": "YYYY-MM", "community": "NAME"}


def _value(action: argparse.Action) -> str:
    if action.metavar:
        return action.metavar
    if action.choices is not None:
        return "|".join(map(str, action.choices))
    if action.type is int:
        return "N"
    return METAVARS.get(action.dest, action.dest.upper())


def _word(action: argparse.Action) -> str:
    if not action.option_strings:                     # a positional argument: [DIR] where it may be left out
        return f"[{_value(action)}]" if action.nargs == "?" else _value(action)
    if isinstance(action, argparse.BooleanOptionalAction):
        word = "|".join(action.option_strings)
    elif action.nargs == 0:                           # store_true
        word = action.option_strings[0]
    else:
        word = f"{action.option_strings[0]} {_value(action)}"
    return word if action.required else f"[{word}]"


def command_lines() -> list[str]:
    """Per command: `gridpay NAME args` (the flags but the locations), then its help and the
    locations it takes, indented (so that only the first line reads as a command)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in sub._choices_actions}
    lines = []
    for name, command in sub.choices.items():
        actions = [a for a in command._actions if not isinstance(a, argparse._HelpAction)
                   and a.dest != "debug" and a.option_strings[:1] not in [[loc] for loc in LOCATIONS]]
        locations = [a.option_strings[0] for a in command._actions if a.option_strings[:1] in [[loc] for loc in LOCATIONS]]
        lines.append(" ".join(["gridpay", name, *map(_word, actions)]))
        where = f"; locations: {' '.join(locations)}" if locations else ""
        lines.append(f"    {helps[name]}{where}")
    return lines


def block() -> str:
    return "\n".join([START, "```", *command_lines(), "```", END])


def readme_with_block(text: str) -> str:
    head, rest = text.split(START, 1)
    return head + block() + rest.split(END, 1)[1]


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    wanted = readme_with_block(text)
    if "--check" in argv:
        if wanted != text:
            print(f"{README}: the command list is out of date; run python scripts/readme_commands.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
