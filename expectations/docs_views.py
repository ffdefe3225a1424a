"""GX's Data Docs page views, with their Jinja templates compiled once per process.

GX's views make a Jinja environment of their own for every page they render, so each Data Docs
build compiles GX's ~50 page templates again (~0.2 s a build: a run builds once; the test suite
and a year of months build hundreds of times). Jinja's own bytecode cache, shared by the views,
keeps the compiled templates: the pages are the same bytes. The views go in through the site's
documented configuration (`site_index_builder` and `site_section_builders` `view` entries:
expectations/runner.py), GX itself runs as shipped."""
from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from great_expectations.render.view import DefaultJinjaIndexPageView, DefaultJinjaPageView


class _InMemoryBytecode(BytecodeCache):
    """Compiled templates kept in this process: keyed by Jinja on the template's name and its
    source's checksum, so an upgraded GX's templates compile anew."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _InMemoryBytecode()


class PageView(DefaultJinjaPageView):
    def __init__(self, custom_styles_directory=None, custom_views_directory=None) -> None:
        super().__init__(custom_styles_directory, custom_views_directory)
        self.env.bytecode_cache = _COMPILED


class IndexPageView(DefaultJinjaIndexPageView):
    def __init__(self, custom_styles_directory=None, custom_views_directory=None) -> None:
        super().__init__(custom_styles_directory, custom_views_directory)
        self.env.bytecode_cache = _COMPILED


def _view(cls: type) -> dict:
    return {"module_name": __name__, "class_name": cls.__name__}


def site_builders() -> dict:
    """The Data Docs site's builders as GX's defaults make them, each with the views above (a new
    dict for each context: GX merges its defaults into what it is given)."""
    return {"site_index_builder": {"class_name": "DefaultSiteIndexBuilder", "view": _view(IndexPageView)},
            "site_section_builders": {section: {"view": _view(PageView)}
                                      for section in ("expectations", "validations", "profiling")}}
