"""Pseudonymise phone numbers and mask personal numbers in free text."""
from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

_NON_DIGITS = re.compile(r"[^0-9]")
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)")
# house numbers in an address: 12号, 3栋, 2单元, 501室 -> *号, *栋, *单元, *室
_ADDRESS_NUMBER = re.compile(r"\d+(?=\s*(?:号楼|号|栋|幢|单元|室|层))")
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])")


def normalized_phone(raw: str | None) -> str | None:
    """ASCII digits only (full-width digits folded to them first), without the +86 / 0086
    country prefix; None when nothing is left."""
    if raw is None:
        return None
    digits = _NON_DIGITS.sub("", unicodedata.normalize("NFKC", str(raw)))
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) == 11 + len(prefix):
            digits = digits[len(prefix):]
    return digits or None


def phone_hash(raw: str | None, key: bytes) -> str | None:
    """HMAC-SHA256 of the normalised number: equal numbers match, the number itself is gone."""
    phone = normalized_phone(raw)
    if phone is None:
        return None
    return hmac.new(key, phone.encode("ascii"), hashlib.sha256).hexdigest()


def masked_comment(text: str | None) -> str | None:
    """Comment with mobile numbers shown as 138****5678, ID numbers as 340702********123X and house
    numbers of addresses as *号 / *栋 / *单元 / *室."""
    if text is None:
        return None
    masked = _ID_IN_TEXT.sub(lambda m: f"{m.group(1)}********{m.group(2)}", str(text))
    masked = _MOBILE_IN_TEXT.sub(lambda m: f"{m.group(1)}****{m.group(3)}", masked)
    return _ADDRESS_NUMBER.sub("*", masked)
