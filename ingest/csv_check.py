"""Why DuckDB could not read a CSV file, said as HR can act on it: which line, what is wrong there,
and the limit passed. DuckDB's own message names an internal copy of the file and "line 1" (its
sniffer fails before it counts lines), and quotes the offending line, phone numbers and all; so
when it refuses a file, the file is walked again here with Python's csv module, line by line,
only to find the first line that breaks the rules DuckDB reads by, and nothing of the line's
text is repeated."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

MAX_LINE_BYTES = 2_000_000          # DuckDB's max_line_size (its default, which the reader keeps)


class _Line(Exception):
    def __init__(self, line: int, what: str):
        super().__init__(f"line {line:,}: {what}")


def _lines(path: Path, counter: list[int]) -> Iterator[str]:
    """The file's lines as text; a line over MAX_LINE_BYTES stops the walk, its length measured
    without holding it."""
    with path.open("rb") as handle:
        while line := handle.readline(MAX_LINE_BYTES + 2):
            counter[0] += 1
            if len(line.rstrip(b"\r\n")) > MAX_LINE_BYTES:
                size = len(line)
                while not line.endswith(b"\n") and (line := handle.read(1 << 20)):
                    cut = line.find(b"\n")
                    size += len(line) if cut < 0 else cut
                    if cut >= 0:
                        break
                raise _Line(counter[0], f"is {size:,} bytes long, over the {MAX_LINE_BYTES:,} bytes a CSV line may "
                                        "hold (DuckDB's max_line_size); shorten the long cell, often a comment pasted "
                                        "many times over")
            yield line.decode("utf-8", "replace").lstrip("\ufeff") if counter[0] == 1 else line.decode("utf-8", "replace")


def csv_problem(path: Path, delimiter: str) -> str | None:
    """'line N: what is wrong' for the first line of `path` that DuckDB's reading rules refuse, or
    None if none is found (the caller then says what DuckDB said, without its internal path)."""
    counter = [0]
    previous = csv.field_size_limit()
    csv.field_size_limit(MAX_LINE_BYTES + 2)       # the line limit comes first, as in DuckDB
    try:
        reader = csv.reader(_lines(path, counter), delimiter=delimiter, strict=True)
        width, start = None, 1
        for record in reader:
            lines = counter[0] - start + 1
            if record and width is None:
                width = len(record)
            elif record and len(record) != width:
                spans = f" (a quote opened there runs on to line {counter[0]:,})" if lines > 1 else ""
                raise _Line(start, f"has {len(record)} cells where the header has {width}{spans}; a cell holding "
                                   f"'{delimiter}' or a quote must be quoted, with its quotes doubled (\"\")")
            start = counter[0] + 1
        return None
    except _Line as problem:
        return str(problem)
    except csv.Error as exc:
        if "end of data" in str(exc):
            what = f"a quote opens a cell and is never closed (the file ends on line {counter[0]:,})"
        elif counter[0] > start:
            what = f"a quote opens a cell that runs on to line {counter[0]:,}, where a quote does not end it"
        else:
            what = "a quote inside a quoted cell is not doubled"
        return f"line {start:,}: {what}; a cell holding a quote must be quoted, with its quotes doubled (\"\")"
    finally:
        csv.field_size_limit(previous)
