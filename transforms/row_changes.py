"""What changed between two sets of rows keyed alike (an audit's published and re-run rows; a
published month's reference files and today's), one implementation for both."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class RowChange:
    key: tuple[str, ...]
    kind: str                                            # "removed" (only before), "added" (only after), "changed"
    cells: tuple[tuple[str, object, object], ...] = ()   # (column, before, after) of a changed row

    @property
    def label(self) -> str:
        return "/".join(self.key)


def row_changes(before: dict[tuple, dict], after: dict[tuple, dict], skip: tuple[str, ...] = ()) -> Iterator[RowChange]:
    """Row by row in key order, each changed row with its changed cells (compared as text: None is
    'None', not blank) in column order: the columns of `before`, then any only `after` has."""
    for key in sorted(set(before) | set(after)):
        if key not in after:
            yield RowChange(key, "removed")
        elif key not in before:
            yield RowChange(key, "added")
        else:
            a, b = before[key], after[key]
            columns = list(a) + [c for c in b if c not in a]
            cells = tuple((c, a.get(c, ""), b.get(c, "")) for c in columns      # a column one side lacks: blank
                          if c not in skip and str(a.get(c, "")) != str(b.get(c, "")))
            if cells:
                yield RowChange(key, "changed", cells)
