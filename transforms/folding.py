"""Text as people mean it: NFKC folds what an input method or a spreadsheet typed in another form
to one form (full-width digits '１３９' to '139', full-width letters and spaces, the circled and
compatibility forms), so that a cell, a phone number and a question header are compared by what
they say. Every fold of gridpay's goes through here."""
from __future__ import annotations

import unicodedata


def folded(value: object) -> str:
    """str(value), NFKC-folded (not trimmed: callers decide what whitespace means)."""
    return unicodedata.normalize("NFKC", str(value))
