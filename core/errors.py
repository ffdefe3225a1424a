"""Errors the CLI turns into exit codes: InputError/ConfigError -> 2, GateFailed -> 1."""
from __future__ import annotations


class ConfigError(Exception):
    """Bad usage or configuration (exit 2)."""


class InputError(ConfigError):
    """An input file cannot be used as it is; the message names file, row and column."""

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None):
        where = [file]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {message}")
        self.file, self.row, self.column, self.message = file, row, column, message

    def __reduce__(self):
        """Rebuilt from its parts when unpickled: a district file's bad row, found on a Dask
        worker, reaches the command line as the same one line."""
        return type(self), (self.file, self.message, self.row, self.column)


class GateFailed(Exception):
    """The month did not pass the validation gate (exit 1); nothing was published. `heading`: what
    the command line says it is (a re-run on changed reference files is stopped, not invalid)."""

    def __init__(self, message: str, heading: str = "validation gate failed") -> None:
        super().__init__(message)
        self.heading = heading

    def __reduce__(self):       # a task's exception crosses processes (Prefect, Dask) with its heading
        return type(self), (str(self), self.heading)
