"""File names for a month's communities (notice/<name>.*, scorecards/<name>.*): one per community,
never shared, never too long. The documents themselves show the full community name."""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from gridpay.core.errors import ConfigError

# A file name's stem in UTF-8 bytes, suffix included: most file systems allow 255 bytes a name
# (eCryptfs ~143), and a Chinese character is 3 bytes; ".html"/".pdf" come on top.
MAX_STEM_BYTES = 120
SUFFIX_HEX = 8         # "-" + the first hex digits of the name's SHA-256: stable from month to month


def cleaned_name(community: str) -> str:
    """Letters (Chinese included), digits and '-' kept; everything else one '_'."""
    return re.sub(r"[^\w-]+", "_", community).strip("_") or "community"


def _cut(text: str, limit: int) -> str:
    """At most `limit` UTF-8 bytes, cut between characters."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def _suffixed(community: str, base: str, hex_digits: int) -> str:
    digest = hashlib.sha256(community.encode("utf-8")).hexdigest()[:hex_digits]
    return f"{_cut(base, MAX_STEM_BYTES - hex_digits - 1)}-{digest}"


def community_file_names(communities: Iterable[str]) -> dict[str, str]:
    """{community: file name stem}, unique within the month. The cleaned name as it is when it is
    short enough and no other community cleans to it; a community whose name already is that
    clean name keeps it. Any other (a name cut for length, or one of several that clean alike:
    东区/一, 东区?一) gets '-' and the first hex digits of its name's SHA-256."""
    communities = sorted(set(communities))
    base = {c: cleaned_name(c) for c in communities}
    shared = Counter(base.values())
    names = {c: _suffixed(c, b, SUFFIX_HEX)
             if len(b.encode("utf-8")) > MAX_STEM_BYTES or (shared[b] > 1 and b != c) else b
             for c, b in base.items()}
    # a community named like another's suffixed name (a deliberate clash): all of them by the
    # whole digest, which differs for different names
    taken = Counter(names.values())
    names = {c: _suffixed(c, base[c], 64) if taken[n] > 1 else n for c, n in names.items()}
    if len(set(names.values())) < len(names):       # stop the month rather than overwrite a report
        clash = sorted(c for c, n in names.items() if list(names.values()).count(n) > 1)
        raise ConfigError(f"grids.csv: the communities {', '.join(clash)} cannot be given file names of their own")
    return names
