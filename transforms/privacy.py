"""Pseudonymise phone numbers and mask personal numbers in free text."""
from __future__ import annotations

import hashlib
import hmac
import re

from gridpay.transforms.folding import folded

_NON_DIGITS = re.compile(r"[^0-9]")
# (\d is any decimal digit: a number typed in full-width digits, １３９１２３４５６７８, is one too)
_MOBILE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?86[-\s]?)?([1１][3-9３-９]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)")
# house numbers in an address: 12号, 3栋, 2单元, 501室 -> *号, *栋, *单元, *室
_ADDRESS_NUMBER = re.compile(r"\d+(?=\s*(?:号楼|号|栋|幢|单元|室|层))")
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])")
# survey.comment_numbers = "all" (policy 2027.13): a mobile written with dots or brackets, 139.8765.4321 or
# (139)8765-4321, and a landline with its area code, 0571-8765 4321 or (0571)87654321, or without it, 8765-4321 or
# 87654321 (a hundred-and-fifth trial's comment printed a home landline in clear on the callback list)
_MOBILE_ANY_WAY = re.compile(r"(?<![\d.])(?:\+?86[-\s.]?)?\(?([1１][3-9３-９]\d)\)?[-\s.·]?(\d{4})[-\s.·]?(\d{4})(?![\d.])")
_LANDLINE = re.compile(r"(?<![\d.])(?:\(?(0\d{2,3})\)?[-\s.]?)?(\d{3,4})[-\s.]?(\d{4})(?![\d.])")


# A number Excel saved as a number: 1.39056E+10 (its last digits are gone) or 13905612345.0. Its
# digits are not the phone's, so it is read as no phone at all (in SQL too: excel_number_sql).
EXCEL_NUMBER = r"[ \t\r\n]*[0-9]+(\.[0-9]+[eE][+-]?[0-9]+|[eE][+-]?[0-9]+|\.[0-9]+)[ \t\r\n]*"
_EXCEL_NUMBER = re.compile(EXCEL_NUMBER)
# two mobile numbers in one cell (13800000001/13900000002, a couple's form): their digits, run together, either with
# its country prefix (13900139001/+8613700137002: trial 204's re-check read it as one 24-digit phone, a worker's own
# rating through it counted); the groups are the two numbers
TWO_MOBILES = r"(?:0086|86)?(1[3-9][0-9]{9})(?:0086|86)?(1[3-9][0-9]{9})"
# ... and under survey.landline_mobile_cells (2027.35) a mobile first or last beside 7 to 17 other digits (a landline, its
# 0 dropped or an extension 转801 after it): trial 301's worker typed 0562-2861234/13805623346, one 22-digit phone
LANDLINE_PAIRS = (r"(?:0086|86)?(1[3-9][0-9]{9})([0-9]{7,17})", r"([0-9]{7,17})(?:0086|86)?(1[3-9][0-9]{9})")


def _pairs(landlines: bool) -> tuple[str, ...]:
    """The patterns of a cell of two numbers, its digits run together: two mobiles, and with `landlines` one of each."""
    return (TWO_MOBILES, *LANDLINE_PAIRS) if landlines else (TWO_MOBILES,)


def _pair(raw: str | None, landlines: bool) -> re.Match | None:
    digits = _NON_DIGITS.sub("", folded(raw or ""))
    return next((m for p in _pairs(landlines) if (m := re.fullmatch(p, digits))), None)


# A mainland mobile number as people type it: 11 digits from 13-19, an optional +86 / 86 / 0086 in
# front, spaces or hyphens between groups.
_MOBILE = re.compile(r"(?:\+?86|0086)?[\s-]*1[3-9][0-9](?:[\s-]*[0-9]){8}")
_DIGIT = re.compile(r"[0-9]")
# A mobile number's digits, and the country prefixes stripped from a number with exactly that many
# digits after them (+86 139..., 0086 139...): phone_hash() and phone_hash_sql() both read these.
MOBILE_DIGITS = 11
COUNTRY_PREFIXES = ("0086", "86")


# A phone a survey platform masked in its download (问卷星 and 金数据 can hide the middle four digits):
# 138****5678. Its hash carries MASKED_PREFIX, so that the stage tells it from a phone typed in full
# (ingest/phones.py: apply_masked_phones); the digits hashed are the seven shown, as before the prefix. A country
# code before it (+86 138****5678) or a space or hyphen around the stars is the same mask (trial 204: hashed as the
# nine digits 861385678, which no worker's phone matched, so a worker's own rating through it counted).
MASKED_MOBILE = r"[ \t]*(?:(?:\+|00)?86[ \t-]*)?1[3-9][0-9][ -]?[*]{4}[ -]?[0-9]{4}[ \t]*"
MASKED_DIGITS = 7
_MASKED_MOBILE = re.compile(MASKED_MOBILE)
MASKED_PREFIX = "masked:"
# A cell of two mobile numbers (a couple's form) hashes as TWO_PREFIX and each number's hash, comma-separated,
# so that the stage can tell whether one is a worker's phone (ingest/two_phones.py) before it keeps none.
TWO_PREFIX = "two:"


def is_masked_phone(raw: str | None) -> bool:
    """A phone as a platform masks it (138****5678, ＊ too): no number can be dialled or matched from it."""
    return raw is not None and _MASKED_MOBILE.fullmatch(folded(raw)) is not None


def unreadable_phone(raw: str | None, landlines: bool = False) -> bool:
    """The cell is a number as Excel saved it (1.39056E+10, 13905612345.0), or holds two mobile numbers
    (a twenty-fourth trial's 13800000001/13900000002, hashed as one 22-digit number that no worker's
    phone could match), or with `landlines` a landline and a mobile: no phone can be read."""
    if raw is None:
        return False
    return _EXCEL_NUMBER.fullmatch(folded(raw)) is not None or _pair(raw, landlines) is not None


def is_mobile(raw: str) -> bool:
    """A mainland mobile number (13905612345, +86 139-0561-2345, 139 0561 2345)."""
    return _MOBILE.fullmatch(folded(raw).strip()) is not None


def masked_number(raw: str) -> str:
    """A value that may be a phone number, fit for a message: 7 or more digits show the first three and at
    most the last four, four or more hidden, 139****5678 (a 7-digit 1395678 is 139****: shown as 139****5678 it
    was every digit, and read as a whole number); shorter ones as typed. A number Excel saved as a decimal
    (13800000001.0) keeps its decimals after the mask, 138****0001.0: its last four are the phone's."""
    text = folded(raw)
    whole, point, decimals = text.partition(".")
    tail = point + decimals if point and decimals.strip().isdigit() else ""
    digits = _DIGIT.findall(whole if tail else text)
    last = min(4, len(digits) - 7)
    return f"{''.join(digits[:3])}****{''.join(digits[len(digits) - last:])}{tail}" if len(digits) >= 7 else str(raw)


def normalized_phone(raw: str | None, landlines: bool = False) -> str | None:
    """ASCII digits only (full-width digits folded to them first), without the +86 / 0086
    country prefix; None when nothing is left, or when the cell is a number Excel saved as one."""
    if raw is None or unreadable_phone(raw, landlines):
        return None
    digits = _NON_DIGITS.sub("", folded(raw))
    for prefix in COUNTRY_PREFIXES:
        if digits.startswith(prefix) and len(digits) == MOBILE_DIGITS + len(prefix):
            digits = digits[len(prefix):]
    return digits or None


def phone_hash(raw: str | None, key: bytes, landlines: bool = False) -> str | None:
    """HMAC-SHA256 of the normalised number: equal numbers match, the number itself is gone. A number
    a platform masked (138****5678) is its seven digits' hash after MASKED_PREFIX; a cell of two
    numbers (`landlines`: a landline and a mobile too) is both hashes after TWO_PREFIX."""
    if pair := _pair(raw, landlines):
        return TWO_PREFIX + ",".join(phone_hash(d, key) for d in pair.groups())
    phone, masked = normalized_phone(raw, landlines), is_masked_phone(raw)
    if phone is None:
        return None
    digest = hmac.new(key, phone[-MASKED_DIGITS:].encode("ascii") if masked else phone.encode("ascii"),
                      hashlib.sha256).hexdigest()
    return MASKED_PREFIX + digest if masked else digest


def masked_phone_hash(raw: str | None, key: bytes) -> str | None:
    """The hash phone_hash() gives this mobile number as a platform masks it (13812345678 as
    138****5678): a worker's phone, to recognise their answer by its shown digits."""
    phone = normalized_phone(raw)
    if phone is None or len(phone) != MOBILE_DIGITS:
        return None
    return phone_hash(f"{phone[:3]}****{phone[-4:]}", key)


def phone_hash_sql(col: str, digits: str | None = None, ascii_only: str | None = None, landlines: bool = False) -> str:
    """phone_hash() in DuckDB SQL for ASCII input, built from the same rules (COUNTRY_PREFIXES,
    MOBILE_DIGITS, EXCEL_NUMBER), so the reader hashes in the statement that reads a file and no
    phone reaches Python; anything else, such as full-width digits, is NULL here and hashed by
    phone_hash() itself. HMAC = H(okey || H(ikey || m)), the pads bound as $okey and $ikey
    (hmac_pads). `digits` and `ascii_only`: columns that already hold the cell's digits and whether
    it is ASCII (DuckDB evaluates an expression once for each place it is named: the digits'
    regexp_replace five times, a quarter of the hash's cost)."""
    digits = digits or f"regexp_replace({col}, '[^0-9]', '', 'g')"
    ascii_only = ascii_only or f"regexp_full_match({col}, '[\\x00-\\x7F]*')"
    cases = " ".join(f"when {digits} like '{p}%' and length({digits}) = {MOBILE_DIGITS + len(p)} "
                     f"then {digits}[{len(p) + 1}:]" for p in COUNTRY_PREFIXES)
    phone = f"nullif(case {cases} else {digits} end, '')"
    two = " ".join(f"when {ascii_only} and regexp_full_match({digits}, '{p}') then '{TWO_PREFIX}' || "
                   f"{_hmac_sql(f'regexp_extract({digits}, {chr(39)}^{p}${chr(39)}, 1)')} || ',' || "
                   f"{_hmac_sql(f'regexp_extract({digits}, {chr(39)}^{p}${chr(39)}, 2)')}" for p in _pairs(landlines))
    # the mask's test named once: a branch of its own, its seven shown digits hashed
    return (f"case {two} "
            f"when {excel_number_sql(col, landlines)} then null "
            f"when {ascii_only} and regexp_full_match({col}, '{MASKED_MOBILE}') "
            f"then '{MASKED_PREFIX}' || {_hmac_sql(f'right({digits}, {MASKED_DIGITS})')} "
            f"when {ascii_only} then {_hmac_sql(phone)} end")


def _hmac_sql(text: str) -> str:
    return f"lower(sha256($okey || unhex(sha256($ikey || ({text})::blob))))"


def hmac_pads(key: bytes) -> tuple[bytes, bytes]:
    """The outer and inner pads of HMAC-SHA256 under `key` (RFC 2104), for phone_hash_sql()."""
    block = (key if len(key) <= 64 else hashlib.sha256(key).digest()).ljust(64, b"\0")
    return bytes(b ^ 0x5C for b in block), bytes(b ^ 0x36 for b in block)


def two_mobiles(raw: str | None, landlines: bool = False) -> bool:
    """The cell holds two mobile numbers (a couple's form, 13800000001/13900000002; `landlines`: or a landline and a
    mobile): unreadable, but not Excel's doing."""
    return raw is not None and _pair(raw, landlines) is not None


def two_mobiles_sql(col: str, landlines: bool = False) -> str:
    """two_mobiles() in SQL, for ASCII input."""
    return "(" + " or ".join(f"regexp_full_match(regexp_replace({col}, '[^0-9]', '', 'g'), '{p}')"
                             for p in _pairs(landlines)) + ")"


def excel_number_sql(col: str, landlines: bool = False) -> str:
    """unreadable_phone() in SQL, for ASCII input: 1.39056E+10, 13905612345.0, two numbers in a cell."""
    return f"(regexp_full_match({col}, '{EXCEL_NUMBER}') or {two_mobiles_sql(col, landlines)})"


def masked_numbers(text: str | None) -> str | None:
    """Text with mobile numbers shown as 138****5678 and ID numbers as 340702********123X: every
    text a resident typed that gridpay shows, identifiers included (a household_id 手机13912340005,
    a response_id or duration_s that is a phone number)."""
    if text is None:
        return None
    masked = _ID_IN_TEXT.sub(lambda m: f"{m.group(1)}********{m.group(2)}", str(text))
    return _MOBILE_IN_TEXT.sub(lambda m: f"{m.group(1)}****{m.group(3)}", masked)


def masked_comment(text: str | None, every_phone: bool = False) -> str | None:
    """A comment masked as masked_numbers() does, and house numbers of addresses as *号 / *栋 /
    *单元 / *室 too (an identifier keeps those: the callback list must find the household); with
    `every_phone` (survey.comment_numbers = "all") a mobile written with dots or brackets and a landline
    too, shown by their last four digits (0571-****4321)."""
    if text is None:
        return None
    masked = masked_numbers(text)
    if every_phone:
        masked = _MOBILE_ANY_WAY.sub(lambda m: f"{m.group(1)}****{m.group(3)}", masked)
        masked = _LANDLINE.sub(lambda m: f"{m.group(1) + '-' if m.group(1) else ''}****{m.group(3)}", masked)
    return _ADDRESS_NUMBER.sub("*", masked)


def every_phone_masked(every_phone: bool):
    """masked_comment() with survey.comment_numbers' choice, as a function of the text alone (for a UDF)."""
    def masked(text: str | None) -> str | None:       # one parameter: DuckDB's create_function counts them
        return masked_comment(text, every_phone)
    return masked


MASKED_SQL_FUNCTION = "gp_masked_numbers"


def register_masking(con) -> None:
    """masked_numbers() as the SQL function masked_sql() calls, on the DuckDB connection `con`
    (store/warehouse.py's connect() does it for every warehouse connection)."""
    import duckdb
    try:
        con.create_function(MASKED_SQL_FUNCTION, masked_numbers, ["VARCHAR"], "VARCHAR",
                            null_handling="special", side_effects=False)
    except duckdb.CatalogException:
        pass        # the database instance has it already (another connection of this process made it)


def masked_sql(expression: str) -> str:
    """SQL of `expression` (text) masked by masked_numbers(). A mobile or ID number has 11 digits or
    more, so a text with fewer than 7 is left alone without calling Python (most identifiers)."""
    return (f"case when length(regexp_replace({expression}, '[^\\p{{Nd}}]', '', 'g')) >= 7 "
            f"then {MASKED_SQL_FUNCTION}({expression}) else {expression} end")


def regex_masked_sql(expression: str) -> str:
    """SQL masking a mobile or ID number in `expression`'s first 40 characters with regular
    expressions alone (139****5678), for connections that have no masked_numbers() function (the
    run's stage file: validation's rejected values, the unknown-grid stop); ids and dates with long
    digit runs are left as they are. (A published value is masked by masked_numbers(), as before:
    these texts are stored with runs already published, so they stay as they were.)"""
    return (f"regexp_replace(regexp_replace(left({expression}, 40), "
            f"'(^|[^0-9０-９])([1１][3-9３-９][0-9０-９])[0-9０-９]{{4}}([0-9０-９]{{4}})($|[^0-9０-９])', "
            f"'\\1\\2****\\3\\4', 'g'), "
            f"'(^|[^0-9])([0-9]{{6}})[0-9]{{8}}([0-9]{{3}}[0-9Xx])($|[^0-9Xx])', '\\1\\2********\\3\\4', 'g')")
