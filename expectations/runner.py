"""Run a GX suite over a frame and say, per row, which rules it broke."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
import great_expectations as gx  # noqa: E402  (the environment switch must come first)
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402

logging.getLogger("great_expectations").setLevel(logging.WARNING)
ROW_ID = "_row_id"


@dataclass(frozen=True)
class RuleResult:
    """One expectation's outcome, in words HR can read."""
    rule: str
    column: str | None
    reason: str
    failed_rows: int
    success: bool


@dataclass(frozen=True)
class Validation:
    rules: tuple[RuleResult, ...]
    reasons_by_row: dict[int, tuple[str, ...]]   # ROW_ID -> reasons, only rows that failed


@lru_cache(maxsize=1)
def _batch_definition():
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    asset = context.data_sources.add_pandas("gridpay").add_dataframe_asset("frame")
    return asset.add_batch_definition_whole_dataframe("whole")


def validate_frame(frame: pd.DataFrame, suite: gx.ExpectationSuite) -> Validation:
    """Rows are identified by the frame's ROW_ID column; each expectation's meta['reason'] is
    the text a quarantined row carries."""
    batch = _batch_definition().get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(suite, result_format={
        "result_format": "COMPLETE", "unexpected_index_column_names": [ROW_ID]})
    rules, reasons = [], {}
    for res in result.results:
        cfg = res.expectation_config
        reason = cfg.meta.get("reason", cfg.type)
        if res.exception_info and res.exception_info.get("raised_exception"):
            raise RuntimeError(f"expectation {cfg.type} could not run: "
                               f"{res.exception_info.get('exception_message')}")
        failed = [int(item[ROW_ID]) for item in res.result.get("unexpected_index_list") or []]
        for row_id in failed:
            reasons.setdefault(row_id, []).append(reason)
        column = cfg.kwargs.get("column") or cfg.kwargs.get("column_A")   # a pair rule names its first column
        rules.append(RuleResult(rule=cfg.type, column=column, reason=reason,
                                failed_rows=len(failed), success=bool(res.success)))
    return Validation(tuple(rules), {k: tuple(v) for k, v in reasons.items()})
