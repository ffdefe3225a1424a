"""Which build of gridpay made a run: recorded with every run and printed by `gridpay audit`, so that an auditor can
tell two builds of one package version apart (a ninety-fourth trial's release before and after an upgrade both said
0.2.0, and a month's documents rendered otherwise by the newer read as edited)."""
from __future__ import annotations

import argparse
import hashlib
import subprocess
from functools import lru_cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# what a build is made of: the code, the SQL models, the templates and the shipped policy (not the example data)
BUILT_FROM = ("*.py", "*.sql", "*.j2", "*.css", "*.toml")


@lru_cache(maxsize=1)
def code_version() -> str:
    """'0.2.0+g<commit>' from a git checkout (with -dirty where edited), '0.2.0+b<12 hex>' from an installed wheel: the
    SHA-256 of its files' paths and bytes."""
    version = metadata.version("gridpay")
    if (ROOT / "pyproject.toml").is_file():
        try:
            commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty", "--abbrev=12"],
                                    capture_output=True, text=True, timeout=5, check=True).stdout.strip()
            return f"{version}+g{commit}"
        except (OSError, subprocess.SubprocessError):
            pass
    digest = hashlib.sha256()
    for path in sorted(p for pattern in BUILT_FROM for p in ROOT.rglob(pattern) if "__pycache__" not in p.parts):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{version}+b{digest.hexdigest()[:12]}"


class VersionAction(argparse.Action):
    """`gridpay --version`: the build as runs record it, worked out only when asked."""
    def __call__(self, parser, namespace, values, option_string=None):
        print(f"gridpay {code_version()}")
        parser.exit()
