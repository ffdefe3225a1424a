"""Text as people mean it: NFKC folds what an input method or a spreadsheet typed in another form
to one form (full-width digits '１３９' to '139', full-width letters and spaces, the circled and
compatibility forms), so that a cell, a phone number and a question header are compared by what
they say. Every fold of gridpay's goes through here."""
from __future__ import annotations

import unicodedata


def folded(value: object) -> str:
    """str(value), NFKC-folded (not trimmed: callers decide what whitespace means)."""
    return unicodedata.normalize("NFKC", str(value))


def visible(text: str, keep: str = "") -> str:
    """Text with its invisible characters named (<U+200B>): a zero-width space or a right-to-left mark makes two
    values look alike in a message ('QF1' and 'QF1<U+200B>': a seventy-eighth trial read "did you mean 'QF1'" of
    'QF1'). Spaces of any width are shown as they are; `keep`: more characters so (a console's line ends)."""
    return "".join(c if c.isprintable() or c in keep or unicodedata.category(c) == "Zs" else f"<U+{ord(c):04X}>"
                   for c in text)
