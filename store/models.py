"""The SQL models as a graph, as dbt runs them: each model is one file under transforms/sql/
(staging/, intermediate/, marts/) that builds one table named after the file; a model's inputs
are the other models its SQL names, so the order is derived, never kept by hand. A model is a temp table unless it says
`-- materialized: view` (read once downstream, not worth storing). A model written
in Python (fct_grid_scores: the statistics) declares its inputs beside its builder. Each model
states its grain in a `-- key:` line, which `key_problems` checks: unique and never null."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Callable

import duckdb

from gridpay import transforms

SQL_DIR = Path(transforms.__file__).resolve().parent / "sql"
LAYERS = ("staging", "intermediate", "marts")
_NAME = re.compile(r"\b((?:stg|int|fct)_[a-z0-9_]+)\b")
_COMMENT = re.compile(r"--[^\n]*")
_KEY = re.compile(r"^-- key: (.+)$", re.MULTILINE)
_VIEW = re.compile(r"^-- materialized: view\b", re.MULTILINE)


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str | None                   # None: built in Python
    inputs: frozenset[str]
    key: tuple[str, ...]
    view: bool = False                # `-- materialized: view`: read through, never stored


def _sql_model(path: Path, layer: str) -> Model:
    text = path.read_text(encoding="utf-8")
    key = _KEY.search(text)
    if key is None:
        raise ValueError(f"{path}: a model states its grain in a '-- key: column, ...' line")
    names = set(_NAME.findall(_COMMENT.sub("", text))) - {path.stem}
    return Model(path.stem, layer, text, frozenset(names), tuple(c.strip() for c in key.group(1).split(",")),
                 view=bool(_VIEW.search(text)))


@lru_cache(maxsize=1)
def sql_models() -> dict[str, Model]:
    return {p.stem: _sql_model(p, layer) for layer in LAYERS for p in sorted((SQL_DIR / layer).glob("*.sql"))}


def python_model(name: str, inputs: tuple[str, ...], key: tuple[str, ...]) -> Model:
    return Model(name, "marts", None, frozenset(inputs), key)


def build_order(models: dict[str, Model]) -> list[str]:
    """Every model after the models it reads (ties in name order, so the order is stable)."""
    unknown = {i for m in models.values() for i in m.inputs} - set(models)
    if unknown:
        raise ValueError(f"models read tables that no model builds: {', '.join(sorted(unknown))}")
    sorter = TopologicalSorter({name: sorted(m.inputs) for name, m in sorted(models.items())})
    return list(sorter.static_order())


def run_models(con: duckdb.DuckDBPyConnection, models: dict[str, Model],
               builders: dict[str, Callable[[duckdb.DuckDBPyConnection], None]]) -> None:
    """Build every model as a temp table in dependency order; a Python model by its builder."""
    for name in build_order(models):
        model = models[name]
        if model.sql is None:
            builders[name](con)
        else:
            con.execute(f"create or replace temp {'view' if model.view else 'table'} {name} as {model.sql}")


def key_problems(con: duckdb.DuckDBPyConnection, model: Model) -> list[str]:
    """dbt's unique and not_null tests on the model's key, over the built table."""
    key = ", ".join(model.key)
    nulls = " or ".join(f"{c} is null" for c in model.key)
    rows, distinct, null_rows = con.execute(
        f"select count(*), count(distinct ({key})), count(*) filter (where {nulls}) from {model.name}").fetchone()
    problems = []
    if distinct != rows - null_rows:
        problems.append(f"{model.name}: {rows - null_rows - distinct} rows repeat the key ({key})")
    if null_rows:
        problems.append(f"{model.name}: {null_rows} rows have a blank key column ({key})")
    return problems


def rows_by_name(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    """The cursor's rows as dicts by column name: a reordered SELECT cannot shift a field."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
