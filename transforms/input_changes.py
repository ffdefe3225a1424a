"""What a re-run read differently from the publication it replaces: its input files by name, added,
changed or no longer read (the recorded SHA-256s of the two runs). The HR scorecard's correction line
prints them from output format 13: a trial's re-run within the window printed 更正原因：未注明 where
gridpay knew that the appeals and the calls had changed."""
from __future__ import annotations

from typing import Literal

Change = Literal["added", "changed", "removed"]


def input_changes(before: list[dict], now: list[dict]) -> list[tuple[str, Change]]:
    """[(file name, how)] in the order of the later run's inputs, then the ones it no longer read."""
    old = {f["name"]: f["sha256"] for f in before}
    new = {f["name"]: f["sha256"] for f in now}
    out: list[tuple[str, Change]] = [(name, "added" if name not in old else "changed")
                                     for name, digest in new.items() if old.get(name) != digest]
    return out + [(name, "removed") for name in old if name not in new]
