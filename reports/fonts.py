"""The CJK font used by charts and PDFs; Chinese names must never render as boxes."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path


CJK_FAMILY = "Noto Sans CJK SC"
CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)


class FontMissing(RuntimeError):
    pass


# A subset's `head.modified`, by weight, to cut faces with: an audit re-renders a PDF published with a
# subset cut on another machine (or before the cache was emptied) with that subset's own date (a seventy-
# fourth trial's restored laptop called every PDF of a right month edited). None: the source face's date.
_DATED: ContextVar[dict[str, int] | None] = ContextVar("subset_dated", default=None)


@contextmanager
def fonts_dated(modified: dict[str, int]) -> Iterator[None]:
    token = _DATED.set(modified)
    try:
        yield
    finally:
        _DATED.reset(token)


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
    """Registers the font with matplotlib and returns the family name to use everywhere.
    matplotlib (~0.5 s to import) loads here, where a chart is drawn: a run with `--reports none`
    and an audit draw none."""
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import font_manager
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


@lru_cache(maxsize=4)
def _face_index(path: Path) -> int:
    """The Simplified Chinese face of a collection (.ttc), else the first."""
    from fontTools.ttLib import TTCollection
    if path.suffix.lower() != ".ttc":
        return 0
    faces = TTCollection(str(path), lazy=True).fonts
    names = [f["name"].getDebugName(1) for f in faces]
    return names.index(CJK_FAMILY) if CJK_FAMILY in names else 0


@lru_cache(maxsize=1)
def _advances() -> tuple[dict[int, str], dict[str, tuple[int, int]], int]:
    from fontTools.ttLib import TTFont
    path = cjk_font_path()
    font = TTFont(str(path), fontNumber=_face_index(path), lazy=True)
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def text_ems(text: str) -> float:
    """The width of `text` set in the CJK font's regular face, in ems (1 for a character it lacks)."""
    cmap, metrics, units = _advances()
    return sum(metrics[cmap[ord(c)]][0] / units if ord(c) in cmap else 1.0 for c in text)


def font_cache_dir() -> Path:
    """Subset faces are kept here between runs ($XDG_CACHE_HOME/gridpay/fonts): cutting a face
    from the 20 MB collection takes ~0.8 s, and a month's characters rarely change."""
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "gridpay" / "fonts"


def subset_fonts(text: str) -> dict[str, Path]:
    """The CJK font's regular and (when installed) bold faces cut down to the characters of
    `text`, as OpenType files: {'normal': path, 'bold': path}. WeasyPrint's HarfBuzz subsetting
    keeps glyph ids, so a PDF that embeds the whole 65k-glyph face carries its tables (~290 KiB a
    page); a face of a few hundred glyphs makes the same page a few tens of KiB."""
    regular = cjk_font_path()
    bold = Path(str(regular).replace("Regular", "Bold"))
    codepoints = sorted({ord(c) for c in text} | set(range(0x20, 0x7F)))
    out = {}
    for weight, source in (("normal", regular), ("bold", bold if bold.is_file() and bold != regular else None)):
        if source is None:
            continue
        stat = source.stat()
        dated = (_DATED.get() or {}).get(weight)
        key = hashlib.sha256(f"{source}|{stat.st_size}|{stat.st_mtime_ns}|{codepoints}"
                             f"{'' if dated is None else f'|{dated}'}".encode()).hexdigest()[:24]
        out[weight] = font_cache_dir() / f"{weight}-{key}.otf"
        if not out[weight].is_file():
            _write_subset(source, codepoints, out[weight], dated)
    return out


def _write_subset(source: Path, codepoints: list[int], target: Path, modified: int | None) -> None:
    from fontTools import subset, ttLib
    options = subset.Options()
    # names kept (the family must not be renamed); layout features dropped: horizontal Chinese and
    # figures need none, and the CJK layout tables are most of the subsetting time
    options.name_IDs, options.name_languages, options.layout_features = ["*"], ["*"], []
    options.notdef_outline, options.hinting = True, False
    # the source face's date, not the moment it was cut: the same characters give the same bytes anywhere
    font = ttLib.TTFont(str(source), fontNumber=_face_index(source), lazy=True, recalcTimestamp=False)
    if modified is not None:
        font["head"].modified = modified
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    font.save(str(partial))
    os.replace(partial, target)        # another process may be writing the same subset
