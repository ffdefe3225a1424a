"""The CJK font used by charts and PDFs; Chinese names must never render as boxes."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
from matplotlib import font_manager  # noqa: E402  (backend first)

CJK_FAMILY = "Noto Sans CJK SC"
CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)


class FontMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def cjk_font_path() -> Path:
    """GRIDPAY_CJK_FONT, else Debian's fonts-noto-cjk or fonts-wqy-microhei."""
    for candidate in filter(None, (os.environ.get("GRIDPAY_CJK_FONT"), *CANDIDATES)):
        if Path(candidate).is_file():
            return Path(candidate)
    raise FontMissing("no CJK font found: install Debian's fonts-noto-cjk (make setup does) "
                      "or set GRIDPAY_CJK_FONT to a .ttc/.otf file")


@lru_cache(maxsize=1)
def cjk_family() -> str:
    """Registers the font with matplotlib and returns the family name to use everywhere."""
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    names = {f.name for f in font_manager.fontManager.ttflist if f.fname == str(path)}
    family = CJK_FAMILY if CJK_FAMILY in names else sorted(names)[0]
    matplotlib.rcParams.update({
        "font.family": [family, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.fonttype": "none",          # chart text stays text and takes the page's font
        "svg.hashsalt": "gridpay",       # stable SVG ids: same data, same bytes
    })
    return family
