"""Which response ids a survey file's answers have: the policy may give a file's ids a prefix by its
name (a street office's one 问卷星 form per community: three downloads a month, each numbered from 1)."""
from __future__ import annotations

from pathlib import PurePosixPath

from gridpay.ingest.survey_reading import SurveyReading


def file_id_prefix(file_name: str, reading: SurveyReading) -> str:
    """The prefix the policy's [survey.file_id_prefixes] gives the response ids of the survey file named
    `file_name`: the first entry whose text its name holds ("白云" = "B": 白云社区's download's 17 is B17),
    "" for none. One form per community, each numbered from 1 by the platform, is three downloads of one
    month sharing ids (a fifteenth trial's street office)."""
    name = PurePosixPath(file_name).name
    return next((prefix for text, prefix in reading.file_id_prefixes if text and text in name), "")


def file_grid(file_name: str, reading: SurveyReading) -> str | None:
    """The grid the policy's [survey.file_grids] gives the platform download named `file_name`: the first entry whose
    text its name holds ("412345673" = "YH3": a form per grid, its download naming no grid), None for none. A
    hundred-and-fifty-sixth trial's community, one 问卷星 form per grid, could run no month but by inserting a grid
    column into each download, which the platform's file never should have."""
    name = PurePosixPath(file_name).name
    return next((grid for text, grid in reading.file_grids if text and grid and text in name), None)
