"""The dates of the font subsets a published PDF embeds (their `head.modified`), by weight, and the folders its links
to files resolved in: what an audit renders the PDF again with, byte for byte (reports/fonts.py fonts_dated).
WeasyPrint embeds each face as a Flate-compressed OpenType stream and keeps the subset's head table."""
from __future__ import annotations

import re
import struct
import zlib

# an embedded OpenType face's dictionary and stream (pydyf writes them so); other streams are not read
_FONT_STREAM = re.compile(rb"<</Subtype /OpenType/Filter /FlateDecode/Length (\d+)>>\r?\nstream\r?\n")


def embedded_font_dates(pdf: bytes) -> dict[str, int]:
    """{'normal': modified, 'bold': modified} of the faces `pdf` embeds (OS/2 weight 600 or more is bold);
    {} if it embeds none that can be read."""
    dates = {}
    for match in _FONT_STREAM.finditer(pdf):
        try:
            font = zlib.decompress(pdf[match.end():match.end() + int(match[1])])
            tables = _tables(font)
            weight = struct.unpack(">H", font[tables["OS/2"] + 4:tables["OS/2"] + 6])[0]
            modified = struct.unpack(">q", font[tables["head"] + 28:tables["head"] + 36])[0]
        except (zlib.error, struct.error, KeyError):      # not a face this can read: no date from it
            continue
        dates["bold" if weight >= 600 else "normal"] = modified
    return dates


def _tables(font: bytes) -> dict[str, int]:
    """An sfnt's table offsets by tag."""
    count = struct.unpack(">H", font[4:6])[0]
    entries = (struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i]) for i in range(count))
    return {tag.decode("latin-1"): offset for tag, _, offset, _ in entries}


# a link annotation's target, inside the object streams pydyf compresses
_STREAM = re.compile(rb"/Filter /FlateDecode/Length (\d+)[^>]*>>\r?\nstream\r?\n")
_FILE_LINK = re.compile(rb"/URI \((file://[^)]*?/)scorecards/")


def file_link_bases(pdf: bytes) -> list[str]:
    """The folders ('file:///.../templates/') a PDF's links to community pages (scorecards/...) resolved in."""
    found = []
    for match in _STREAM.finditer(pdf):
        try:
            text = zlib.decompress(pdf[match.end():match.end() + int(match[1])])
        except zlib.error:
            continue
        found += [m.group(1).decode("latin-1") for m in _FILE_LINK.finditer(text)]
    return list(dict.fromkeys(found))
