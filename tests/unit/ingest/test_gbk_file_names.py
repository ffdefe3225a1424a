"""A file whose name is GBK bytes (a zip made on Windows, unpacked on Linux) stops naming it as GBK reads it: trial 248's
run failed with an 'unexpected error' naming no file, the name's bytes refused by the warehouse."""
import os

import pytest

from gridpay.core.errors import InputError
from gridpay.ingest.staging import input_files

NAME = "翠湖社区网格员满意度.xlsx"


@pytest.mark.parametrize("suffix", [".xlsx", ".txt"])        # a file not read is named in the run's lines too
def test_a_gbk_name_in_the_months_folder_stops_naming_it(make_inbox, suffix):
    inbox = make_inbox({})
    folder = inbox / "surveys" / "2026-09"
    folder.mkdir(parents=True)
    with open(os.path.join(os.fsencode(folder), NAME.replace(".xlsx", suffix).encode("gbk")), "wb") as handle:
        handle.write(b"PK")
    with pytest.raises(InputError) as stop:
        input_files(inbox, "2026-09")
    said = str(stop.value)
    assert said.startswith(f"surveys/2026-09/{NAME.replace('.xlsx', suffix)}: its name is not UTF-8 text but GBK")
    assert "-O GBK" in said and "\udcb4" not in said


def test_a_gbk_name_in_the_inbox_itself_or_another_months_folder_stops_too(make_inbox):
    """Its re-check: a GBK-named download in the inbox itself failed the run's stop on a loose survey file."""
    for folder in ("", "surveys/2026-08"):
        inbox = make_inbox({}, name=f"inbox{len(folder)}")
        (inbox / folder).mkdir(parents=True, exist_ok=True)
        with open(os.path.join(os.fsencode(inbox / folder), NAME.encode("gbk")), "wb") as handle:
            handle.write(b"PK")
        with pytest.raises(InputError, match="its name is not UTF-8 text but GBK"):
            input_files(inbox, "2026-09")
