"""Two columns of a reference file whose headers were put over each other's values (a column moved in Excel, a
header typed over the wrong one): said as such, before each column's own check names its value as wrong."""
from __future__ import annotations

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.transforms.amounts import amount_value
from gridpay.transforms.privacy import is_mobile, masked_number


def refuse_swapped_phone_and_target(workers: pd.DataFrame, first: pd.Series) -> None:
    """A phone column of pay targets beside a target column of phones: the headers are over each other's columns
    (trial 226 was told Excel had saved '1800.00' as a number, and to type the phones again)."""
    target = workers["perf_pay_target"] if "perf_pay_target" in workers.columns else None
    if target is None or not is_mobile(first.get("perf_pay_target")):
        return
    phones, targets = workers["phone"].dropna(), target.dropna()
    if phones.empty or not all(amount_value(v) is not None for v in phones) or not all(is_mobile(v) for v in targets):
        return
    raise InputError(str(first["source_file"]), f"phone '{first['phone']}' reads as a pay target and perf_pay_target "
                     f"'{masked_number(first['perf_pay_target'])}' as a phone, on every row: the two columns' headers "
                     f"are over each other's values; put each header over its own column", row=int(first["row_number"]),
                     column="phone")
