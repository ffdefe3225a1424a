"""A survey CSV's encoding as HR gets it: GBK from Chinese Excel read as it is, and a file half UTF-8 and half
GBK (two files joined) refused naming the line where UTF-8 stops (trial 78 was told only the file)."""
import pytest

from conftest import HAND_SURVEYS, SURVEY_HEADER, policy_text
from gridpay.core.errors import InputError
from gridpay.ingest.survey_files import survey_reading
from gridpay.ingest.survey_stage import stage_surveys
from gridpay.transforms.policy import policy_from_toml


def _lines(rows) -> list[str]:
    return [",".join(row) + "\n" for row in rows]


def test_a_gbk_csv_is_read_and_a_half_gbk_one_is_refused_naming_the_line(tmp_path):
    lines = _lines([SURVEY_HEADER, *HAND_SURVEYS])
    reading = survey_reading(policy_from_toml(policy_text()))
    gbk = tmp_path / "2026-09.csv"
    gbk.write_bytes("".join(lines).encode("gbk"))
    assert stage_surveys([gbk], reading, b"k", tmp_path / "gbk", "2026-09") == len(HAND_SURVEYS)
    mixed = tmp_path / "2026-09-joined.csv"       # the answers UTF-8 (R2's comment Chinese), then one in GBK
    head, tail = "".join(lines).encode(), lines[2].replace("R2,", "R9,").encode("gbk")
    mixed.write_bytes(head + tail)
    assert not head.isascii() and not tail.isascii()
    with pytest.raises(InputError) as refused:
        stage_surveys([mixed], reading, b"k", tmp_path / "mixed", "2026-09")
    said = str(refused.value)
    assert said.startswith(f"2026-09-joined.csv: is neither UTF-8, UTF-16 nor GB18030/GBK text: lines 1 to "
                           f"{len(lines)} are UTF-8 and line {len(lines) + 1} is not (byte "), said
    assert said.endswith("two files of different encodings joined? Use the platform's download as it came"), said


def test_a_gbk_file_with_bytes_no_encoding_reads_names_their_line(tmp_path):
    """Trial 157's GBK file had two bad bytes; the line named no line."""
    lines = _lines([SURVEY_HEADER, *HAND_SURVEYS])
    broken = tmp_path / "纸质补录_gbk.csv"
    broken.write_bytes("".join(lines[:4]).encode("gbk") + b"\x81\x20" + "".join(lines[4:]).encode("gbk"))
    with pytest.raises(InputError, match=r"纸质补录_gbk.csv: is neither UTF-8, UTF-16 nor GB18030/GBK text \(as GBK, line 5 "
                                         r"holds bytes 81 no encoding reads"):
        stage_surveys([broken], survey_reading(policy_from_toml(policy_text())), b"k", tmp_path / "b", "2026-09")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_a_download_cut_off_inside_a_character_is_told_to_be_downloaded_again(tmp_path, encoding):
    """Trial 309: a 问卷星 CSV cut off inside a Chinese character was told of two files joined (UTF-8), or to save it
    again from the program that wrote it (GBK), though it was the download as it came."""
    from downloads import HEADER, wjx_rows
    text = "".join(_lines([HEADER, *wjx_rows(HAND_SURVEYS[:3])])) + "4,2026-09-10 10:00:00,和平"
    cut = tmp_path / "318650221_2_测评_4_4.csv"
    cut.write_bytes(text.encode(encoding)[:-1])
    with pytest.raises(InputError, match="it ends inside a character, its last line unended: a download cut off, "
                                         "download it again"):
        stage_surveys([cut], survey_reading(policy_from_toml(policy_text())), b"k", tmp_path / "c", "2026-09")
