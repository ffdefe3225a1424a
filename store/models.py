"""The SQL models as a graph, as dbt runs them: each model is one file under transforms/sql/
(staging/, intermediate/, marts/) that builds one table named after the file. A model declares
in its header what it reads and what becomes of it, and nothing is guessed:

    -- key: grid_id, rule          its grain: unique and never null, tested on every build
    -- refs: int_grids, stg_surveys   the models it reads (they are built before it)
    -- sources: run_params           the tables it reads that no model builds (warehouse tables,
                                     the run's parameters)
    -- stored_as: grid_scores      the warehouse table its rows are kept in, by run (optional)
    -- materialized: view          read through, never built as a table (optional)

A model written in Python (the statistics, the pay) is declared beside the SQL in a TOML file of
the same name with the same keys (`key`, `refs`, `sources`, `stored_as`); its builder is named in
store/scoring.py. Loading the models checks every declaration against the SQL: a model that reads
a table it does not declare, or declares one it does not read, is refused."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Callable

import duckdb

from gridpay import transforms

SQL_DIR = Path(transforms.__file__).resolve().parent / "sql"
MIGRATIONS = Path(__file__).with_name("migrations")
LAYERS = ("staging", "intermediate", "marts")
_COMMENT = re.compile(r"--[^\n]*")
_HEADER = re.compile(r"^-- (key|refs|sources|stored_as|materialized): *(.*)$", re.MULTILINE)
_WORD = re.compile(r"\b[a-z_][a-z0-9_]*\b")
# the run's parameters and window: temp tables store/scoring.py makes before the models run
RUN_TABLES = frozenset({"run_params", "run_window"})


class ModelError(ValueError):
    """A model's declaration does not match its SQL, or the graph cannot be built."""


class ModelTestFailed(Exception):
    """A built model broke its declared grain (a repeated or blank key)."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str | None                   # None: built in Python
    inputs: frozenset[str]            # refs: the models it reads
    key: tuple[str, ...]
    view: bool = False                # `-- materialized: view`: read through, never stored
    sources: frozenset[str] = frozenset()
    stored_as: str | None = None


@lru_cache(maxsize=1)
def source_tables() -> frozenset[str]:
    """Every table a model may read that no model builds: the warehouse's (as the migrations
    create them) and the run's own parameter tables."""
    created = re.compile(r"create table if not exists (\w+)")
    return RUN_TABLES | {name for path in MIGRATIONS.glob("*.sql") for name in created.findall(path.read_text())}


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())


def _sql_model(path: Path, layer: str) -> Model:
    text = path.read_text(encoding="utf-8")
    header = {k: v.strip() for k, v in _HEADER.findall(text)}
    if "key" not in header:
        raise ModelError(f"{path}: a model states its grain in a '-- key: column, ...' line")
    return Model(path.stem, layer, text, frozenset(_names(header.get("refs", ""))), _names(header["key"]),
                 view=header.get("materialized", "").startswith("view"),
                 sources=frozenset(_names(header.get("sources", ""))), stored_as=header.get("stored_as") or None)


def _python_model(path: Path, layer: str) -> Model:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    return Model(path.stem, layer, None, frozenset(doc.get("refs", ())), tuple(doc["key"]),
                 sources=frozenset(doc.get("sources", ())), stored_as=doc.get("stored_as"))


def check_declarations(models: dict[str, Model]) -> None:
    """Each SQL model reads exactly the models and sources it declares (names in its SQL, comments
    left out, that are models or sources); a Python model's inputs exist."""
    known = set(models) | source_tables()
    for model in models.values():
        undeclared = {s for s in model.sources if s not in source_tables()}
        if undeclared:
            raise ModelError(f"{model.name}: declares sources that are no warehouse or run table: "
                             f"{', '.join(sorted(undeclared))}")
        if model.sql is None:
            continue
        read = {w for w in _WORD.findall(_COMMENT.sub("", model.sql).lower()) if w in known} - {model.name}
        declared = model.inputs | model.sources
        if read - declared:
            raise ModelError(f"{model.name}: reads {', '.join(sorted(read - declared))} without declaring it "
                             f"(-- refs: for models, -- sources: for other tables)")
        if declared - read:
            raise ModelError(f"{model.name}: declares {', '.join(sorted(declared - read))} but does not read it")


@lru_cache(maxsize=1)
def sql_models() -> dict[str, Model]:
    """Every model of transforms/sql/, SQL and Python, its declarations checked."""
    models = {}
    for layer in LAYERS:
        for path in sorted((SQL_DIR / layer).iterdir()):
            if path.suffix == ".sql":
                models[path.stem] = _sql_model(path, layer)
            elif path.suffix == ".toml":
                models[path.stem] = _python_model(path, layer)
    check_declarations(models)
    return models


def python_model(name: str, inputs: tuple[str, ...], key: tuple[str, ...]) -> Model:
    return Model(name, "marts", None, frozenset(inputs), key)


def build_order(models: dict[str, Model]) -> list[str]:
    """Every model after the models it reads (ties in name order, so the order is stable)."""
    unknown = {i for m in models.values() for i in m.inputs} - set(models)
    if unknown:
        raise ModelError(f"models read tables that no model builds: {', '.join(sorted(unknown))}")
    sorter = TopologicalSorter({name: sorted(m.inputs) for name, m in sorted(models.items())})
    return list(sorter.static_order())


def run_models(con: duckdb.DuckDBPyConnection, models: dict[str, Model],
               builders: dict[str, Callable[[duckdb.DuckDBPyConnection], None]]) -> None:
    """Build every model as a temp table in dependency order (a Python model by its builder) and
    test its key as it is built; a broken grain stops the build (ModelTestFailed) naming model and key."""
    missing = {name for name, m in models.items() if m.sql is None} - set(builders)
    if missing:
        raise ModelError(f"Python models without a builder: {', '.join(sorted(missing))}")
    for name in build_order(models):
        model = models[name]
        if model.sql is None:
            builders[name](con)
        else:
            con.execute(f"create or replace temp {'view' if model.view else 'table'} {name} as {model.sql}")
        if not model.view:       # a view is tested where it is read (its rows are the warehouse's)
            problems = key_problems(con, model)
            if problems:
                raise ModelTestFailed(problems)


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


def store_models(con: duckdb.DuckDBPyConnection, models: dict[str, Model], run_id: str, month: str) -> None:
    """Keep each model that declares `stored_as` in its warehouse table, with the run's id and month
    in front; by name, and only the columns the table has (a model's column order is its own business)."""
    for model in sorted(models.values(), key=lambda m: m.name):
        if model.stored_as is None:
            continue
        kept = [c for (c,) in con.execute(
            "select column_name from information_schema.columns where table_name = ? and table_catalog = current_database() "
            "and column_name not in ('run_id', 'month') order by ordinal_position", [model.stored_as]).fetchall()]
        built = {d[0] for d in con.execute(f"select * from {model.name} limit 0").description}
        columns = ", ".join(c for c in kept if c in built)
        con.execute(f"insert into {model.stored_as} by name select ? as run_id, ? as month, {columns} "
                    f"from {model.name}", [run_id, month])


def rows_by_name(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    """The cursor's rows as dicts by column name: a reordered SELECT cannot shift a field."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
