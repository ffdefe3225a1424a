"""A text file's encoding as HR's files come: UTF-8 (a platform's), UTF-16 (Excel's 'Unicode 文本'), GBK (Excel's
CSV on a Chinese Windows), and where none reads it, which line stops it and why (two files joined, a download cut
off inside a character)."""
from __future__ import annotations

import codecs

from gridpay.core.errors import InputError


def decoded_bytes(name: str, data: bytes) -> str:
    """A file's text; UTF-8 (BOM or not), UTF-16 with BOM, else GB18030 (a superset of GBK); `name` for the line."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data     # the places UTF-8 counts
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        if mixed := utf8_until(body, error.start):
            raise InputError(name, "is neither UTF-8, UTF-16 nor GB18030/GBK text" + mixed) from None
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:     # where: trial 157's GBK file had two bad bytes, and the line said nothing
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(name, f"is neither UTF-8, UTF-16 nor GB18030/GBK text (as GBK, line {line} holds bytes "
                               f"{data[error.start:error.end].hex(' ')} no encoding reads: "
                               + (_CUT if _cut_short(data, error.start) else "save the file again from the program "
                                  "that wrote it, or retype that line") + ")") from None


# trial 309: a download cut off inside a character was told of two files joined, or to save it again
_CUT = "it ends inside a character, its last line unended: a download cut off, download it again"


def _cut_short(data: bytes, stop: int) -> bool:
    return not data.endswith(b"\n") and stop >= len(data) - 3 and b"\n" not in data[stop:]


def utf8_until(data: bytes, stop: int) -> str:
    """Where UTF-8 stops in a file whose whole lines before it hold UTF-8 Chinese: half UTF-8 and half GBK (two
    files joined, lines pasted from another program). Read as GBK its UTF-8 lines were garbled, or it was refused
    naming no line (trial 78). A GBK file's first line of Chinese is hardly ever whole UTF-8 by chance."""
    whole = data.rfind(b"\n", 0, stop) + 1
    if data[:whole].isascii():
        return ""
    if _cut_short(data, stop):
        return f" ({_CUT})"
    line = data.count(b"\n", 0, stop) + 1
    return (f": lines 1 to {line - 1} are UTF-8 and line {line} is not (byte {stop + 1}, "
            f"{data[stop:stop + 2].hex(' ')}): two files of different encodings joined? "
            f"Use the platform's download as it came")
