"""An amount HR typed, as a number: the one reading of a cell of yuan (parsing.normalized_amount, then Decimal) that
targets, adjustments and their comparisons share."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from gridpay.transforms.parsing import normalized_amount


def amount_value(value: object) -> Decimal | None:
    """'1,800.00', '¥1800', '1800元' -> Decimal('1800.00') or Decimal('1800'); None for a cell that is no amount."""
    try:
        return Decimal(normalized_amount(value) or "")
    except InvalidOperation:
        return None
